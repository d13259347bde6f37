package dev.labkit.run;

import dev.labkit.cluster.SlurmArray;
import dev.labkit.cluster.SlurmOptions;
import dev.labkit.cluster.SlurmProgress;
import dev.labkit.cluster.SlurmStates;
import dev.labkit.ground.Home;
import dev.labkit.ground.UserError;
import dev.labkit.store.RunFolder;
import dev.labkit.store.RunRecord;
import dev.labkit.store.RunStatus;
import dev.labkit.console.Console;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code --cluster slurm}: the trials of a sweep as one Slurm job array, the second way (after
 * {@link TrialWorkers}) to run the same trials. Task i runs trial i + 1 with the command line a worker
 * process gets, so the trials, their seeds and their run folders are the same; only where they run changes.
 * It waits with a line of progress whenever the counts change, then reads each trial's run folder as the
 * workers' sweep does. A task Slurm ended (time limit, memory, preemption, node failure, cancel) has its
 * run marked with Slurm's reason. Ctrl-C cancels the array ({@code scancel}); {@code --detach} returns
 * right after submitting, and {@code lab status} finishes the sweep later ({@code collect}).
 */
final class SlurmTrials {
  /** Slurm states that end a task before its run can say why: the run is marked with Slurm's reason. */
  private static final Set<String> ENDED_BY_SLURM = Set.of("TIMEOUT", "OUT_OF_MEMORY", "PREEMPTED", "NODE_FAIL",
      "CANCELLED", "BOOT_FAIL", "DEADLINE");

  private SlurmTrials() {}

  /** What the sweep learns: why trials failed, by number; {@code detached} when it left them to Slurm. */
  record Ended(Map<Integer, String> failures, boolean detached) {}

