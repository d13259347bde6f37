package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.cli.LabOptions;
import dev.labkit.data.DataSpec;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.TrainTest;
import dev.labkit.eval.Evaluation;
import dev.labkit.ground.Json;
import dev.labkit.ground.UserError;
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

  @Test
  void a_sweep_makes_one_run_per_trial_and_a_summary_that_picks_the_best_on_validation() throws Exception {
    Experiment swept = experiment(new BlobData(600, 300)).validation(0.2)
        .sweep("model.penalty", "l2", "none").sweep("model.c", 0.001, 1);
    Runner.Result result = run(swept, LabOptions.of(out).noSite(true));

    List<Path> folders;
    try (var list = Files.list(out.resolve("runs/blobs-lr"))) {
      folders = list.sorted().toList();
    }
    assertThat(folders).hasSize(5); // four trials and the summary
    JsonNode summaryRun = json(result.folder().resolve("run.json"));
    assertThat(summaryRun.get("sweep").get("trial").asInt()).isZero();
    assertThat(summaryRun.get("sweep").get("trials").asInt()).isEqualTo(4);
    assertThat(summaryRun.get("params").get("model.c").toString()).isEqualTo("[\"0.001\",\"1\"]");
    String sweepId = summaryRun.get("sweep").get("id").asString();
    long trialsOfSweep = folders.stream().filter(f -> !f.equals(result.folder())).map(f -> {
      try {
        return json(f.resolve("run.json")).get("sweep").get("id").asString();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).filter(sweepId::equals).count();
    assertThat(trialsOfSweep).isEqualTo(4);

    JsonNode trials = json(result.folder().resolve("artifacts/trials.json"));
    assertThat(trials.get("columns").toString()).contains("model.penalty", "model.c", "val/accuracy", "test/accuracy");
    assertThat(trials.get("rows")).hasSize(4);
    // the best trial's metrics are the summary's; val/accuracy is the best of the four
    double best = result.metrics().get("val/accuracy");
    for (JsonNode row : trials.get("rows")) {
      int column = trials.get("columns").valueStream().map(JsonNode::asString).toList().indexOf("val/accuracy");
      assertThat(row.get(column).asDouble()).isLessThanOrEqualTo(best);
    }
    JsonNode artifacts = json(result.folder().resolve("artifacts.json"));
    assertThat(artifacts.findValuesAsString("group")).anyMatch(g -> g.contains("model.penalty=l2"))
        .anyMatch(g -> g.contains("model.penalty=none"));
    // each trial re-runs alone with the values that made it
    JsonNode trialRun = json(folders.stream().filter(f -> !f.equals(result.folder())).findFirst().orElseThrow()
        .resolve("run.json"));
    assertThat(trialRun.get("provenance").get("command").asString()).contains("--set model.penalty=")
        .contains("--set model.c=");
  }

  @Test
  void example_grids_show_spread_out_test_images_and_the_most_confident_mistakes() throws Exception {
    Experiment exp = experiment(new BlobData(600, 300)).evaluate(new Evaluation.PredictionGrid(9),
        new Evaluation.ConfidentMistakes(4));
    Runner.Result result = run(exp, LabOptions.of(out).noSite(true));
    JsonNode artifacts = json(result.folder().resolve("artifacts.json"));
    List<JsonNode> grid = artifacts.valueStream().filter(a -> a.get("name").asString().startsWith("examples/")).toList();
    List<JsonNode> mistakes = artifacts.valueStream().filter(a -> a.get("name").asString().startsWith("mistakes/"))
        .toList();
    assertThat(grid).hasSize(9);
    assertThat(grid.getFirst().get("title").asString()).matches("#0  true a · predicted [abc] \\(\\d+%\\)");
    assertThat(mistakes).hasSize(4).allSatisfy(m -> assertThat(m.get("correct").asBoolean()).isFalse());
    // most confident first: the percentages never rise down the list
    List<Integer> confidence = mistakes.stream().map(m -> Integer.parseInt(
        m.get("title").asString().replaceAll(".*\\((\\d+)%\\)$", "$1"))).toList();
    assertThat(confidence).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void cross_validation_and_nested_cv_leave_fold_tables_and_summaries() throws Exception {
    Experiment exp = new ExperimentStart("blobs-cv").data(new BlobData(300, 90)).model(LogisticRegression.defaults())
        .evaluate(new Evaluation.CrossValidation(3), new Evaluation.MetricsTable(), new Evaluation.RocCurves(),
            new Evaluation.NestedCv(3, 2, dev.labkit.eval.SearchSpace.of().logUniform("c", 0.01, 10), 3));
    Runner.Result result = run(exp, LabOptions.of(out).noSite(true));
    JsonNode folds = json(result.folder().resolve("artifacts/cv-folds.json"));
    assertThat(folds.get("rows")).hasSize(5); // three folds, mean and std
    assertThat(result.metrics()).containsKeys("cv/accuracy_mean", "cv/accuracy_std", "nested/accuracy_mean",
        "test/roc_auc", "test/macro_precision");
    JsonNode nested = json(result.folder().resolve("artifacts/nested-cv.json"));
    assertThat(nested.get("columns").toString()).contains("chosen c");
    assertThat(nested.get("rows")).hasSize(3);
    double c = nested.get("rows").get(0).get(1).asDouble();
    assertThat(c).isBetween(0.01, 10.0);
  }

  @Test
  void cross_validated_trials_are_chosen_on_cv_accuracy_and_marked_against_the_best() throws Exception {
    Experiment swept = new ExperimentStart("blobs-cv-sweep").data(new BlobData(600, 150))
        .compare(dev.labkit.model.DecisionTree.defaults().maxDepth(1), LogisticRegression.defaults(),
            LogisticRegression.defaults().c(0.5))
        .evaluate(new Evaluation.Accuracy(), new Evaluation.CrossValidation(4));
    Runner.Result result = run(swept, LabOptions.of(out).noSite(true));

    JsonNode trials = json(result.folder().resolve("artifacts/trials.json"));
    List<String> columns = trials.get("columns").valueStream().map(JsonNode::asString).toList();
    assertThat(columns).contains("cv/accuracy_mean", "vs best (CV)");
    int mark = columns.indexOf("vs best (CV)");
    List<String> marks = trials.get("rows").valueStream().map(r -> r.get(mark).asString()).toList();
    assertThat(marks).hasSize(3).containsOnlyOnce("best");
    assertThat(marks).filteredOn(m -> !m.equals("best")).allMatch(m -> m.matches("[▲●▼] p=\\d\\.\\d{3}"));
    // a tree of depth 1 can tell at most two of the three classes apart: clearly worse on every fold
    assertThat(marks.getFirst()).startsWith("▼");
    assertThat(json(result.folder().resolve("artifacts/best-trial.json")).toString()).isNotEmpty();
    assertThat(result.metrics().get("cv/accuracy_mean")).isGreaterThan(0.8);
    JsonNode times = json(result.folder().resolve("artifacts/time-per-model.json"));
    assertThat(times.get("encoding").get("y").get("scale").get("type").asString()).isEqualTo("log");
    List<String> bars = times.get("data").get("values").valueStream()
        .map(row -> row.get("model").asString() + " " + row.get("phase").asString()).toList();
    assertThat(bars).contains("decision-tree fit", "decision-tree predict", "logistic-regression predict");
  }

  @Test
  void a_colour_image_gets_one_heatmap_pixel_per_image_pixel() throws Exception {
    Experiment exp = new ExperimentStart("rgb").data(new RgbData()).model(LogisticRegression.defaults())
        .evaluate(new Evaluation.WeightHeatmaps());
    Runner.Result result = run(exp, LabOptions.of(out).noSite(true));
    var png = javax.imageio.ImageIO.read(result.folder().resolve("artifacts/weights/0.png").toFile());
    // 2 × 2 pixels of 3 channels each, enlarged 5 times: 10 × 10, not 30 wide
    assertThat(png.getWidth()).isEqualTo(10);
    assertThat(png.getHeight()).isEqualTo(10);
  }

  /** Two-by-two colour images (channel-last) whose red channel tells the three classes apart. */
  record RgbData() implements DataSpec<RgbData> {
    @Override
    public String name() {
      return "rgb";
    }

    @Override
    public Map<String, Object> params() {
      return Map.of();
    }

    @Override
    public RgbData with(String key, String value) {
      return this;
    }

    @Override
    public TrainTest load(LoadOptions options) {
      java.util.Random random = new java.util.Random(1);
      int n = 90;
      float[] x = new float[n * 12];
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = i % 3;
        for (int j = 0; j < 12; j++) {
          x[i * 12 + j] = (float) ((j == 3 * y[i] ? 2 : 0) + random.nextGaussian());
        }
      }
      var data = new dev.labkit.data.Dataset("rgb/train", "0".repeat(64), new dev.labkit.data.Shape(2, 2, 3),
          List.of("a", "b", "c"), x, y);
      return new TrainTest(data, data);
    }
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
