package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.ground.Json;
import dev.labkit.ground.UserError;
import dev.labkit.model.LogisticRegression;
import dev.labkit.store.RunFolder;
import dev.labkit.store.RunStatus;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** --repeat N and .repeat(N): every trial with N derived seeds, each its own run folder, summed up as mean ± std. */
class RepeatTest {
  @TempDir Path out;
  final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

  Experiment experiment() {
    return new ExperimentStart("blobs-lr").data(new BlobData(60, 30)).model(LogisticRegression.defaults())
        .validation(0.25).evaluate(new Evaluation.Accuracy());
  }

  LabOptions options() {
    return LabOptions.of(out).noSite(true);
  }

  List<RunFolder> runs(String sweepId) {
    return SweepResume.trialsOf(out.resolve("runs/blobs-lr"), sweepId).stream()
        .sorted(Comparator.comparingInt(RunFolder::trial).thenComparingInt(RepeatTest::repeat)).toList();
  }

  static long seed(RunFolder run) {
    return run.json().path("seed").asLong();
  }

  static int repeat(RunFolder run) {
    return run.json().path("sweep").path("repeat").asInt();
  }

  @Test
  void two_trials_times_three_seeds_show_the_mean_and_sample_std_of_their_run_folders() throws Exception {
    Runner.Result result = Runner.execute(experiment().sweep("model.c", 0.01, 10), options().repeat(3), quiet);

    assertThat(result.exitCode()).isZero();
    List<RunFolder> runs = runs(result.folder().getFileName().toString());
    assertThat(runs).hasSize(6);
    assertThat(runs).allSatisfy(r -> assertThat(r.json().path("sweep").path("repeats").asInt()).isEqualTo(3));
    assertThat(runs.stream().map(RepeatTest::seed).toList()).containsExactly(42L, 1042L, 2042L, 42L, 1042L, 2042L);
    JsonNode table = Json.MAPPER.readTree(result.folder().resolve("artifacts/trials.json").toFile());
    List<String> columns = table.path("columns").valueStream().map(JsonNode::asString).toList();
    assertThat(columns).startsWith("model.c", "seeds");
    assertThat(table.path("rows")).hasSize(2);
    for (int trial = 1; trial <= 2; trial++) {
      int t = trial;
      List<RunFolder> mine = runs.stream().filter(r -> r.trial() == t).toList();
      JsonNode row = table.path("rows").get(trial - 1);
      assertThat(row.get(1).asInt()).isEqualTo(3);
      for (String metric : List.of("val/accuracy", "test/accuracy")) {
        double[] values = mine.stream().mapToDouble(r -> r.metrics().get(metric)).toArray();
        double mean = (values[0] + values[1] + values[2]) / 3;
        double std = Math.sqrt((Math.pow(values[0] - mean, 2) + Math.pow(values[1] - mean, 2)
            + Math.pow(values[2] - mean, 2)) / 2);
        String cell = row.get(columns.indexOf(metric)).asString();
        assertThat(cell).isEqualTo(String.format(Locale.ROOT, "%.4f ± %.4f", mean, std));
      }
    }
    // the best trial, by hand: the higher mean val/accuracy over its three seeds (ties: the earlier trial)
    double[] means = new double[2];
    for (RunFolder run : runs) {
      means[run.trial() - 1] += run.metrics().get("val/accuracy") / 3;
    }
    String bestC = means[1] > means[0] ? "10" : "0.01";
    JsonNode best = Json.MAPPER.readTree(result.folder().resolve("artifacts/best-trial.json").toFile());
    assertThat(best.path("rows").get(0).get(0).asString()).isEqualTo(bestC);
    assertThat(Files.readString(result.folder().resolve("artifacts.json")))
        .contains("Best trial, chosen by val/accuracy (higher is better), best on the mean of 3 seeds");
    JsonNode repeats = Json.MAPPER.readTree(result.folder().resolve("artifacts/repeats.json").toFile());
    assertThat(repeats.path("rows")).hasSize(6);
    RunFolder summary = RunFolder.read(result.folder());
    assertThat(summary.metrics()).containsEntry("trials", 2.0).containsEntry("repeats", 3.0);
    assertThat(summary.json().path("sweep").path("repeats").asInt()).isEqualTo(3);
    assertThat(summary.provenance().path("seeds").path("repeats").toString()).isEqualTo("[42,1042,2042]");
  }

