package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same script, same seed, twice: bit-identical metrics. Every catalog script runs in {@code --smoke}
 * mode, then {@code lab reproduce} runs it again from what its run.json recorded; both must say the
 * same thing to the last bit.
 *
 * <p>Excluded from the comparison: metrics whose names end in {@code _seconds} ({@code fit_seconds},
 * {@code predict_seconds}, …) or start with {@code ms_} (a GAN's {@code ms_per_step}). They are wall-clock times of a phase, which measure the machine and its
 * load, not the model, so no seed can fix them. Every other final metric must be equal as written in
 * summary.json (Jackson writes the shortest text that reads back as the same double, so equal text is
 * equal bits).
 */
class ReproduceTest {
  /** Aliases that are no experiment: they make no run to reproduce. */
  static final Set<String> NOT_EXPERIMENTS = Set.of("site", "lab");

  @TestFactory
  Stream<DynamicTest> every_catalog_script_run_twice_with_the_same_seed_gives_bit_identical_metrics(@TempDir Path out) {
    return CatalogTest.aliases().keySet().stream().filter(alias -> !NOT_EXPERIMENTS.contains(alias))
        .filter(alias -> Files.isRegularFile(Launcher.ROOT.resolve(CatalogTest.aliases().get(alias))))
        .map(alias -> DynamicTest.dynamicTest(alias, () -> {
          Path dir = Files.createDirectories(out.resolve(alias));
          Launcher.Result first = Launcher.in(Launcher.ROOT).run(alias, "--smoke", "--out", dir.toString(), "--no-site");
          assertThat(first.exitCode()).as(first.describe()).isZero();
          Path original = topLevel(dir).getFirst();

          Launcher.Result again = Launcher.in(Launcher.ROOT).run("lab", "reproduce", RunFiles.name(original),
              "--out", dir.toString());

          assertThat(again.exitCode()).as(again.describe()).isZero();
          assertThat(again.stdout()).as(again.describe()).contains("identical: all");
          if (RunFiles.runJson(original).path("sweep").path("trial").asInt(-1) == 0) { // a sweep picks the same best
            String line = again.stdout().lines().filter(l -> l.startsWith("sweep    then")).findFirst().orElseThrow();
            String[] parts = line.substring("sweep    then".length()).split("; now");
            assertThat(parts[1].trim()).as(line).startsWith("best #").isEqualTo(parts[0].trim());
          }
          // a script of several experiments (linreg, softmax) re-runs only the original's experiment
          List<Path> runs = topLevel(dir).stream().filter(run -> run.getParent().equals(original.getParent())).toList();
          assertThat(runs).as("the original and its reproduction").hasSize(2);
          assertThat(withoutTiming(RunFiles.metrics(runs.getLast())))
              .isNotEmpty().isEqualTo(withoutTiming(RunFiles.metrics(original)));
          assertThat(RunFiles.runJson(runs.getLast()).path("provenance").path("reproduces").asString())
              .isEqualTo(RunFiles.name(original));
        }));
  }

  /**
   * A sweep from the command line, in two worker processes; then {@code lab diff} of its two trials
   * names the swept key and leaves out what they share.
   */
  @Test
  void a_command_line_sweep_runs_in_parallel_workers_and_diff_shows_what_differs(@TempDir Path out) throws Exception {
    Launcher.Result sweep = Launcher.in(Launcher.ROOT).run("logreg", "--smoke", "--out", out.toString(), "--no-site",
        "--set", "model.penalty=l2", "--sweep", "model.c=0.1,10", "--parallel", "2");

    assertThat(sweep.exitCode()).as(sweep.describe()).isZero();
    assertThat(sweep.stdout()).contains("2 worker processes").contains("[trial 1/2]").contains("[trial 2/2]");
    List<Path> trials = new ArrayList<>();
    for (Path folder : RunFiles.folders(out)) {
      if (RunFiles.trial(folder) > 0) {
        trials.add(folder);
      }
    }
    assertThat(trials).hasSize(2);
    Path summary = topLevel(out).getFirst();
    assertThat(RunFiles.status(summary)).isEqualTo("finished");
    for (Path trial : trials) {
      assertThat(RunFiles.status(trial)).isEqualTo("finished");
      assertThat(RunFiles.runJson(trial).path("sweep").path("id").asString()).isEqualTo(summary.getFileName().toString());
      assertThat(RunFiles.runJson(trial).path("provenance").path("command").asString()).doesNotContain("--parallel")
          .doesNotContain("--sweep").doesNotContain("--trial-of").contains("--set model.c=");
    }

    Launcher.Result diff = Launcher.in(Launcher.ROOT).run("lab", "diff", trials.get(0).toString(),
        trials.get(1).toString());

    assertThat(diff.exitCode()).as(diff.describe()).isZero();
    assertThat(diff.stdout()).as(diff.describe()).contains("params   model.c").contains("test/accuracy")
        .doesNotContain("model.penalty").doesNotContain("cpu");
  }

  /** Runs outside a sweep and sweep summaries, oldest first. */
  static List<Path> topLevel(Path out) throws Exception {
    List<Path> runs = new ArrayList<>();
    for (Path folder : RunFiles.folders(out)) {
      if (RunFiles.trial(folder) <= 0) {
        runs.add(folder);
      }
    }
    return runs;
  }

  static Map<String, String> withoutTiming(Map<String, String> metrics) {
    metrics.keySet().removeIf(dev.labkit.lab.RunDiff::isTiming);
    return metrics;
  }
}
