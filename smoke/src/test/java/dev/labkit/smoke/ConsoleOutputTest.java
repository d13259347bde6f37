package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, as a log sees it (not a terminal): one line per trial, the best trial and the report's
 * address last, plain progress lines only, and neither the JVM's incubator warning nor control characters.
 */
class ConsoleOutputTest {
  @TempDir Path out;

  @Test
  void the_main_job_prints_a_line_a_trial_then_the_best_and_the_report_and_no_jvm_warning() throws Exception {
    Launcher.Result run = Launcher.in(Launcher.ROOT).run("logreg", "--smoke", "--out", out.toString());

    assertThat(run.exitCode()).as(run.describe()).isZero();
    List<String> lines = run.stdout().lines().filter(line -> !line.startsWith("progress ")).toList();
    assertThat(lines).as(run.describe()).hasSizeBetween(18, 30); // 16 trials, the header, the best, the report
    assertThat(lines.get(lines.size() - 2)).as(run.describe()).startsWith("best     {model.penalty=");
    assertThat(lines.getLast()).as(run.describe()).startsWith("report   file:");
    assertThat(lines).filteredOn(line -> line.startsWith("trial ")).hasSize(16);
    assertThat(run.stdout().chars().filter(c -> c < 0x20 && c != '\n')).as("control characters").isEmpty();
    assertThat(run.stderr()).as(run.describe()).doesNotContain("WARNING: Using incubator modules");
  }
}
