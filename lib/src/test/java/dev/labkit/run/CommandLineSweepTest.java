package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.LogisticRegression;
import dev.labkit.store.RunFolder;
import dev.labkit.store.RunStatus;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --sweep, --random and --resume, run in this JVM on a small in-memory dataset, into real run folders. */
class CommandLineSweepTest {
  @TempDir Path out;
  final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

  Experiment experiment() {
    return new ExperimentStart("blobs-lr").data(new BlobData(120, 60)).model(LogisticRegression.defaults())
        .evaluate(new Evaluation.Accuracy());
  }

  LabOptions options() {
    return LabOptions.of(out).noSite(true);
  }

  List<RunFolder> trials(String sweepId) {
    return SweepResume.trialsOf(out.resolve("runs/blobs-lr"), sweepId);
  }

  @Test
  void a_command_line_sweep_crosses_with_the_scripts_own_sweeps() {
    Experiment swept = experiment().sweep("model.penalty", "l1", "l2");
    List<Trial> trials = CliSweeps.trials(swept, options().sweep("model.c=log:0.1..10:3"));

    assertThat(trials).hasSize(6);
    assertThat(trials.getLast().assignment()).isEqualTo(Map.of("model.penalty", "l2", "model.c", "10"));
  }

  @Test
  void a_command_line_sweep_of_a_key_the_script_sweeps_replaces_that_sweep() {
    Experiment swept = experiment().sweep("model.c", 1, 2, 3, 4);
    assertThat(CliSweeps.trials(swept, options().sweep("model.c=0.5,5"))).hasSize(2);
  }

  @Test
  void random_search_draws_the_same_trials_from_the_same_seed_and_others_from_another() {
    LabOptions options = options().sweep("model.c=log:0.01..10").sweep("model.penalty=l1,l2").random(5);
    List<Map<String, String>> first = CliSweeps.trials(experiment(), options).stream().map(Trial::assignment).toList();
    List<Map<String, String>> again = CliSweeps.trials(experiment(), options).stream().map(Trial::assignment).toList();
    List<Map<String, String>> other = CliSweeps.trials(experiment().seed(7), options).stream().map(Trial::assignment).toList();

    assertThat(first).hasSize(5).isEqualTo(again).isNotEqualTo(other);
    assertThat(first).allSatisfy(a -> assertThat(a).containsOnlyKeys("model.c", "model.penalty"));
  }

  @Test
  void a_sweep_over_a_key_the_experiment_does_not_have_is_an_error_before_anything_runs() {
    assertThatThrownBy(() -> Runner.execute(experiment(), options().sweep("model.gamma=1,2"), quiet))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("--sweep model.gamma: unknown parameter 'model.gamma'; valid keys: seed, data");
    assertThat(out.resolve("runs")).doesNotExist();
  }

  @Test
  void a_value_the_model_refuses_names_the_sweep() {
    assertThatThrownBy(() -> CliSweeps.trials(experiment(), options().sweep("model.c=1,-1")))
        .hasMessageStartingWith("--sweep model.c: model.c must be > 0, got -1");
  }

  @Test
  void resume_runs_only_the_trials_that_are_missing_or_did_not_finish() throws Exception {
    LabOptions options = options().sweep("model.c=0.1,1,10");
    Runner.Result first = Runner.execute(experiment(), options, quiet);
    String sweepId = first.folder().getFileName().toString();
    List<RunFolder> before = trials(sweepId);
    // as a kill leaves it: trial 2 marked interrupted, trial 3 never started
    Path interrupted = before.stream().filter(r -> r.trial() == 2).findFirst().orElseThrow().folder();
    Path runJson = interrupted.resolve("run.json");
    Files.writeString(runJson, Files.readString(runJson).replace("\"finished\"", "\"interrupted\""));
    Path untouched = before.stream().filter(r -> r.trial() == 1).findFirst().orElseThrow().folder();
    String untouchedJson = Files.readString(untouched.resolve("run.json"));
    deleteTree(before.stream().filter(r -> r.trial() == 3).findFirst().orElseThrow().folder());

    Runner.Result resumed = Runner.execute(experiment(), options().sweep("model.c=0.1,1,10").resume(sweepId), quiet);

    assertThat(resumed.exitCode()).isZero();
    assertThat(resumed.folder()).isEqualTo(first.folder());
    List<RunFolder> after = trials(sweepId);
    assertThat(after).hasSize(4); // trial 1 kept, trial 2's interrupted folder kept, trials 2 and 3 run again
    assertThat(after.stream().filter(r -> r.status() == RunStatus.FINISHED).map(RunFolder::trial).sorted())
        .containsExactly(1, 2, 3);
    assertThat(Files.readString(untouched.resolve("run.json"))).isEqualTo(untouchedJson);
    assertThat(RunFolder.read(interrupted).status()).isEqualTo(RunStatus.INTERRUPTED);
    RunFolder summary = RunFolder.read(first.folder());
    assertThat(summary.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(summary.metrics()).containsEntry("trials", 3.0);
  }

  @Test
  void resume_with_other_options_says_which_command_made_the_sweep() {
    Runner.Result first = Runner.execute(experiment(), options().sweep("model.c=0.1,1,10"), quiet);
    String sweepId = first.folder().getFileName().toString();

    assertThatThrownBy(() -> Runner.execute(experiment(), options().sweep("model.c=0.1,1").resume(sweepId), quiet))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("that sweep had 3 trials over [model.c], these options make 2 over [model.c]");
    assertThatThrownBy(() -> Runner.execute(experiment(), options().sweep("model.c=0.1,2,10").resume(sweepId), quiet))
        .hasMessageContaining("trial 2 ran with model.c=1.0, these options give it 2");
    assertThatThrownBy(() -> Runner.execute(experiment(), options().sweep("model.c=1,2").resume("20990101-000000-abcd"), quiet))
        .hasMessageStartingWith("--resume 20990101-000000-abcd: no sweep of that id under");
  }

  static void deleteTree(Path dir) throws Exception {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
