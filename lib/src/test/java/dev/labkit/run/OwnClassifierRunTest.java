package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.Lab;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.Dataset;
import dev.labkit.data.Datasets;
import dev.labkit.ground.Json;
import dev.labkit.ground.UserError;
import dev.labkit.model.OwnClassifier;
import dev.labkit.model.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A classifier written in the script is fitted, evaluated, swept and recorded like a built-in one. */
class OwnClassifierRunTest {
  @TempDir Path out;

  static final Dataset BLOBS = OwnDataRunTest.blobs("blobs", 150, 5);

  /** Smile's k-NN (pure Java), with its posteriors (the neighbours' vote shares). */
  static final OwnClassifier SMILE_KNN = Lab.classifier("smile-knn",
      t -> Predictor.of(smile.classification.KNN.fit(t.x(), t.y(), t.integer("k")))).param("k", 15);

  /** A nearest-centroid rule written by hand, with a param: no probabilities. */
  static final OwnClassifier CENTROID = Lab.classifier("centroid", t -> {
    double[][] x = t.x();
    double[][] mean = new double[t.classes()][x[0].length];
    int[] count = new int[t.classes()];
    for (int i = 0; i < x.length; i++) {
      count[t.y()[i]]++;
      for (int j = 0; j < x[i].length; j++) {
        mean[t.y()[i]][j] += x[i][j];
      }
    }
    double shift = t.number("shift");
    for (int c = 0; c < mean.length; c++) {
      for (int j = 0; j < mean[c].length; j++) {
        mean[c][j] = mean[c][j] / count[c] + (j == 0 ? shift : 0);
      }
    }
    return row -> {
      int best = 0;
      for (int c = 1; c < mean.length; c++) {
        best = distance(row, mean[c]) < distance(row, mean[best]) ? c : best;
      }
      return best;
    };
  }).param("shift", 0.0);