  @Test
  void each_repeat_records_the_command_that_re_runs_it_alone_with_its_seed() {
    Runner.Result result = Runner.execute(experiment().sweep("model.c", 0.01, 10), options().seed(7).repeat(2), quiet);

    RunFolder second = runs(result.folder().getFileName().toString()).get(1);
    List<String> args = second.provenance().path("args").valueStream().map(JsonNode::asString).toList();
    assertThat(seed(second)).isEqualTo(1007L);
    assertThat(String.join(" ", args)).endsWith("--set model.c=0.01 --seed 1007 --repeat 1");
    assertThat(second.provenance().path("seeds").path("repeat").asString()).isEqualTo("2 of 2: 7 + 1000 × (2 − 1) = 1007");
  }

  @Test
  void the_same_command_twice_draws_the_same_seeds_and_measures_the_same() {
    Runner.Result first = Runner.execute(experiment().repeat(3), options(), quiet);
    Runner.Result again = Runner.execute(experiment().repeat(3), options(), quiet);

    List<RunFolder> a = runs(first.folder().getFileName().toString());
    List<RunFolder> b = runs(again.folder().getFileName().toString());
    assertThat(a).hasSize(3); // a single run with repeats is a sweep of one trial × 3
    assertThat(a.stream().map(RepeatTest::seed).distinct()).hasSize(3);
    assertThat(a.stream().map(RepeatTest::seed).toList()).isEqualTo(b.stream().map(RepeatTest::seed).toList());
    for (int i = 0; i < 3; i++) {
      for (String metric : List.of("val/accuracy", "test/accuracy")) {
        assertThat(b.get(i).metrics().get(metric)).isEqualTo(a.get(i).metrics().get(metric));
      }
    }
    assertThat(RunFolder.read(again.folder()).metrics().get("test/accuracy"))
        .isEqualTo(RunFolder.read(first.folder()).metrics().get("test/accuracy"));
  }

  @Test
  void repeat_one_changes_nothing_and_the_command_line_overrides_the_script() {
    Runner.Result once = Runner.execute(experiment(), options().repeat(1), quiet);
    Runner.Result plain = Runner.execute(experiment(), options(), quiet);
    Runner.Result overridden = Runner.execute(experiment().repeat(4), options().repeat(1), quiet);

    for (Runner.Result result : List.of(once, plain, overridden)) {
      RunFolder run = RunFolder.read(result.folder());
      assertThat(run.trial()).isEqualTo(-1); // a run on its own, no sweep
      assertThat(seed(run)).isEqualTo(42L);
    }
    assertThat(RunFolder.read(once.folder()).metrics().get("test/accuracy"))
        .isEqualTo(RunFolder.read(plain.folder()).metrics().get("test/accuracy"));
    // a script that repeats, run once: its command keeps --repeat 1, so lab reproduce runs it once again
    assertThat(RunFolder.read(overridden.folder()).provenance().path("args").valueStream().map(JsonNode::asString)
        .toList()).endsWith("--repeat", "1");
  }

  @Test
  void zero_or_negative_repeats_are_a_one_line_error_before_anything_runs() {
    assertThatThrownBy(() -> Runner.execute(experiment(), options().repeat(0), quiet))
        .isInstanceOf(UserError.class)
        .hasMessage("--repeat needs N ≥ 1 seeds per trial, got 0 (e.g. --repeat 3)");
    assertThatThrownBy(() -> Runner.execute(experiment(), options().repeat(-2), quiet))
        .hasMessage("--repeat needs N ≥ 1 seeds per trial, got -2 (e.g. --repeat 3)");
    assertThatThrownBy(() -> experiment().repeat(0))
        .isInstanceOf(UserError.class)
        .hasMessage("repeat needs N ≥ 1 seeds per trial, got 0 (.repeat(3), or --repeat 3)");
    assertThat(out.resolve("runs")).doesNotExist();
  }

