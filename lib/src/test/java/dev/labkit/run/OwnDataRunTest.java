package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.cli.LabOptions;
import dev.labkit.data.ArrayData;
import dev.labkit.data.Dataset;
import dev.labkit.data.Datasets;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.Shape;
import dev.labkit.data.TrainTest;
import dev.labkit.ground.Json;
import dev.labkit.ground.UserError;
import dev.labkit.model.LogisticRegression;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Data made in the script, from arrays or the script's own loader, runs and is recorded like a built-in set. */
class OwnDataRunTest {
  @TempDir Path out;

  /** Two Gaussian blobs in 2-D, at (−2, 0) and (2, 0), {@code n} each. */
  static Dataset blobs(String name, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[4 * n];
    int[] y = new int[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      y[i] = i % 2;
      x[2 * i] = (float) ((y[i] == 0 ? -2 : 2) + random.nextGaussian());
      x[2 * i + 1] = (float) random.nextGaussian();
    }
    return Datasets.dataset(name, x, y, Shape.flat(2), List.of("left", "right"));
  }

  static Runner.Result run(Experiment experiment, LabOptions options) {
    return Runner.execute(experiment, options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  void arrays_in_memory_are_split_per_class_fit_and_recorded_with_the_digest_of_their_values() throws Exception {
    Dataset all = blobs("blobs", 100, 1);
    ArrayData data = Datasets.arrays("blobs", all.features(), all.labels(), all.shape(), all.classNames());
    Runner.Result result = run(new ExperimentStart("own-arrays").data(data).model(LogisticRegression.defaults()),
        LabOptions.of(out).noSite(true));

    assertThat(result.exitCode()).isZero();
    JsonNode record = Json.MAPPER.readTree(result.folder().resolve("run.json").toFile());
    assertThat(record.path("dataset").path("train").path("sha256").asString()).isEqualTo(all.sha256()).hasSize(64);
    assertThat(record.path("dataset").path("train").path("size").asInt()).isEqualTo(160);
    assertThat(record.path("dataset").path("classes").toString()).isEqualTo("[\"left\",\"right\"]");
    assertThat(metrics(result.folder()).path("test/log_loss").asDouble()).isBetween(0.001, 0.1); // blobs 4 σ apart
  }

  @Test
  void the_scripts_own_loader_gets_the_runs_seed_and_the_same_seed_gives_the_same_run() throws Exception {
    List<Long> seeds = new java.util.ArrayList<>();
    var supplied = Datasets.supplied("my-blobs", (LoadOptions options) -> {
      seeds.add(options.seed());
      return new TrainTest(blobs("my-blobs/train", 80, options.seed()), blobs("my-blobs/test", 20, options.seed() + 1));
    });
    Experiment experiment = new ExperimentStart("own-loader").data(supplied).model(LogisticRegression.defaults());
    Path firstRun = run(experiment, LabOptions.of(out).noSite(true).seed(7)).folder();
    Path againRun = run(experiment, LabOptions.of(out).noSite(true).seed(7)).folder();
    JsonNode first = Json.MAPPER.readTree(firstRun.resolve("run.json").toFile());
    JsonNode again = Json.MAPPER.readTree(againRun.resolve("run.json").toFile());

    assertThat(seeds).containsExactly(7L, 7L);
    assertThat(first.path("dataset").path("test").path("sha256")).isEqualTo(again.path("dataset").path("test").path("sha256"));
    assertThat(first.path("dataset").path("test").path("sha256").asString()).hasSize(64);
    assertThat(metrics(firstRun).path("test/log_loss").asDouble()).isBetween(0.001, 0.1)
        .isEqualTo(metrics(againRun).path("test/log_loss").asDouble());
  }

  static JsonNode metrics(Path folder) throws Exception {
    return Json.MAPPER.readTree(folder.resolve("summary.json").toFile()).path("metrics");
  }

  @Test
  void a_digest_changes_with_one_value() {
    Dataset all = blobs("blobs", 10, 1);
    float[] changed = all.features().clone();
    changed[5] = Math.nextUp(changed[5]);
    assertThat(Datasets.dataset("blobs", changed, all.labels(), all.shape(), all.classNames()).sha256())
        .isNotEqualTo(all.sha256());
  }

  @Test
  void arrays_that_do_not_fit_their_shape_or_classes_are_one_line_errors() {
    assertThatThrownBy(() -> Datasets.dataset("mine", new float[5], new int[2], Shape.flat(2), List.of("a", "b")))
        .isInstanceOf(UserError.class)
        .hasMessage("mine: 5 feature values are not 2 examples of 1×2×1 (4 values); check the shape or the arrays");
    assertThatThrownBy(() -> Datasets.dataset("mine", new float[4], new int[] {0, 2}, Shape.flat(2), List.of("a", "b")))
        .hasMessage("mine: label 2 of example 1 is not a class (0..1 for 2 class names)");
  }

  @Test
  void a_loader_that_fails_or_returns_parts_that_differ_is_one_line_error() {
    var failing = Datasets.supplied("broken", options -> {
      throw new IllegalStateException("no such table");
    });
    assertThatThrownBy(() -> failing.load(LoadOptions.quiet(1))).isInstanceOf(UserError.class)
        .hasMessage("the data supplier of broken failed: java.lang.IllegalStateException: no such table");
    var mismatched = Datasets.supplied("odd", options -> new TrainTest(blobs("a", 5, 1),
        Datasets.dataset("b", new float[3], new int[1], Shape.flat(3), List.of("left", "right"))));
    assertThatThrownBy(() -> mismatched.load(LoadOptions.quiet(1)))
        .hasMessage("odd: the training part has 1×2×1 and classes [left, right], the test part 1×3×1 and "
            + "[left, right]; give both parts the same shape and classes");
  }
}
