package dev.labkit.kinds.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.ground.Selection;
import dev.labkit.run.Outcome;
import dev.labkit.run.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** softmax's crossed sweep (optimizer × epochs × batch × validation) drawn without lines across hidden keys. */
@SuppressWarnings("unchecked")
class CrossedSweepChartsTest {
  static final List<String> KEYS = List.of("model.optimizer", "model.epochs", "model.batch", "validation");
  static final Selection BY_VAL = new Selection("val/accuracy", Selection.Basis.VALIDATION, false);

  static List<Outcome> softmaxTrials() {
    List<Outcome> outcomes = new ArrayList<>();
    int i = 0;
    for (String optimizer : List.of("adam", "sgd", "rmsprop")) {
      for (String epochs : List.of("10", "20")) {
        for (String batch : List.of("32", "128")) {
          for (String validation : List.of("0.2", "0.1")) {
            Map<String, String> a = Map.of("model.optimizer", optimizer, "model.epochs", epochs, "model.batch", batch,
                "validation", validation);
            Map<String, Double> metrics = new HashMap<>();
            metrics.put("val/accuracy", 0.80 + 0.001 * i);
            metrics.put("test/accuracy", 0.79 + 0.001 * i++);
            outcomes.add(new Outcome(new Trial(null, new java.util.LinkedHashMap<>(ordered(a))), Path.of("t"), metrics));
          }
        }
      }
    }
    return outcomes;
  }

  static Map<String, String> ordered(Map<String, String> a) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    KEYS.forEach(k -> m.put(k, a.get(k)));
    return m;
  }

  @Test
  void each_line_of_accuracy_against_epochs_visits_one_point_per_x() {
    JsonNode spec = RunCharts.sweep("model.epochs", KEYS, softmaxTrials(), null, BY_VAL).spec();
    Map<String, Integer> pointsPerSeriesAndX = new HashMap<>();
    spec.findValues("values").forEach(values -> values.forEach(row -> {
      if (row.has("series")) {
        pointsPerSeriesAndX.merge(row.get("series").asString() + "@" + row.get("model.epochs").asString(), 1,
            Integer::sum);
      }
    }));
    assertThat(pointsPerSeriesAndX).isNotEmpty();
    assertThat(pointsPerSeriesAndX.values()).allMatch(n -> n == 1);
    assertThat(pointsPerSeriesAndX.keySet()).anyMatch(k -> k.startsWith("adam · batch 32 · 80/20 · val@"));
  }

  @Test
  void a_two_valued_key_gets_a_pivot_with_its_difference_per_combination_of_the_others() {
    List<SweepPivots.Pivot> pivots = SweepPivots.of(KEYS, softmaxTrials(), BY_VAL);
    assertThat(pivots).extracting(SweepPivots.Pivot::title).contains(
        "val/accuracy: batch 32 vs 128, Δ per optimizer, epochs, validation",
        "val/accuracy: validation 80/20 vs 90/10, Δ per optimizer, epochs, batch");
    SweepPivots.Pivot batch = pivots.stream().filter(p -> p.name().equals("pivot-model-batch")).findFirst().orElseThrow();
    assertThat((List<Object>) batch.table().get("columns")).containsExactly((Object) "optimizer, epochs, validation", "32", "128",
        "Δ (128 − 32)");
    List<?> first = (List<?>) ((List<?>) batch.table().get("rows")).getFirst();
    assertThat(first.getFirst()).isEqualTo("optimizer adam, epochs 10, validation 80/20");
    assertThat((Double) first.get(3)).isCloseTo(0.002, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void two_keys_of_several_values_pivot_rows_by_the_first_and_columns_by_the_second() {
    List<Outcome> outcomes = new ArrayList<>();
    for (String penalty : List.of("l1", "l2", "none")) {
      for (String c : List.of("0.1", "1", "10")) {
        outcomes.add(new Outcome(new Trial(null, ordered2(penalty, c)), Path.of("t"),
            Map.of("val/accuracy", c.equals("10") ? 0.9 : 0.8)));
      }
    }
    List<SweepPivots.Pivot> pivots = SweepPivots.of(List.of("model.penalty", "model.c"), outcomes, BY_VAL);
    assertThat(pivots).hasSize(1);
    assertThat((List<Object>) pivots.getFirst().table().get("columns")).containsExactly((Object) "penalty", "0.1", "1", "10",
        "Δ (10 − 0.1)");
    assertThat((List<?>) pivots.getFirst().table().get("rows")).hasSize(3);
  }

  static Map<String, String> ordered2(String penalty, String c) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("model.penalty", penalty);
    m.put("model.c", c);
    return m;
  }
}