  @Test
  void resume_runs_only_the_repeats_that_are_missing() throws Exception {
    Runner.Result first = Runner.execute(experiment().sweep("model.c", 0.01, 10), options().repeat(2), quiet);
    String sweepId = first.folder().getFileName().toString();
    List<RunFolder> before = runs(sweepId);
    RunFolder gone = before.get(3); // trial 2, seed 2
    CommandLineSweepTest.deleteTree(gone.folder());
    List<Path> kept = before.subList(0, 3).stream().map(RunFolder::folder).toList();

    Runner.Result resumed = Runner.execute(experiment().sweep("model.c", 0.01, 10), options().repeat(2).resume(sweepId),
        quiet);

    assertThat(resumed.exitCode()).isZero();
    List<RunFolder> after = runs(sweepId);
    assertThat(after).hasSize(4);
    assertThat(after.subList(0, 3).stream().map(RunFolder::folder).toList()).isEqualTo(kept);
    assertThat(after.get(3).trial()).isEqualTo(2);
    assertThat(repeat(after.get(3))).isEqualTo(2);
    assertThat(seed(after.get(3))).isEqualTo(1042L);
    assertThat(after.get(3).metrics().get("test/accuracy")).isEqualTo(gone.metrics().get("test/accuracy"));
    assertThat(RunFolder.read(first.folder()).status()).isEqualTo(RunStatus.FINISHED);
    assertThatThrownBy(() -> Runner.execute(experiment().sweep("model.c", 0.01, 10), options().repeat(3).resume(sweepId),
        quiet)).hasMessageContaining("that sweep ran each trial with 2 seed(s), these options give 3");
  }

  @Test
  void a_repeated_regression_sweep_ranks_its_trials_on_the_mean_mse_of_their_seeds() throws Exception {
    Experiment line = new ExperimentStart("line-gd").data(dev.labkit.data.Datasets.line().n(200))
        .model(dev.labkit.model.LinearRegressionGd.defaults().steps(50)).sweep("model.lr", 0.001, 0.01).repeat(2);

    Runner.Result result = Runner.execute(line, options(), quiet);

    assertThat(result.exitCode()).isZero();
    List<RunFolder> runs = SweepResume.trialsOf(out.resolve("runs/line-gd"), result.folder().getFileName().toString());
    assertThat(runs).hasSize(4);
    double[] mse = new double[2];
    runs.forEach(r -> mse[r.trial() - 1] += r.metrics().get("mse") / 2);
    assertThat(result.metrics().get("mse")).isEqualTo(Math.min(mse[0], mse[1]), within(1e-12));
    assertThat(Json.MAPPER.readTree(result.folder().resolve("artifacts.json").toFile()).findValuesAsString("name"))
        .contains("trials", "repeats", "best-trial", "loss-curves", "fitted-lines");
  }

  @Test
  void runs_are_numbered_by_trial_then_seed_and_a_worker_is_told_its_repeat() {
    List<Trial> trials = CliSweeps.trials(experiment().sweep("model.c", 0.1, 1), options());
    Repeats repeats = new Repeats(trials, 3);

    assertThat(repeats.runs()).isEqualTo(6);
    assertThat(List.of(repeats.trialOf(4), repeats.repeatOf(4), repeats.run(2, 1))).containsExactly(2, 1, 4);
    assertThat(repeats.trial(6).experiment().seed()).isEqualTo(2042L);
    assertThat(repeats.trial(6).assignment()).containsEntry("model.c", "1");
    assertThat(Repeats.alone(List.of("--smoke", "--seed", "7", "--repeat=3", "--set", "model.c=1"), 2007))
        .containsExactly("--smoke", "--set", "model.c=1", "--seed", "2007", "--repeat", "1");
    var place = CliSweeps.attachedTrial(new Settings(false, null, out, List.of(), List.of(), null, 1, 1, null, null,
        "20261206-120000-abcd:2:4:model.c:3:5", null, List.of(), List.of(), null, null, null));
    assertThat(List.of(place.trial(), place.trials(), place.repeat(), place.repeats())).containsExactly(2, 4, 3, 5);
    assertThat(place.keys()).containsExactly("model.c");
  }
}
