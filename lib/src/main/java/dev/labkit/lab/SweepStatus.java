package dev.labkit.lab;

import dev.labkit.cluster.SlurmProgress;
import dev.labkit.cluster.SlurmStates;
import dev.labkit.ground.Home;
import dev.labkit.ground.UserError;
import dev.labkit.store.RunFolder;
import dev.labkit.store.RunRecord;
import dev.labkit.store.RunStatus;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code lab status SWEEP}: where a sweep stands. Its trials' run folders (finished, failed, running) and, for a
 * sweep on Slurm, its tasks (pending, running, done, failed, asked of Slurm). A Slurm sweep left to run
 * ({@code --detach}) whose tasks have all ended is finished here: the script runs again with the sweep's own
 * options, {@code --resume SWEEP} and the hidden {@code --slurm-collect}, which submits nothing and writes the
 * summary and the site exactly as the submitting command would have.
 */
final class SweepStatus {
  private SweepStatus() {}

  static int print(String ref, Path runsDir, PrintStream out) {
    RunFolder summary = RunFolder.read(RunRefs.resolve(ref, runsDir));
    if (summary.trial() != 0) {
      throw new UserError(summary.name() + " is not a sweep (lab runs lists each sweep's summary run as 'summary of N "
          + "trials'); give the sweep's id");
    }
    List<RunFolder> trials = RunRefs.children(summary.folder().getParent()).stream().map(RunFolder::tryRead)
        .flatMap(Optional::stream).filter(run -> summary.runId().equals(run.sweepId()) && run.trial() > 0).toList();
    int total = summary.json().path("sweep").path("trials").asInt() * Math.max(1,
        summary.json().path("sweep").path("repeats").asInt(0));
    long finished = trials.stream().filter(run -> run.status() == RunStatus.FINISHED).count();
    long running = trials.stream().filter(run -> run.status() == RunStatus.RUNNING).count();
    out.printf("sweep    %s  %s, %d run%s: %d finished, %d running, %d stopped or failed, %d not started%n",
        summary.name(), summary.statusText(), total, total == 1 ? "" : "s", finished, running,
        trials.size() - finished - running, Math.max(0, total - trials.size()));
    RunRecord.Slurm slurm = summary.slurm();
    if (slurm == null || slurm.arrays() == null || slurm.arrays().isEmpty()) {
      return 0;
    }
    Map<Integer, SlurmStates.Task> tasks;
    try {
      tasks = SlurmStates.of(slurm.arrays());
    } catch (SlurmStates.Unreachable e) {
      throw new UserError("cannot ask Slurm about array " + String.join(", ", slurm.arrays()) + " (" + e.getMessage()
          + "); check SLURM_CONF and that slurmctld runs, then run lab status again");
    }
    SlurmProgress.Counts counts = SlurmProgress.Counts.of(tasks.values());
    out.printf("slurm    array %s: %s%n", String.join(", ", slurm.arrays()), counts);
    tasks.values().stream().filter(task -> task.ended() && !task.completed())
        .forEach(task -> out.printf("         task %d: %s%n", task.taskId(), task.reason()));
    if (summary.status() != RunStatus.RUNNING) {
      return 0; // finished already (its summary is written)
    }
    if (!counts.over()) {
      out.println("waiting  run ./jbang lab status " + summary.runId() + " again once they ended; it writes the summary");
      return 0;
    }
    return finish(summary, out);
  }

  /** Runs the sweep's script again to write its summary and site from the trials Slurm ran. */
  private static int finish(RunFolder summary, PrintStream out) {
    String script = RunFolder.text(summary.provenance().path("script"), null);
    Path scriptFile = script == null ? null : Home.dir().resolve(script);
    if (scriptFile == null || !Files.isRegularFile(scriptFile)) {
      throw new UserError("the sweep's script " + script + " is not in " + Home.dir() + "; lab status writes the "
          + "summary by running it again");
    }
    List<String> args = new ArrayList<>(Reproduce.recordedArgs(summary).stream().filter(a -> !a.equals("--detach")).toList());
    args.addAll(List.of("--resume", summary.runId(), "--slurm-collect"));
    out.println("finish   every task ended: ./jbang " + script + " " + String.join(" ", args));
    return ScriptRun.run(scriptFile, args, ScriptRun.workingDir(summary.provenance()), Map.of(), out,
        "while the sweep's summary was written");
  }
}
