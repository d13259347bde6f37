package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.ground.UserError;
import dev.labkit.model.LogisticRegression;
import dev.labkit.store.RunFolder;
import dev.labkit.store.RunStatus;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --resume of a sweep whose process still runs is refused in one line; one whose process is gone goes on. */
class ResumeLivenessTest {
  @TempDir Path out;
  final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

  Experiment experiment() {
    return new ExperimentStart("blobs-lr").data(new BlobData(120, 60)).model(LogisticRegression.defaults())
        .evaluate(new Evaluation.Accuracy());
  }

  LabOptions sweep() {
    return LabOptions.of(out).noSite(true).sweep("model.c=0.1,1");
  }

  /** Rewrites the sweep's summary as a process {@code pid} left it while running. */
  static void runningAs(Path summary, long pid) throws Exception {
    Path runJson = summary.resolve("run.json");
    String json = Files.readString(runJson).replace("\"finished\"", "\"running\"")
        .replaceAll("\"pid\" : \\d+", "\"pid\" : " + pid);
    Files.writeString(runJson, json);
  }

  @Test
  void resuming_a_sweep_that_is_still_running_is_refused_in_one_line() throws Exception {
    Runner.Result first = Runner.execute(experiment(), sweep(), quiet);
    String sweepId = first.folder().getFileName().toString();
    runningAs(first.folder(), ProcessHandle.current().pid()); // this very process: alive

    assertThatThrownBy(() -> Runner.execute(experiment(), sweep().resume(sweepId), quiet))
        .isInstanceOf(UserError.class)
        .hasMessage("--resume " + sweepId + ": that sweep is still running (pid " + ProcessHandle.current().pid()
            + " on " + RunFolder.read(first.folder()).owner().host() + "); wait for it to end or stop it first");
  }

  @Test
  void a_sweep_whose_process_was_killed_reads_as_interrupted_and_resumes() throws Exception {
    Runner.Result first = Runner.execute(experiment(), sweep(), quiet);
    String sweepId = first.folder().getFileName().toString();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    runningAs(first.folder(), gone.pid());
    assertThat(RunFolder.read(first.folder()).status()).isEqualTo(RunStatus.INTERRUPTED);

    Runner.Result resumed = Runner.execute(experiment(), sweep().resume(sweepId), quiet);

    assertThat(resumed.exitCode()).isZero();
    assertThat(RunFolder.read(first.folder()).status()).isEqualTo(RunStatus.FINISHED);
  }
}
