package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.cli.LabOptions;
import dev.labkit.data.Datasets;
import dev.labkit.eval.Evaluation;
import dev.labkit.ground.Json;
import dev.labkit.ground.UserError;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.model.LogisticRegression;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RegressionRunTest {
  @TempDir Path out;
  final ByteArrayOutputStream console = new ByteArrayOutputStream();

  Runner.Result run(Experiment experiment, LabOptions options) {
    return Runner.execute(experiment, options, new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  static Experiment line() {
    return new ExperimentStart("line-gd").data(Datasets.line().n(2000)).model(LinearRegressionGd.defaults().steps(300));
  }

  static JsonNode json(Path file) throws Exception {
    return Json.MAPPER.readTree(Files.readString(file));
  }

  @Test
  void a_regression_run_records_the_line_its_loss_curve_and_a_fitted_line_chart() throws Exception {
    Runner.Result result = run(line(), LabOptions.of(out).noSite(true));
    JsonNode metrics = json(result.folder().resolve("summary.json")).get("metrics");
    assertThat(metrics.get("w").asDouble()).isBetween(2.5, 3.5);
    assertThat(metrics.get("b").asDouble()).isBetween(1.5, 2.5);
    assertThat(metrics.has("final_loss") && metrics.has("mse") && metrics.has("mae") && metrics.has("lr_drops")).isTrue();
    assertThat(json(result.folder().resolve("summary.json")).get("headline").asString()).isEqualTo("mse");
    assertThat(Files.readAllLines(result.folder().resolve("metrics.csv")).stream()
        .filter(line -> line.contains(",train/loss,")).count()).isEqualTo(300);
    assertThat(json(result.folder().resolve("artifacts.json")).findValuesAsString("name")).contains("fitted-line");
    JsonNode run = json(result.folder().resolve("run.json"));
    assertThat(run.get("dataset").get("train").get("size").asInt()).isEqualTo(2000);
    assertThat(run.get("params").get("model.lr").asDouble()).isEqualTo(0.01);
  }

  @Test
  void a_regression_sweep_summary_has_the_trials_table_overlaid_losses_and_fitted_lines() throws Exception {
    Runner.Result result = run(line().sweep("model.loss", "mse", "mae").sweep("model.schedule", "constant", "patience"),
        LabOptions.of(out).noSite(true));
    JsonNode table = json(result.folder().resolve("artifacts/trials.json"));
    assertThat(table.get("columns").valueStream().map(JsonNode::asString))
        .contains("model.loss", "model.schedule", "w", "b", "final_loss", "steps_to_converge", "lr_drops");
    assertThat(table.get("rows")).hasSize(4);
    JsonNode curves = json(result.folder().resolve("artifacts/loss-curves.json"));
    // the loss is swept with another key: one panel per loss, its curves named by the other keys
    assertThat(curves.get("facet").get("field").asString()).isEqualTo("loss");
    assertThat(curves.get("data").get("values").valueStream()
        .map(v -> v.get("loss").asString() + " " + v.get("series").asString()).distinct())
        .containsExactly("mse schedule=constant", "mse schedule=patience", "mae schedule=constant",
            "mae schedule=patience");
    assertThat(curves.get("spec").get("layer").get(0).get("encoding").get("y").get("scale").get("type").asString())
        .isEqualTo("log");
    JsonNode lines = json(result.folder().resolve("artifacts/fitted-lines.json"));
    assertThat(lines.get("layer").get(1).get("data").get("values")).hasSize(8); // two ends per trial
  }

  @Test
  void a_diverging_run_fails_with_the_step_the_last_finite_loss_and_the_fix_and_keeps_its_metrics() throws Exception {
    LabOptions options = LabOptions.of(out).noSite(true).set("model.lr=10");
    assertThatThrownBy(() -> run(line(), options)).isInstanceOf(UserError.class)
        .hasMessageMatching("diverged at step \\d+: the loss became NaN or infinite \\(last finite loss .+\\); "
            + "lower the learning rate \\(model.lr = 10\\)");
    Path folder = Files.list(out.resolve("runs/line-gd")).findFirst().orElseThrow();
    assertThat(json(folder.resolve("run.json")).get("status").asString()).isEqualTo("failed");
    JsonNode metrics = json(folder.resolve("summary.json")).get("metrics");
    assertThat(metrics.get("diverged_at").asInt()).isGreaterThan(1);
    assertThat(metrics.has("last_finite_loss")).isTrue();
    assertThat(Files.readString(folder.resolve("metrics.csv"))).contains(",train/loss,");
  }

  @Test
  void a_diverging_trial_fails_alone_and_the_rest_of_its_sweep_still_runs() throws Exception {
    Runner.Result result = run(line().sweep("model.lr", 10, 0.01), LabOptions.of(out).noSite(true));
    assertThat(result.exitCode()).isEqualTo(1);
    JsonNode summary = json(result.folder().resolve("run.json"));
    assertThat(summary.get("status").asString()).isEqualTo("failed");
    assertThat(summary.get("error").asString()).startsWith("1 of 2 trials failed; trial 1: diverged at step");
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("trial 2/2");
    JsonNode table = json(result.folder().resolve("artifacts/trials.json"));
    assertThat(table.get("rows")).hasSize(1);
  }

  @Test
  void a_sweep_whose_data_cannot_load_stops_before_its_first_trial() {
    Experiment missingData = new ExperimentStart("missing").data(Datasets.fashionMnist().path(out.resolve("nowhere")))
        .model(LogisticRegression.defaults()).sweep("model.c", 0.1, 1, 10);
    assertThatThrownBy(() -> run(missingData, LabOptions.of(out).noSite(true))).isInstanceOf(UserError.class)
        .hasMessageContaining("nowhere");
    assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("trial 1/3"); // checked once, up front (issue 18)
    assertThat(out.resolve("runs/missing")).doesNotExist();
  }

  @Test
  void bad_settings_on_the_command_line_are_one_line_errors_naming_the_key() {
    assertThatThrownBy(() -> run(line(), LabOptions.of(out).set("model.lr=0"))).hasMessageStartingWith(
        "model.lr must be > 0, got 0");
    assertThatThrownBy(() -> run(line(), LabOptions.of(out).set("model.optimizer=adamw"))).hasMessage(
        "model.optimizer must be one of sgd, adam, rmsprop, adagrad, got 'adamw'");
    assertThatThrownBy(() -> run(line(), LabOptions.of(out).set("model.loss=l3"))).hasMessage(
        "model.loss must be one of mse, mae, huber, hybrid, got 'l3'");
    assertThatThrownBy(() -> run(line(), LabOptions.of(out).set("model.hybrid_alpha=-0.1"))).hasMessageStartingWith(
        "model.hybrid_alpha must be in [0, 1], got -0.1");
    assertThatThrownBy(() -> run(line(), LabOptions.of(out).set("model.huber_delta=0"))).hasMessageStartingWith(
        "model.huber_delta must be > 0, got 0");
    assertThatThrownBy(() -> run(line(), LabOptions.of(out).noSite(true).set("model.batch=5000"))).hasMessage(
        "batch 5000 is larger than the data (2,000 rows); use batch ≤ 2000, or 0 for full batch");
  }

  @Test
  void a_regression_dataset_in_a_classification_experiment_and_the_reverse_are_one_line_errors() {
    Experiment classify = new ExperimentStart("lr-on-line").data(Datasets.line()).model(LogisticRegression.defaults())
        .evaluate(new Evaluation.Accuracy());
    assertThatThrownBy(() -> run(classify, LabOptions.of(out).noSite(true))).isInstanceOf(UserError.class)
        .hasMessageStartingWith("line is a regression dataset (real-valued targets); classification models need "
            + "class labels");
    assertThatThrownBy(() -> run(line(), LabOptions.of(out).noSite(true).set("data=mnist-sample")))
        .isInstanceOf(UserError.class).hasMessageStartingWith("linear-regression needs real-valued targets, and "
            + "mnist-sample has class labels");
  }

  @Test
  void setting_the_dataset_drops_the_sweeps_of_the_old_datasets_params() {
    Experiment swept = line().sweep("data.noise_scale", 0.1, 1);
    Experiment reference = Runner.configure(swept, LabOptions.of(out).set("data=line-reference"));
    assertThat(reference.trials()).hasSize(1);
    assertThat(reference.params().get("data.target")).isEqualTo("y");
  }
}
