package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The experiment page's comparison charts of a sweep: a numeric param is a quantitative axis in numeric
 * order on the scale run.json records (guessed only for folders written before scales were recorded),
 * and the sweep's summary run, whose params list every swept value, is never plotted.
 */
class SweepAxesChartsTest extends SiteFolders {
  static final String SWEEP = "20261126-220000-ab12";
  static final double[] CS = {0.01, 0.0268, 0.072, 0.193, 0.518, 1.39, 3.73, 10};
  static final String AXES = """
      {"model.penalty": {"scale": "categorical", "values": ["l1", "l2"]},
       "model.c": {"scale": "%s", "values": [0.01, 0.0268, 0.072, 0.193, 0.518, 1.39, 3.73, 10]}}""";

  /** 16 trials (l1, l2 × 8 values of C) and the summary run, as a sweep writes them; {@code axes} null: an old folder. */
  void sweep(String scale) {
    sweep(scale, true);
  }

  /** With {@code trialsCarryAxes} false only the summary records them, as for trials run by worker processes. */
  void sweep(String scale, boolean trialsCarryAxes) {
    String summaryAxes = scale == null ? "" : ", \"axes\": " + AXES.formatted(scale);
    String axes = trialsCarryAxes ? summaryAxes : "";
    int trial = 0;
    for (String penalty : List.of("l1", "l2")) {
      for (double c : CS) {
        trial++;
        String id = "20261126-2201%02d-00%02d".formatted(trial, trial);
        Fixtures.write(runs().resolve("logreg").resolve(id).resolve("run.json"), """
            {"schema": 1, "experiment": "logreg", "run_id": "%s", "status": "finished", "seed": 42,
             "params": {"seed": 42, "model": "logistic-regression", "model.penalty": "%s", "model.c": %s},
             "sweep": {"id": "%s", "trial": %d, "trials": 16, "keys": ["model.penalty", "model.c"]%s},
             "provenance": {"started": "2026-11-26T22:00:00Z", "ended": "2026-11-26T22:00:30Z"}}
            """.formatted(id, penalty, c, SWEEP, trial, axes));
        Fixtures.write(runs().resolve("logreg").resolve(id).resolve("summary.json"), """
            {"metrics": {"test/accuracy": %s}, "headline": "test/accuracy"}""".formatted(0.8 + c / 100));
      }
    }
    Fixtures.write(runs().resolve("logreg").resolve(SWEEP).resolve("run.json"), """
        {"schema": 1, "experiment": "logreg", "run_id": "%s", "status": "finished", "seed": 42,
         "params": {"seed": 42, "model": "logistic-regression", "model.penalty": ["l1", "l2"],
                    "model.c": ["0.01", "0.0268", "0.072", "0.193", "0.518", "1.39", "3.73", "10"]},
         "sweep": {"id": "%s", "trial": 0, "trials": 16, "keys": ["model.penalty", "model.c"]%s},
         "provenance": {"started": "2026-11-26T22:00:00Z", "ended": "2026-11-26T22:10:00Z"}}
        """.formatted(SWEEP, SWEEP, summaryAxes));
    Fixtures.write(runs().resolve("logreg").resolve(SWEEP).resolve("summary.json"),
        "{\"metrics\": {\"test/accuracy\": 0.99}, \"headline\": \"test/accuracy\"}");
  }

  List<JsonNode> specs() throws IOException {
    SiteGenerator.build(runs(), site(), warnings::add);
    return ChartBlocks.of(Files.readString(SiteGenerator.experimentPage(site(), "logreg")));
  }

  /** The comparison chart (a scatter: one mark, x field "x") of test/accuracy against model.c. */
  static JsonNode scatterOfC(List<JsonNode> specs) {
    return specs.stream().filter(s -> s.path("title").asString().equals("test/accuracy against model.c"))
        .filter(s -> s.path("encoding").path("x").path("field").asString().equals("x")).findFirst().orElseThrow();
  }

  @Test
  void test_accuracy_against_c_is_a_quantitative_log_axis_in_numeric_order() throws IOException {
    sweep("log");
    JsonNode spec = scatterOfC(specs());

    JsonNode x = spec.path("encoding").path("x");
    assertThat(x.path("type").asString()).isEqualTo("quantitative");
    assertThat(x.path("scale").path("type").asString()).isEqualTo("log");
    List<Double> xs = new ArrayList<>();
    spec.path("data").path("values").forEach(row -> {
      assertThat(row.path("x").isNumber()).as("x of " + row).isTrue();
      xs.add(row.path("x").asDouble());
    });
    assertThat(xs).hasSize(16).isSorted(); // 16 trials; the summary run is not one of them
    assertThat(xs.getFirst()).isEqualTo(0.01);
    assertThat(xs.getLast()).isEqualTo(10.0);
  }

  @Test
  void the_scale_comes_from_run_json_not_from_how_the_values_look() throws IOException {
    sweep("linear"); // values over three decades, recorded as a linear sweep: drawn linear
    JsonNode x = scatterOfC(specs()).path("encoding").path("x");
    assertThat(x.path("type").asString()).isEqualTo("quantitative");
    assertThat(x.path("scale").path("type").asString()).isEqualTo("linear");
  }

  @Test
  void trials_that_do_not_carry_the_axes_take_the_scale_their_summary_run_recorded() throws IOException {
    sweep("linear", false);
    JsonNode x = scatterOfC(specs()).path("encoding").path("x");
    assertThat(x.path("scale").path("type").asString()).isEqualTo("linear");
  }

  @Test
  void a_folder_written_before_scales_were_recorded_still_gets_a_numeric_log_axis() throws IOException {
    sweep(null);
    JsonNode x = scatterOfC(specs()).path("encoding").path("x");
    assertThat(x.path("type").asString()).isEqualTo("quantitative");
    assertThat(x.path("scale").path("type").asString()).isEqualTo("log");
  }

  @Test
  void no_chart_on_the_experiment_page_holds_a_list_value_or_the_summary_run() throws IOException {
    sweep("log");
    List<JsonNode> specs = specs();
    assertThat(specs).hasSizeGreaterThanOrEqualTo(4); // two scatters, bars, parallel coordinates, the sweep's chart
    for (JsonNode spec : specs) {
      List<JsonNode> values = new ArrayList<>();
      collectValues(spec, values);
      for (JsonNode value : values) {
        assertThat(value.isArray() || value.isObject()).as(spec.path("title") + ": " + value).isFalse();
        assertThat(value.asString("")).as(spec.path("title").asString()).doesNotStartWith("[");
      }
    }
    JsonNode parallel = specs.stream().filter(s -> s.path("title").asString().startsWith("Parameters")).findFirst()
        .orElseThrow();
    assertThat(parallel.path("data").path("values")).hasSize(16);
    JsonNode bars = specs.stream().filter(s -> s.path("title").asString().startsWith("test/accuracy per run")).findFirst()
        .orElseThrow();
    assertThat(bars.path("data").path("values")).extracting(r -> r.path("value").asDouble()).doesNotContain(0.99);
  }

  /** Every field value of every data row in a spec (its layers' data included). */
  static void collectValues(JsonNode node, List<JsonNode> out) {
    if (node.isObject()) {
      JsonNode rows = node.path("data").path("values");
      if (rows.isArray()) {
        rows.forEach(row -> row.forEach(out::add));
      }
      node.forEach(child -> collectValues(child, out));
    } else if (node.isArray()) {
      node.forEach(child -> collectValues(child, out));
    }
  }
}
