package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.Lab;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.Datasets;
import dev.labkit.eval.Evaluation;
import dev.labkit.ground.Json;
import dev.labkit.ground.UserError;
import dev.labkit.model.LogisticRegression;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A metric written in the script is measured on every part like accuracy, and a failing one is named in one line. */
class OwnMetricRunTest {
  @TempDir Path out;

  static final Evaluation.Custom ERROR_RATE = Lab.metric("error_rate", p -> 1 - p.accuracy()).smallerIsBetter();
  /** Mean probability given to the true class, from the probabilities the metric sees. */
  static final Evaluation.Custom TRUE_CLASS_PROBA = Lab.metric("true_class_proba", p -> {
    double sum = 0;
    for (int i = 0; i < p.size(); i++) {
      sum += p.proba(i, p.labels()[i]);
    }
    return sum / p.size();
  });

  static Experiment experiment(Evaluation... evaluations) {
    var blobs = OwnDataRunTest.blobs("blobs", 150, 3); // two Gaussian blobs, 2 σ from the boundary
    return new ExperimentStart("own-metric").data(Datasets.arrays("blobs", blobs.features(), blobs.labels(),
        blobs.shape(), blobs.classNames())).model(LogisticRegression.defaults()).evaluate(evaluations);
  }

  static Runner.Result run(Experiment experiment) {
    return Runner.execute(experiment, LabOptions.of(out()).noSite(true),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  static Path dir;

  static Path out() {
    return dir;
  }

  @Test
  void an_own_metric_is_measured_on_train_and_test_beside_the_built_in_ones() throws Exception {
    dir = out;
    Runner.Result result = run(experiment(Lab.accuracy(), ERROR_RATE, TRUE_CLASS_PROBA));
    JsonNode metrics = Json.MAPPER.readTree(result.folder().resolve("summary.json").toFile()).path("metrics");

    assertThat(metrics.path("test/error_rate").asDouble())
        .isCloseTo(1 - metrics.path("test/accuracy").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(metrics.path("train/error_rate").asDouble())
        .isCloseTo(1 - metrics.path("train/accuracy").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(metrics.path("test/true_class_proba").asDouble()).isBetween(0.8, 1.0); // blobs a model separates well
    assertThat(Files.readString(result.folder().resolve("metrics.csv"))).contains(",test/error_rate,")
        .contains(",train/true_class_proba,");
    JsonNode declared = Json.MAPPER.readTree(result.folder().resolve("summary.json").toFile()).path("lower_is_better");
    assertThat(declared.path("test/error_rate").asBoolean(false)).isTrue();
    assertThat(declared.path("train/error_rate").asBoolean(false)).isTrue();
    assertThat(declared.path("test/true_class_proba").isBoolean()).isTrue();
    assertThat(declared.path("test/true_class_proba").asBoolean(true)).isFalse();
    assertThat(declared.has("test/accuracy")).as("built-in metrics keep their names' direction").isFalse();
  }

  @Test
  void a_metric_that_throws_fails_the_run_in_one_line_and_the_metrics_before_it_are_kept() throws Exception {
    dir = out;
    Evaluation.Custom broken = Lab.metric("broken", p -> {
      throw new ArithmeticException("/ by zero");
    });
    assertThatThrownBy(() -> run(experiment(Lab.accuracy(), broken))).isInstanceOf(UserError.class)
        .hasMessage("metric broken failed on the test predictions: java.lang.ArithmeticException: / by zero");
    Path folder;
    try (Stream<Path> runs = Files.list(out.resolve("runs/own-metric"))) {
      folder = runs.toList().getFirst();
    }
    assertThat(Json.MAPPER.readTree(folder.resolve("run.json").toFile()).path("status").asString()).isEqualTo("failed");
    assertThat(Files.readString(folder.resolve("metrics.csv"))).contains(",test/accuracy,");
  }

  @Test
  void names_are_lower_snake_and_not_a_built_in_metrics() {
    assertThatThrownBy(() -> Lab.metric("Top 2", p -> 0)).hasMessageContaining("must be lower_snake");
    assertThatThrownBy(() -> Lab.metric("accuracy", p -> 0)).hasMessage(
        "metric name 'accuracy' is a built-in metric's; give yours another name");
  }
}