  static double distance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return s;
  }

  static Experiment experiment(OwnClassifier model) {
    return new ExperimentStart("own-model").data(Datasets.arrays("blobs", BLOBS.features(), BLOBS.labels(),
        BLOBS.shape(), BLOBS.classNames())).model(model).evaluate(Lab.accuracy(), Lab.rocCurves());
  }

  Runner.Result run(Experiment experiment, LabOptions options, ByteArrayOutputStream console) {
    return Runner.execute(experiment, options.noSite(true), new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  static JsonNode json(Path file) throws Exception {
    return Json.MAPPER.readTree(file.toFile());
  }

  @Test
  void a_smile_model_is_fitted_and_scored_with_its_probabilities() throws Exception {
    Runner.Result result = run(experiment(SMILE_KNN), LabOptions.of(out), new ByteArrayOutputStream());
    JsonNode metrics = json(result.folder().resolve("summary.json")).path("metrics");
    assertThat(metrics.path("test/accuracy").asDouble()).isGreaterThan(0.9);
    assertThat(metrics.path("test/log_loss").asDouble()).isBetween(0.001, 1.0); // vote shares, not 0/1
    assertThat(metrics.path("fit_seconds").asDouble()).isPositive();
    assertThat(json(result.folder().resolve("run.json")).path("params").path("model").asString()).isEqualTo("smile-knn");
  }

  @Test
  void a_hand_written_rule_has_its_param_recorded_set_and_swept() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Runner.Result single = run(experiment(CENTROID), LabOptions.of(out).set("model.shift=0.5"), console);
    assertThat(json(single.folder().resolve("run.json")).path("params").path("model.shift").asDouble()).isEqualTo(0.5);
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("centroid gives no probabilities");

    Runner.Result sweep = run(experiment(CENTROID), LabOptions.of(out).sweep("model.shift=0,1.5,6"),
        new ByteArrayOutputStream());
    assertThat(sweep.exitCode()).isZero();
    List<Double> accuracies;
    try (Stream<Path> runs = Files.list(out.resolve("runs/own-model"))) {
      accuracies = runs.filter(f -> !f.equals(single.folder())).map(f -> {
        try {
          JsonNode run = json(f.resolve("run.json"));
          return run.path("sweep").path("trial").asInt() == 0 ? null
              : json(f.resolve("summary.json")).path("metrics").path("test/accuracy").asDouble();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).filter(java.util.Objects::nonNull).toList();
    }
    assertThat(accuracies).hasSize(3);
    assertThat(accuracies.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
        .isGreaterThan(accuracies.stream().mapToDouble(Double::doubleValue).min().orElseThrow()); // shift 6 hurts
  }

  @Test
  void bad_params_a_failing_fit_and_a_class_out_of_range_are_one_line_errors() {
    assertThatThrownBy(() -> CENTROID.with("shift", "far")).isInstanceOf(UserError.class)
        .hasMessage("model.shift=far: centroid's shift is a number (its default is 0.0)");
    assertThatThrownBy(() -> CENTROID.with("depth", "3"))
        .hasMessage("centroid has no param 'depth'; declare it with .param(\"depth\", default) (declared: shift)");
    OwnClassifier failing = Lab.classifier("failing", t -> {
      throw new IllegalArgumentException("singular matrix");
    });
    assertThatThrownBy(() -> run(experiment(failing), LabOptions.of(out), new ByteArrayOutputStream()))
        .isInstanceOf(UserError.class)
        .hasMessage("your classifier failing failed to fit: java.lang.IllegalArgumentException: singular matrix");
    OwnClassifier wrong = Lab.classifier("wrong", t -> x -> 7);
    assertThatThrownBy(() -> run(experiment(wrong), LabOptions.of(out), new ByteArrayOutputStream()))
        .hasMessageStartingWith("your classifier wrong predicted class 7 for example 0 of ").hasMessageEndingWith("classes are 0..1");
  }

  /** Share of examples predicted "left": a shift of both centroids to the right moves the boundary, and this up. */
  static final dev.labkit.eval.Evaluation.Custom SHARE_LEFT = Lab.metric("share_left", p -> {
    int left = 0;
    for (int c : p.predicted()) {
      left += c == 0 ? 1 : 0;
    }
    return (double) left / p.size();
  });

  @Test
  void a_sweep_ranked_by_your_own_metric_picks_its_best_there_and_every_reader_agrees() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Experiment ranked = experiment(CENTROID).evaluate(SHARE_LEFT).validation(0.2).rankBy(SHARE_LEFT);
    Runner.Result sweep = run(ranked, LabOptions.of(out).sweep("model.shift=0,1.5,6"), console);

    assertThat(console.toString(StandardCharsets.UTF_8)).containsPattern("best +\\{model.shift=6(\\.0)?\\}  val/share_left");
    JsonNode summary = json(sweep.folder().resolve("run.json"));
    assertThat(summary.path("sweep").path("rank").path("measure").asString()).isEqualTo("share_left");
    ByteArrayOutputStream listed = new ByteArrayOutputStream();
    dev.labkit.lab.LabCommand.run(new PrintStream(listed, true, StandardCharsets.UTF_8), System.err, "runs", "--out",
        out.toString());
    assertThat(listed.toString(StandardCharsets.UTF_8)).contains("best #3 by val/share_left");
    // accuracy alone would pick no shift: the ranking is the script's, not the kind's
    assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContainPattern("best +\\{model.shift=0");
  }

  @Test
  void a_model_whose_size_is_unknown_records_none_rather_than_zero_bytes() {
    Runner.Result lambda = run(experiment(CENTROID), LabOptions.of(out.resolve("lambda")), new ByteArrayOutputStream());
    Runner.Result smile = run(experiment(SMILE_KNN), LabOptions.of(out.resolve("smile")), new ByteArrayOutputStream());
    assertThat(lambda.metrics()).as("a lambda is not serialisable: its size is unknown").doesNotContainKey("model_bytes");
    assertThat(smile.metrics().get("model_bytes")).as("Smile's k-NN, serialised").isGreaterThan(1000.0);
  }
}
