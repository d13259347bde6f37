package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed half way keeps the trials it finished, marked finished, and {@code --resume} runs the
 * others only. The kill is SIGTERM, as {@code kill} sends (see InterruptTest for why not SIGINT).
 */
class SweepInterruptTest {
  @TempDir Path out;

  @Test
  void a_killed_sweep_keeps_its_finished_trials_and_resume_runs_only_the_missing_ones() throws Exception {
    List<String> args = List.of("logreg", "--smoke", "--out", out.toString(), "--no-site"); // 16 trials
    Process run = Launcher.in(Launcher.ROOT).start(out.resolve("log.txt"), args.toArray(String[]::new));
    waitForFinishedTrials(2, run);
    new ProcessBuilder("kill", "-TERM", Long.toString(run.pid())).start().waitFor();
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();

    Path summary = ReproduceTest.topLevel(out).getFirst();
    assertThat(RunFiles.status(summary)).isEqualTo("interrupted");
    Map<Path, String> finishedBefore = new HashMap<>();
    for (Path trial : trials()) {
      assertThat(RunFiles.status(trial)).isIn("finished", "interrupted");
      if (RunFiles.status(trial).equals("finished")) {
        finishedBefore.put(trial, Files.readString(trial.resolve("run.json")));
        assertThat(trial.resolve("summary.json")).isRegularFile();
      }
    }
    assertThat(finishedBefore.size()).as("killed before the end").isBetween(2, 15);
    int foldersBefore = trials().size();

    List<String> resume = new ArrayList<>(args);
    resume.addAll(List.of("--resume", summary.getFileName().toString()));
    Launcher.Result resumed = Launcher.in(Launcher.ROOT).run(resume.toArray(String[]::new));

    assertThat(resumed.exitCode()).as(resumed.describe()).isZero();
    assertThat(resumed.stdout()).contains(finishedBefore.size() + " finished before, running "
        + (16 - finishedBefore.size()));
    assertThat(trials()).hasSize(foldersBefore + 16 - finishedBefore.size());
    Map<Integer, Integer> finishedPerTrial = new HashMap<>();
    for (Path trial : trials()) {
      if (RunFiles.status(trial).equals("finished")) {
        finishedPerTrial.merge(RunFiles.trial(trial), 1, Integer::sum);
      }
    }
    assertThat(finishedPerTrial).hasSize(16).allSatisfy((number, count) -> assertThat(count).isEqualTo(1));
    for (var before : finishedBefore.entrySet()) { // untouched, byte for byte
      assertThat(Files.readString(before.getKey().resolve("run.json"))).isEqualTo(before.getValue());
    }
    assertThat(RunFiles.status(summary)).isEqualTo("finished");
    assertThat(RunFiles.metrics(summary)).containsEntry("trials", "16.0");
  }

  private List<Path> trials() throws Exception {
    List<Path> trials = new ArrayList<>();
    for (Path folder : RunFiles.folders(out)) {
      // a folder is claimed a moment before its run.json is written: skip it until then
      if (Files.isRegularFile(folder.resolve("run.json")) && RunFiles.trial(folder) > 0) {
        trials.add(folder);
      }
    }
    return trials;
  }

  private void waitForFinishedTrials(int count, Process run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (!run.isAlive()) {
        throw new AssertionError("the sweep ended before it was killed:\n" + Files.readString(out.resolve("log.txt")));
      }
      int finished = 0;
      try {
        for (Path trial : trials()) {
          finished += RunFiles.status(trial).equals("finished") ? 1 : 0;
        }
      } catch (Exception e) {
        continue; // a folder appearing at this moment: look again
      }
      if (finished >= count) {
        return;
      }
      Thread.sleep(50);
    }
    run.destroyForcibly();
    throw new AssertionError("no finished trials after 3 minutes:\n" + Files.readString(out.resolve("log.txt")));
  }
}
