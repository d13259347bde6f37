package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.store.MainRunFolders;
import dev.labkit.store.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {
  @TempDir Path runs;
  final List<String> warnings = new ArrayList<>();

  @Test
  void a_finished_run_reads_params_in_order_metrics_dataset_and_artifacts() {
    Fixtures.finishedRun(runs, "logreg-fashion", "20261126-213000-1a2b");

    Run run = RunFolders.read(runs, warnings::add).getFirst();

    assertThat(run.experiment()).isEqualTo("logreg-fashion");
    assertThat(run.status()).isEqualTo("finished");
    assertThat(run.params()).extracting(Run.Entry::key)
        .containsExactly("seed", "data", "data.scale", "model", "model.c");
    assertThat(run.headline()).isEqualTo(new Run.Metric("test/accuracy", "0.8441", true, 0.8441));
    assertThat(run.metrics()).contains(new Run.Metric("epochs", "12", true, 12.0), new Run.Metric("fit_seconds", "2.1000", true, 2.1));
    assertThat(run.dataset().shape()).isEqualTo("28 × 28 × 1");
    assertThat(run.dataset().splits()).extracting(Run.Split::name).containsExactly("train", "test");
    assertThat(run.command()).isEqualTo("./jbang logreg --set model.c=2.5");
    assertThat(run.artifacts()).hasSize(12);
    // test/accuracy is a final metric, shown in its own table, so not again among the last logged
    assertThat(run.lastLogged()).containsExactly(new Run.Logged("train/loss", 2, 0.61234));
    assertThat(run.durationDisplay()).isEqualTo("2 min 5 s");
    assertThat(warnings).isEmpty();
  }

  @Test
  void a_running_run_without_summary_still_reads_and_its_cut_off_last_line_is_dropped_quietly() {
    Fixtures.runningRun(runs, "mlp", "20261126-220000-0000");

    Run run = RunFolders.read(runs, warnings::add).getFirst();

    assertThat(run.status()).isEqualTo("running");
    assertThat(run.metrics()).isEmpty();
    assertThat(run.headline()).isNull();
    assertThat(run.series()).hasSize(2);
    assertThat(warnings).isEmpty();
  }

  @Test
  void a_missing_or_damaged_run_json_skips_the_folder_with_one_warning_each() {
    Fixtures.finishedRun(runs, "exp", "20261126-213000-aaaa");
    Fixtures.write(runs.resolve("exp/20261126-213001-bbbb/run.json"), "{\"status\": \"fini");
    Fixtures.write(runs.resolve("exp/20261126-213002-cccc/metrics.csv"), "step,name,value,wall_time\n");
    Fixtures.write(runs.resolve("exp/20261126-213003-dddd/run.json"), "[1, 2]");

    List<Run> read = RunFolders.read(runs, warnings::add);

    assertThat(read).extracting(Run::runId).containsExactly("20261126-213000-aaaa");
    assertThat(warnings).hasSize(3);
    assertThat(warnings.get(0)).startsWith("warning: skipped ").contains("bbbb", "run.json is not valid JSON");
    assertThat(warnings.get(1)).contains("cccc", "no run.json");
    assertThat(warnings.get(2)).contains("dddd", "not a JSON object");
  }

  @Test
  void runs_sort_by_experiment_then_newest_first() {
    Fixtures.runningRun(runs, "b", "20261126-100000-0000");
    Fixtures.runningRun(runs, "a", "20261126-100000-0000");
    Fixtures.runningRun(runs, "a", "20261126-120000-0000");

    assertThat(RunFolders.read(runs, warnings::add))
        .extracting(r -> r.experiment() + "/" + r.runId())
        .containsExactly("a/20261126-120000-0000", "a/20261126-100000-0000", "b/20261126-100000-0000");
  }

  @Test
  void an_artifact_path_that_leaves_the_run_folder_is_dropped() {
    Path run = Fixtures.runningRun(runs, "e", "20261126-100000-0000");
    Fixtures.write(runs.resolve("secret.png"), new byte[] {1});
    Fixtures.write(run.resolve("artifacts.json"),
        "[{\"name\": \"x\", \"kind\": \"image\", \"path\": \"../../secret.png\"},"
            + " {\"name\": \"y\", \"kind\": \"image\", \"path\": \"/etc/passwd\"}]");

    assertThat(RunFolders.read(runs, warnings::add).getFirst().artifacts()).isEmpty();
    assertThat(warnings).hasSize(2).allMatch(w -> w.contains("must be a file inside the run folder"));
  }

  @Test
  void a_missing_runs_folder_is_no_runs() {
    assertThat(RunFolders.read(runs.resolve("nothing-here"), warnings::add)).isEmpty();
  }

  @Test
  void a_status_this_labkit_does_not_know_shows_as_written_with_the_unknown_badge() {
    Path run = Fixtures.runningRun(runs, "e", "20261126-100000-0000");
    Fixtures.write(run.resolve("run.json"), "{\"schema\": 1, \"experiment\": \"e\", \"status\": \"paused\"}");
    Fixtures.runningRun(runs, "e", "20261126-110000-0000");

    List<Run> read = RunFolders.read(runs, warnings::add);

    assertThat(read).extracting(Run::status).containsExactly("running", "paused");
    assertThat(read).extracting(Run::runStatus).containsExactly(RunStatus.RUNNING, null);
    assertThat(read).extracting(Run::statusClass).containsExactly("status-running", "status-unknown");
  }

  @Test
  void a_folder_as_todays_main_wrote_it_reads_into_the_same_view() {
    MainRunFolders.write(runs, "20261206-132845-44f0", "finished", 0.01, 0.801);

    Run run = RunFolders.read(runs, warnings::add).getFirst();

    assertThat(run.status()).isEqualTo("finished");
    assertThat(run.runStatus()).isEqualTo(RunStatus.FINISHED);
    assertThat(run.param("model.c")).isEqualTo(new Run.Entry("model.c", "0.01", true));
    assertThat(run.sweep().role()).isEqualTo("trial 1 of 16");
    assertThat(run.dataset().shape()).isEqualTo("28 \u00d7 28 \u00d7 1");
    assertThat(run.metric("test/accuracy")).isEqualTo(0.801);
    assertThat(run.command()).startsWith("./jbang scripts/logreg.java --smoke");
    assertThat(warnings).isEmpty();
  }
}
