package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped before its end (kill, Ctrl-C) is marked interrupted and keeps everything it had written.
 * The test sends SIGTERM, as {@code kill} does: Ctrl-C's SIGINT takes the same path in the JVM (its
 * shutdown hooks), but a process started in the background by a non-interactive shell, as CI may start
 * this build, inherits SIGINT as ignored, and the JVM then keeps ignoring it.
 */
class InterruptTest {
  static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

  @TempDir Path out;

  /** Skips where Debian's Fashion-MNIST is absent, except in CI ({@code LABKIT_CI=1}, .ci/run installs it): there it fails. */
  static void requireFashion() {
    if (!Files.isDirectory(FASHION) && "1".equals(System.getenv("LABKIT_CI"))) {
      throw new AssertionError("LABKIT_CI=1 but " + FASHION + " is absent: .ci/run must apt-get install dataset-fashion-mnist");
    }
    assumeTrue(Files.isDirectory(FASHION), FASHION + " is absent: apt-get install dataset-fashion-mnist");
  }

  @Test
  void kill_marks_the_run_interrupted_and_keeps_its_metrics() throws Exception {
    requireFashion();
    Path log = out.resolve("log.txt");
    // the full data with a budget it cannot finish in the time this test waits
    Process run = Launcher.in(out).start(log, "logreg", "--out", out.toString(), "--no-site",
        "--set", "model.max_iter=100000", "--set", "model.tol=1e-12");
    Path metrics = waitForMetrics(out.resolve("runs/logreg-fashion"), 5, run, log);

    // the launcher exec'd into the script's JVM, so its pid is the JVM's
    new ProcessBuilder("kill", "-TERM", Long.toString(run.pid())).start().waitFor();
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();

    Path folder = metrics.getParent();
    String runJson = Files.readString(folder.resolve("run.json"));
    assertThat(runJson).contains("\"status\" : \"interrupted\"").contains("Ctrl-C");
    assertThat(Files.readAllLines(metrics)).hasSizeGreaterThan(5).first().isEqualTo("step,name,value,wall_time");
    assertThat(run.exitValue()).isNotZero();
  }

  /** Waits until some run folder's metrics.csv has {@code lines} data lines; returns that file. */
  private static Path waitForMetrics(Path experiment, int lines, Process run, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (!run.isAlive()) {
        throw new AssertionError("the run ended before it was interrupted:\n" + Files.readString(log));
      }
      if (Files.isDirectory(experiment)) {
        try (Stream<Path> folders = Files.list(experiment)) {
          for (Path folder : folders.toList()) {
            Path metrics = folder.resolve("metrics.csv");
            if (Files.isRegularFile(metrics) && Files.readAllLines(metrics).size() > lines) {
              return metrics;
            }
          }
        }
      }
      Thread.sleep(200);
    }
    run.destroyForcibly();
    throw new AssertionError("no metrics after 3 minutes:\n" + Files.readString(log));
  }
}