  static Ended run(Repeats repeats, List<Integer> todo, RunRecord.SweepInfo sweep, Settings options, String experiment,
      Console out, Map<Integer, Outcome> outcomes, Map<Integer, Path> resumable, SweepSummary summary) {
    SlurmOptions slurm = options.slurm();
    Path logs = summary.folder().resolve("slurm");
    String submitted = null;
    if (!slurm.collect() && !todo.isEmpty()) {
      refuseWhileRunning(summary.slurmArrays(), sweep.id());
      Path launcher = TrialWorkers.launcher(options, "--cluster slurm");
      SortedMap<Integer, List<String>> tasks = new TreeMap<>();
      for (int number : todo) {
        tasks.put(number - 1, TrialWorkers.command(launcher, repeats, number, sweep, options, resumable.get(number)));
      }
      submitted = SlurmArray.submit(slurm, "labkit-" + experiment, Path.of("").toAbsolutePath(), logs, tasks);
      summary.submitted(submitted);
      out.line(String.format(Locale.ROOT, "slurm    array %s: %d task%s%s%s, logs in %s", submitted, tasks.size(),
          tasks.size() == 1 ? "" : "s", slurm.partition() == null ? "" : " on partition " + slurm.partition(),
          slurm.max() == null ? "" : ", at most " + slurm.max() + " at once", logs));
      if (slurm.detach()) {
        summary.release();
        out.always(String.format(Locale.ROOT, "detached: the tasks run in Slurm; ./jbang lab status %s%s reports on "
            + "them and writes the summary once they ended", sweep.id(), outFlag(options)));
        return new Ended(Map.of(), true);
      }
    }
    String cancel = submitted;
    Thread onExit = new Thread(() -> { // Ctrl-C or kill on the submitter: the array goes too
      if (cancel != null && SlurmArray.cancel(cancel)) {
        System.out.println("slurm    cancelled array " + cancel);
      }
    });
    Runtime.getRuntime().addShutdownHook(onExit);
    Map<Integer, SlurmStates.Task> states;
    try {
      states = waitFor(summary.slurmArrays(), todo, out);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException e) {
        // shutting down: the hook cancels the array
      }
    }
    return new Ended(collect(repeats, todo, sweep, options, experiment, outcomes, states, logs), false);
  }

  /** Waits until no task of {@code todo} is pending or running; returns each one's last state, by task id. */
  private static Map<Integer, SlurmStates.Task> waitFor(List<String> arrays, List<Integer> todo, Console out) {
    SlurmProgress progress = new SlurmProgress(out::line, "array " + String.join(", ", arrays), 60);
    long pause = 500;
    boolean said = false;
    while (true) {
      Map<Integer, SlurmStates.Task> all;
      try {
        all = SlurmStates.of(arrays);
        said = false;
      } catch (SlurmStates.Unreachable e) { // the tasks may well run on: wait for the controller to answer again
        if (!said) {
          out.line("slurm    no answer from the controller (" + e.getMessage() + "); still waiting");
          said = true;
        }
        sleep(5_000);
        continue;
      }
      Map<Integer, SlurmStates.Task> ours = new TreeMap<>();
      todo.forEach(number -> {
        if (all.containsKey(number - 1)) {
          ours.put(number - 1, all.get(number - 1));
        }
      });
      SlurmProgress.Counts counts = SlurmProgress.Counts.of(ours.values());
      progress.show(counts);
      out.progress("task", counts.done() + counts.failed(), todo.size(), counts.toString()); // the status line
      if (counts.over()) { // a task Slurm no longer knows of has ended too
        return ours;
      }
      sleep(pause);
      pause = Math.min(5_000, pause * 2);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while the sweep's Slurm tasks ran", e);
    }
  }

  /** Each trial's outcome from its run folder; why the others failed, Slurm's reason first. */
  private static Map<Integer, String> collect(Repeats repeats, List<Integer> todo, RunRecord.SweepInfo sweep,
      Settings options, String experiment, Map<Integer, Outcome> outcomes, Map<Integer, SlurmStates.Task> states,
      Path logs) {
    Map<Integer, String> failures = new TreeMap<>();
    for (int number : todo) {
      RunFolder run = TrialWorkers.latest(options.runsDir().resolve(experiment), sweep.id(),
          repeats.place(sweep, number));
      SlurmStates.Task task = states.get(number - 1);
      if (run != null && run.status() == RunStatus.FINISHED) {
        outcomes.put(number, new Outcome(repeats.trial(number), run.folder(), run.metrics()));
        continue;
      }
      String log = task == null ? "" : " (log: " + logs.resolve(task.arrayJobId() + "_" + task.taskId() + ".log") + ")";
      if (task != null && ENDED_BY_SLURM.contains(task.state())) {
        if (run != null) {
          RunFolder.endedBySlurm(run.folder(), task.state(), task.reason());
        }
        failures.put(number, task.reason() + log);
      } else if (run != null) {
        failures.put(number, "run " + run.statusText() + (run.error() == null ? "" : ": " + run.error()) + log);
      } else {
        failures.put(number, "no run folder" + (task == null ? "; Slurm has no record of its task" : ", Slurm "
            + task.state()) + log);
      }
    }
    return failures;
  }

  /** A --resume while tasks of the sweep's earlier arrays still wait or run would run a trial twice. */
  private static void refuseWhileRunning(List<String> arrays, String sweepId) {
    if (arrays.isEmpty()) {
      return;
    }
    SlurmProgress.Counts counts;
    try {
      counts = SlurmProgress.Counts.of(SlurmStates.of(arrays).values());
    } catch (SlurmStates.Unreachable e) {
      throw new UserError("--resume " + sweepId + ": cannot ask Slurm whether its tasks still run (" + e.getMessage()
          + "); check that slurmctld runs");
    }
    if (!counts.over()) {
      throw new UserError("--resume " + sweepId + ": its Slurm tasks still run (" + counts + ", array "
          + String.join(", ", arrays) + "); wait for them (./jbang lab status " + sweepId + ") or scancel "
          + arrays.getLast());
    }
  }

  private static String outFlag(Settings options) {
    Path home = Home.runs().toAbsolutePath();
    return options.runsDir().toAbsolutePath().equals(home) ? "" : " --out " + options.runsDir().getParent();
  }
}
