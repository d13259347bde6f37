package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.UserError;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.DataSpec;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.TrainTest;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.LogisticRegression;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RunnerTest {
  @TempDir Path out;
  final ByteArrayOutputStream console = new ByteArrayOutputStream();

  Experiment experiment(DataSpec<?> data) {
    return new ExperimentStart("blobs-lr").data(data).model(LogisticRegression.defaults())
        .evaluate(new Evaluation.Accuracy(), new Evaluation.F1(), new Evaluation.Confusion(),
            new Evaluation.WeightHeatmaps(), new Evaluation.Report());
  }

  Runner.Result run(Experiment experiment, LabOptions options) {
    return Runner.execute(experiment, options, new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  static JsonNode json(Path file) throws Exception {
    return Json.MAPPER.readTree(Files.readString(file));
  }

  @Test
  void a_run_leaves_a_complete_folder_and_a_report_page() throws Exception {
    Runner.Result result = run(experiment(new BlobData(600, 300)), LabOptions.of(out));

    JsonNode run = json(result.folder().resolve("run.json"));
    assertThat(run.get("status").asString()).isEqualTo("finished");
    assertThat(run.get("params").get("model.c").asDouble()).isEqualTo(1.0);
    assertThat(run.get("dataset").get("train").get("size").asInt()).isEqualTo(600);
    assertThat(run.get("dataset").get("classes")).hasSize(3);
    assertThat(run.get("provenance").get("java").asString()).contains(System.getProperty("java.version"));

    JsonNode metrics = json(result.folder().resolve("summary.json")).get("metrics");
    assertThat(metrics.get("test/accuracy").asDouble()).isGreaterThan(0.8);
    assertThat(metrics.has("test/macro_f1")).isTrue();
    assertThat(metrics.has("fit_seconds")).isTrue();
    assertThat(Files.readString(result.folder().resolve("metrics.csv"))).contains(",train/objective,");

    JsonNode artifacts = json(result.folder().resolve("artifacts.json"));
    assertThat(artifacts.findValuesAsString("kind")).contains("confusion-matrix", "image", "table");
    assertThat(artifacts.findValuesAsString("title")).contains("a", "b", "c");
    assertThat(result.page()).exists();
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("test/accuracy").contains("report   file:");
  }

  @Test
  void the_same_seed_gives_identical_metrics() throws Exception {
    Runner.Result first = run(experiment(new BlobData(600, 300)), LabOptions.of(out).noSite(true));
    Runner.Result second = run(experiment(new BlobData(600, 300)), LabOptions.of(out).noSite(true));
    Map<String, Double> a = new java.util.TreeMap<>(first.metrics());
    Map<String, Double> b = new java.util.TreeMap<>(second.metrics());
    a.keySet().removeIf(k -> k.endsWith("seconds"));
    b.keySet().removeIf(k -> k.endsWith("seconds"));
    assertThat(b).isEqualTo(a);
  }

  @Test
  void set_and_seed_options_change_the_recorded_params() throws Exception {
    Runner.Result result = run(experiment(new BlobData(600, 300)),
        LabOptions.of(out).set("model.c=0.5").seed(7).noSite(true));
    JsonNode run = json(result.folder().resolve("run.json"));
    assertThat(run.get("params").get("model.c").asDouble()).isEqualTo(0.5);
    assertThat(run.get("seed").asLong()).isEqualTo(7);
  }

  @Test
  void a_bad_set_fails_before_any_folder_is_made() {
    assertThatThrownBy(() -> run(experiment(new BlobData(60, 30)), LabOptions.of(out).set("model.c=0")))
        .isInstanceOf(UserError.class).hasMessageStartingWith("model.c must be > 0, got 0");
    assertThatThrownBy(() -> run(experiment(new BlobData(60, 30)), LabOptions.of(out).set("model.c")))
        .hasMessageStartingWith("--set takes KEY=VALUE");
    assertThat(out.resolve("runs")).doesNotExist();
  }

  @Test
  void a_failure_marks_the_run_failed_with_its_reason_and_keeps_the_folder() throws Exception {
    DataSpec<?> broken = new FailingData();
    assertThatThrownBy(() -> run(experiment(broken), LabOptions.of(out).noSite(true)))
        .isInstanceOf(UserError.class);
    Path folder;
    try (var experiments = Files.list(out.resolve("runs/blobs-lr"))) {
      folder = experiments.findFirst().orElseThrow();
    }
    JsonNode run = json(folder.resolve("run.json"));
    assertThat(run.get("status").asString()).isEqualTo("failed");
    assertThat(run.get("error").asString()).isEqualTo("no data here: install it");
  }

  /** A dataset whose loading fails the way a missing dataset does. */
  record FailingData() implements DataSpec<FailingData> {
    @Override
    public String name() {
      return "missing";
    }

    @Override
    public Map<String, Object> params() {
      return Map.of();
    }

    @Override
    public FailingData with(String key, String value) {
      return this;
    }

    @Override
    public TrainTest load(LoadOptions options) {
      throw new UserError("no data here: install it");
    }
  }
}
