package dev.labkit.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.store.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepBestTest {
  @TempDir Path runs;

  RunFolder run(String id, int trial, double validation, double test) throws IOException {
    Path folder = Files.createDirectories(runs.resolve("sweep").resolve(id));
    Files.writeString(folder.resolve("run.json"), """
        {"schema": 1, "experiment": "sweep", "kind": "classify", "run_id": "%s", "status": "finished", "seed": 42,
         "params": {"seed": 42}, "sweep": {"id": "20261206-120000-0000", "trial": %d, "trials": 3}}
        """.formatted(id, trial));
    Files.writeString(folder.resolve("summary.json"), """
        {"metrics": {"val/accuracy": %s, "test/accuracy": %s}, "headline": "test/accuracy"}
        """.formatted(validation, test));
    return RunFolder.read(folder);
  }

  @Test
  void ties_go_to_the_earlier_trial_whatever_order_the_folders_sort_in() throws IOException {
    RunFolder summary = run("20261206-120000-0000", 0, 0.9, 0.9);
    // three trials started in one second: their folder names sort 3, 1, 2; trials 2 and 3 tie on validation
    List<RunFolder> experiment = List.of(summary, run("20261206-120001-0a00", 3, 0.85, 0.80),
        run("20261206-120001-0b00", 1, 0.70, 0.90), run("20261206-120001-0c00", 2, 0.85, 0.70));

    assertThat(SweepBest.describe(summary, experiment)).isEqualTo(", best #2 by val/accuracy");
  }

  @Test
  void without_a_validation_score_the_choice_on_test_is_marked_optimistic() throws IOException {
    RunFolder summary = run("20261206-120000-0000", 0, 0.9, 0.9);
    Path only = runs.resolve("sweep").resolve("20261206-120001-0a00");
    RunFolder trial = run("20261206-120001-0a00", 1, 0.5, 0.8);
    Files.writeString(only.resolve("summary.json"), "{\"metrics\": {\"test/accuracy\": 0.8}}");

    assertThat(SweepBest.describe(summary, List.of(summary, RunFolder.read(trial.folder()))))
        .isEqualTo(", best #1 by test/accuracy, chosen on test (optimistic)");
  }

  RunFolder repeat(String id, int trial, int repeat, double validation) throws IOException {
    Path folder = Files.createDirectories(runs.resolve("sweep").resolve(id));
    Files.writeString(folder.resolve("run.json"), """
        {"schema": 1, "experiment": "sweep", "kind": "classify", "run_id": "%s", "status": "finished", "seed": 42,
         "params": {"seed": 42}, "sweep": {"id": "20261206-130000-0000", "trial": %d, "trials": 2,
         "repeat": %d, "repeats": 3}}
        """.formatted(id, trial, repeat));
    Files.writeString(folder.resolve("summary.json"), """
        {"metrics": {"val/accuracy": %s}, "headline": "val/accuracy"}
        """.formatted(validation));
    return RunFolder.read(folder);
  }

  @Test
  void with_repeats_the_best_trial_is_the_best_on_the_mean_not_the_one_with_the_best_seed() throws IOException {
    RunFolder summary = repeat("20261206-130000-0000", 0, 0, 0.8);
    // trial 1 holds the single best seed (0.95) but averages 0.75; trial 2 averages 0.80
    List<RunFolder> experiment = List.of(summary,
        repeat("20261206-130001-0a01", 1, 1, 0.95), repeat("20261206-130001-0a02", 1, 2, 0.65),
        repeat("20261206-130001-0a03", 1, 3, 0.65), repeat("20261206-130001-0b01", 2, 1, 0.80),
        repeat("20261206-130001-0b02", 2, 2, 0.81), repeat("20261206-130001-0b03", 2, 3, 0.79));

    assertThat(SweepBest.describe(summary, experiment))
        .isEqualTo(", best #2 by val/accuracy, best on the mean of 3 seeds");
  }
}
