package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.chart.Chart.Scale;
import dev.labkit.chart.Chart;
import dev.labkit.chart.Charts;
import dev.labkit.chart.LineChart;
import dev.labkit.model.Loss;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChartsTest {
  static final List<Map<String, Object>> LOSS = List.of(
      Charts.row("step", 0, "name", "train/loss", "value", 2.3),
      Charts.row("step", 1, "name", "train/loss", "value", 0.9),
      Charts.row("step", 0, "name", "test/loss", "value", 2.4),
      Charts.row("step", 1, "name", "test/loss", "value", 1.1));

  static JsonNode tree(Chart chart) {
    return RunFolders.JSON.readTree(chart.json());
  }

  @Test
  void a_line_chart_draws_one_coloured_line_per_series_with_a_hover_tooltip() {
    JsonNode spec = tree(Charts.line("Loss").x("step", "iteration").y("value", "loss").series("name", "metric")
        .data(LOSS));

    assertThat(spec.path("$schema").asString()).isEqualTo("https://vega.github.io/schema/vega-lite/v5.json");
    assertThat(spec.path("title").asString()).isEqualTo("Loss");
    assertThat(spec.path("data").path("values")).hasSize(4);
    assertThat(spec.path("data").path("values").get(1).path("value").asDouble()).isEqualTo(0.9);
    JsonNode line = spec.path("layer").get(0);
    assertThat(line.path("mark").path("type").asString()).isEqualTo("line");
    assertThat(line.path("encoding").path("x").path("title").asString()).isEqualTo("iteration");
    assertThat(line.path("encoding").path("color").path("field").asString()).isEqualTo("name");
    JsonNode hover = spec.path("layer").get(1);
    assertThat(hover.path("params").get(0).path("select").path("nearest").asBoolean()).isTrue();
    assertThat(hover.path("encoding").path("tooltip")).extracting(t -> t.path("field").asString())
        .containsExactly("name", "step", "value");
  }

  @Test
  void log_scales_are_set_per_axis() {
    JsonNode spec = tree(Charts.line("Loss").x("step", "step", Scale.LOG).y("value", "loss", Scale.LOG).data(LOSS));
    JsonNode enc = spec.path("layer").get(0).path("encoding");

    assertThat(enc.path("x").path("scale").path("type").asString()).isEqualTo("log");
    assertThat(enc.path("y").path("scale").path("type").asString()).isEqualTo("log");
    assertThat(tree(Charts.line("t").data(LOSS)).path("layer").get(0).path("encoding").path("y").path("scale")
        .path("type").asString()).isEqualTo("linear");
  }

  @Test
  void events_are_labelled_vertical_rules_at_their_step() {
    JsonNode spec = tree(Charts.line("Loss").data(LOSS).event(40, "lr halved").event(95, "early stop"));

    JsonNode events = spec.path("layer").get(2);
    assertThat(events.path("data").path("values")).extracting(v -> v.path("step").asDouble() + " " + v.path("event").asString())
        .containsExactly("40.0 lr halved", "95.0 early stop");
    assertThat(events.path("layer").get(0).path("mark").path("type").asString()).isEqualTo("rule");
    assertThat(events.path("layer").get(1).path("encoding").path("text").path("field").asString()).isEqualTo("event");
  }

  @Test
  void a_sweep_chart_plots_a_metric_against_a_dotted_param_on_a_log_axis_with_the_best_point_ringed() {
    JsonNode spec = tree(Charts.line("Accuracy against C").points()
        .x("model.c", "C", Scale.LOG).y("accuracy", "accuracy").series("split")
        .data(List.of(Charts.row("model.c", 0.01, "split", "test", "accuracy", 0.80),
            Charts.row("model.c", 1.0, "split", "test", "accuracy", 0.84),
            Charts.row("model.c", 1.0, "split", "train", "accuracy", 0.88)))
        .highlight(1.0, 0.84, "best"));

    JsonNode line = spec.path("layer").get(0);
    assertThat(line.path("mark").path("point").asBoolean()).isTrue();
    // a dot in a field name means nesting to Vega-Lite: the flat key must be escaped
    assertThat(line.path("encoding").path("x").path("field").asString()).isEqualTo("model\\.c");
    assertThat(line.path("encoding").path("x").path("scale").path("type").asString()).isEqualTo("log");
    assertThat(spec.path("data").path("values").get(0).has("model.c")).isTrue();
    JsonNode best = spec.path("layer").get(2);
    assertThat(best.path("data").path("values").get(0).path("highlight").asString()).isEqualTo("best");
    assertThat(best.path("layer").get(0).path("mark").path("filled").asBoolean()).isFalse();
  }

  @Test
  void grouped_bars_put_each_models_bar_side_by_side_within_a_fold_in_row_order() {
    JsonNode spec = tree(Charts.bars("Accuracy per fold").x("fold", "fold").y("accuracy", "accuracy")
        .group("model", "model")
        .data(List.of(Charts.row("fold", "2", "model", "svm", "accuracy", 0.8),
            Charts.row("fold", "10", "model", "forest", "accuracy", 0.82))));

    assertThat(spec.path("mark").path("type").asString()).isEqualTo("bar");
    assertThat(spec.path("encoding").path("xOffset").path("field").asString()).isEqualTo("model");
    assertThat(spec.path("encoding").path("x").path("sort").isNull()).isTrue();
    assertThat(spec.path("encoding").path("y").path("scale").path("zero").asBoolean()).isTrue();
  }

  @Test
  void a_roc_chart_has_a_curve_per_class_in_threshold_order_over_the_diagonal() {
    JsonNode spec = tree(Charts.roc("ROC").curve("a", new double[] {0, 0, 1}, new double[] {0, 0.9, 1})
        .curve("b", new double[] {0, 0.5, 1}, new double[] {0, 0.5, 1}));

    assertThat(spec.path("data").path("values")).hasSize(6);
    JsonNode diagonal = spec.path("layer").get(0);
    assertThat(diagonal.path("data").path("values").toString()).isEqualTo("[{\"fpr\":0,\"tpr\":0},{\"fpr\":1,\"tpr\":1}]");
    JsonNode curves = spec.path("layer").get(1);
    assertThat(curves.path("encoding").path("order").path("field").asString()).isEqualTo("i");
    assertThat(curves.path("encoding").path("x").path("scale").path("domain").toString()).isEqualTo("[0,1]");
    assertThatThrownBy(() -> Charts.roc("x").curve("c", new double[2], new double[3]))
        .hasMessage("ROC curve c: fpr has 2 points and tpr 3; they must pair up");
  }

  @Test
  void values_that_are_not_finite_numbers_become_null_so_the_json_stays_valid() {
    String json = Charts.line("t").data(List.of(Charts.row("step", 0, "value", Double.NaN),
        Charts.row("step", 1, "value", Double.POSITIVE_INFINITY))).json();

    assertThat(json).contains("{\"step\":0,\"value\":null}", "{\"step\":1,\"value\":null}");
  }

  @Test
  void charts_are_immutable_so_forking_one_leaves_the_original_alone() {
    LineChart base = Charts.line("Loss").data(LOSS);
    LineChart log = base.y("value", "loss", Scale.LOG).event(1, "stop");

    assertThat(base.y().scale()).isEqualTo(Scale.LINEAR);
    assertThat(base.events()).isEmpty();
    assertThat(log.events()).hasSize(1);
    assertThat(base.json()).isEqualTo(Charts.line("Loss").data(LOSS).json());
  }

  @Test
  void script_safe_json_cannot_close_its_script_element_and_still_parses_to_the_same_value() {
    String title = "</script><script>alert(1)</script> & <!-- \u2028";
    Chart chart = Charts.line(title).data(LOSS);

    String safe = Charts.scriptSafe(chart.json());

    assertThat(safe).doesNotContain("<", ">", "&", "\u2028");
    assertThat(RunFolders.JSON.readTree(safe).path("title").asString()).isEqualTo(title);
  }
}
