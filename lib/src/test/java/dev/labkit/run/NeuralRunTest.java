package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.NeuralNet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Networks run through the runner like any model: per-epoch curves, validation, heatmaps, failures. */
class NeuralRunTest {
  @TempDir Path out;
  final ByteArrayOutputStream console = new ByteArrayOutputStream();

  Runner.Result run(Experiment experiment, LabOptions options) {
    return Runner.execute(experiment, options, new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  Experiment experiment(NeuralNet model) {
    return new ExperimentStart("blobs-nn").data(new BlobData(600, 300)).model(model).validation(0.2)
        .evaluate(new Evaluation.Accuracy(), new Evaluation.WeightHeatmaps(), new Evaluation.PredictionGrid(9));
  }

  @Test
  void a_softmax_run_records_epoch_curves_validation_and_weight_images() throws Exception {
    Runner.Result result = run(experiment(NeuralNet.softmaxRegression().lr(0.05).epochs(4).batch(32)),
        LabOptions.of(out).noSite(true));
    String csv = Files.readString(result.folder().resolve("metrics.csv"));
    for (String name : new String[] {"train/loss", "train/accuracy", "val/loss", "val/accuracy", "lr"}) {
      assertThat(csv).contains("1," + name + ",").contains("4," + name + ",");
    }
    assertThat(result.metrics()).containsEntry("epochs", 4.0).containsKeys("val/accuracy", "test/accuracy",
        "fit_seconds", "predict_seconds", "model_bytes");
    assertThat(result.metrics().get("test/accuracy")).isGreaterThan(0.8);
    assertThat(result.folder().resolve("artifacts/weights/0.png")).exists();
    assertThat(result.folder().resolve("artifacts/training.json")).exists();
  }

  @Test
  void smoke_mode_trains_a_few_epochs() {
    Runner.Result result = run(experiment(NeuralNet.softmaxRegression().epochs(50)),
        LabOptions.of(out).noSite(true).smoke(true));
    assertThat(result.metrics()).containsEntry("epochs", (double) NeuralNet.SMOKE_EPOCHS);
  }

  @Test
  void a_diverging_run_is_marked_failed_with_its_reason_and_keeps_its_metrics() throws Exception {
    NeuralNet exploding = NeuralNet.softmaxRegression().with("optimizer", "sgd").lr(1e38).epochs(3).batch(16);
    assertThatThrownBy(() -> run(experiment(exploding), LabOptions.of(out).noSite(true)))
        .isInstanceOf(UserError.class).hasMessageContaining("lower the learning rate");
    Path folder;
    try (var runs = Files.list(out.resolve("runs/blobs-nn"))) {
      folder = runs.findFirst().orElseThrow();
    }
    JsonNode record = RunnerTest.json(folder.resolve("run.json"));
    assertThat(record.get("status").asString()).isEqualTo("failed");
    assertThat(record.get("error").asString()).startsWith("training diverged at epoch 1, step ");
    assertThat(folder.resolve("metrics.csv")).exists();
  }

  @Test
  void an_unknown_optimizer_in_set_is_a_one_line_error_before_anything_runs() {
    assertThatThrownBy(() -> run(experiment(NeuralNet.softmaxRegression()),
        LabOptions.of(out).set("model.optimizer=adamw")))
        .isInstanceOf(UserError.class)
        .hasMessage("model.optimizer must be one of sgd, adam, rmsprop, adagrad, got 'adamw'");
    assertThatThrownBy(() -> run(experiment(NeuralNet.softmaxRegression()), LabOptions.of(out).set("model.lr=0")))
        .hasMessageStartingWith("model.lr must be > 0, got 0");
    assertThat(out.resolve("runs")).doesNotExist();
  }

  @Test
  void a_batch_larger_than_the_training_set_fails_the_run_in_one_line() {
    assertThatThrownBy(() -> run(experiment(NeuralNet.softmaxRegression().batch(1000)),
        LabOptions.of(out).noSite(true)))
        .hasMessage("batch must be at most the training set's 480 examples, got 1000 (set model.batch lower)");
  }
}
