package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GAN run killed after its first checkpoint goes on with {@code --resume RUN_ID} and ends with the
 * metrics of a run that was never stopped, to the last bit (timings aside); resuming a run that finished
 * is one line on stderr and exit code 2. The kill is SIGTERM (see InterruptTest for why not SIGINT).
 */
class GanResumeTest {
  static final List<String> ARGS = List.of("gan", "--smoke", "--no-site"); // 20 steps, a checkpoint at step 10

  @TempDir Path out;

  @Test
  void a_gan_run_killed_after_a_checkpoint_resumes_to_the_metrics_of_an_uninterrupted_run() throws Exception {
    InterruptTest.requireFashion();
    Path straightDir = out.resolve("straight");
    Launcher.Result straight = Launcher.in(Launcher.ROOT).run(args(straightDir));
    assertThat(straight.exitCode()).as(straight.describe()).isZero();
    Path uninterrupted = ReproduceTest.topLevel(straightDir).getFirst();

    Path killed = killedAfterCheckpoint();
    assertThat(RunFiles.status(killed)).isEqualTo("interrupted");
    Path runsOut = killed.getParent().getParent().getParent();
    Launcher.Result resumed = Launcher.in(Launcher.ROOT).run(args(runsOut, "--resume", killed.getFileName().toString()));

    assertThat(resumed.exitCode()).as(resumed.describe()).isZero();
    assertThat(resumed.stdout()).contains("resumed from the checkpoint of step 10");
    assertThat(ReproduceTest.topLevel(runsOut)).containsExactly(killed); // on in the same folder
    assertThat(RunFiles.status(killed)).isEqualTo("finished");
    assertThat(RunFiles.runJson(killed).path("provenance").path("resumed_from_step").toString()).isEqualTo("[10]");
    assertThat(ReproduceTest.withoutTiming(RunFiles.metrics(killed))).containsKey("fid")
        .isEqualTo(ReproduceTest.withoutTiming(RunFiles.metrics(uninterrupted)));
    assertThat(rows(killed)).isEqualTo(rows(uninterrupted));

    Launcher.Result again = Launcher.in(Launcher.ROOT).run(args(runsOut, "--resume", killed.getFileName().toString()));
    assertThat(again.exitCode()).as(again.describe()).isEqualTo(2);
    // the script's own line; the JVM and the launcher may add theirs (incubator modules, a library rebuild)
    assertThat(again.stderrLines()).as(again.describe()).filteredOn(line -> line.startsWith("gan: "))
        .singleElement().asString()
        .contains("--resume " + killed.getFileName() + ": that run finished; there is nothing to resume");
    assertThat(again.stderr()).as(again.describe()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /**
   * Starts a run and kills it once its checkpoint exists. The last steps and the measures after them take
   * a second or two, so the kill nearly always lands before the end; if the run won the race, try again.
   */
  private Path killedAfterCheckpoint() throws Exception {
    for (int attempt = 1; attempt <= 3; attempt++) {
      Path dir = out.resolve("killed-" + attempt);
      Process run = Launcher.in(Launcher.ROOT).start(out.resolve("log-" + attempt + ".txt"), args(dir));
      Path folder = waitForCheckpoint(dir, run);
      new ProcessBuilder("kill", "-TERM", Long.toString(run.pid())).start().waitFor();
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
      if (!RunFiles.status(folder).equals("finished")) {
        return folder;
      }
    }
    throw new AssertionError("three runs finished before SIGTERM reached them");
  }

  private Path waitForCheckpoint(Path dir, Process run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < deadline) {
      for (Path folder : RunFiles.folders(dir)) {
        if (Files.isRegularFile(folder.resolve("checkpoint.bin"))) {
          return folder;
        }
      }
      if (!run.isAlive()) {
        throw new AssertionError("the run ended before it wrote a checkpoint:\n" + Files.readString(dir.resolveSibling(
            "log-" + dir.getFileName().toString().substring("killed-".length()) + ".txt")));
      }
      Thread.sleep(10);
    }
    run.destroyForcibly();
    throw new AssertionError("no checkpoint after 4 minutes");
  }

  private static String[] args(Path dir, String... more) {
    List<String> args = new java.util.ArrayList<>(ARGS);
    args.addAll(List.of("--out", dir.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** metrics.csv without its wall times. */
  private static List<String> rows(Path folder) throws Exception {
    return Files.readAllLines(folder.resolve("metrics.csv")).stream()
        .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
  }
}
