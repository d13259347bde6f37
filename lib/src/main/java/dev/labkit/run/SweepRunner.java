package dev.labkit.run;

import dev.labkit.console.Commands;
import dev.labkit.console.Console;
import dev.labkit.cluster.SlurmPreflight;
import dev.labkit.ground.UserError;
import dev.labkit.store.RunRecord;
import dev.labkit.store.RunStatus;
import dev.labkit.store.RunStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the trials of a sweep or comparison, each as its own run folder: one after the other in this JVM,
 * sharing the loaded data, or with {@code --parallel K} in K worker processes ({@link TrialWorkers});
 * with {@code --resume SWEEP_ID} only the trials an earlier run of the sweep did not finish
 * ({@link SweepResume}); with {@code --cluster slurm} as one Slurm job array ({@link SlurmTrials}); with {@code --repeat N} each trial N times, one run folder per seed ({@link Repeats}).
 * Then it writes the sweep's summary run: every trial in one table, the best trial (chosen
 * on the validation set when there is one) and the best trial's images for each value of the first
 * non-numeric swept key side by side (L1 against L2, one model against another).
 */
final class SweepRunner {
  private SweepRunner() {}


  static Runner.Result run(Experiment exp, List<Trial> trials, int repeat, Settings options, Console out) {
    Repeats repeats = new Repeats(trials, repeat);
    List<String> keys = new ArrayList<>(trials.getFirst().assignment().keySet());
    SweepResume resumed = options.resume() == null ? null
        : SweepResume.find(options.runsDir(), exp.name(), options.resume(), repeats, keys);
    DataCache cache = new DataCache(options);
    // what every trial would hit fails here, before any folder is made (workers load their own data: not kept)
    Preflight.check(trials, options, options.parallel() > 1 ? new DataCache(options) : cache);
    if (options.slurm() != null && !options.slurm().collect()) { // no sbatch, no such partition, runs not shared
      String warning = SlurmPreflight.check(options.slurm(), options.runsDir());
      if (warning != null) {
        out.line(warning);
      }
    }
    String sweepId = resumed == null ? RunStore.newRunId(Instant.now()) : options.resume();
    RunRecord.SweepInfo summaryInfo = new RunRecord.SweepInfo(sweepId, 0, trials.size(), keys,
        RunRecord.SweepInfo.axes(trials.getFirst().axes()));
    if (repeat > 1) {
      summaryInfo = summaryInfo.repeated(0, repeat);
    }
    SweepSummary summary = SweepSummary.start(exp, trials, summaryInfo, options,
        resumed == null ? null : resumed.summaryFolder());
    Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>(resumed == null ? Map.of() : resumed.finished());
    List<Integer> todo = new ArrayList<>();
    for (int number = 1; number <= repeats.runs(); number++) {
      if (!outcomes.containsKey(number)) {
        todo.add(number);
      }
    }
    out.line(String.format(Locale.ROOT, "sweep    %s  %d trials%s%s%s", sweepId, trials.size(),
        repeat > 1 ? String.format(Locale.ROOT, " × %d seeds", repeat) : "",
        resumed == null ? "" : String.format(Locale.ROOT, ", %d finished before, running %d", outcomes.size(), todo.size()),
        options.slurm() != null ? ", on Slurm" : options.parallel() > 1 ? ", " + options.parallel()
            + " worker processes" : ""));
    out.sweepStarted(repeats.runs(), todo.size());
    out.onInterrupt(() -> interrupted(summary.folder(), sweepId, outcomes.size(), repeats.runs(), options));
    Map<Integer, String> failures = Map.of();
    Map<Integer, Path> resumable = resumed == null ? Map.of() : resumed.resumable();
    try {
      if (options.slurm() != null) {
        SlurmTrials.Ended ended = SlurmTrials.run(repeats, todo, summaryInfo, options, exp.name(), out, outcomes,
            resumable, summary);
        if (ended.detached()) {
          return new Runner.Result(0, summary.folder(), Map.of(), null);
        }
        failures = ended.failures();
      } else if (options.parallel() > 1 && !todo.isEmpty()) {
        failures = TrialWorkers.run(repeats, todo, summaryInfo, options, exp.name(), out, outcomes, resumable);
      } else {
        failures = runInTurn(repeats, todo, summaryInfo, options, out, outcomes, resumable, cache);
      }
    } catch (RuntimeException | Error e) {
      out.sweepEnded();
      out.onInterrupt(null);
      summary.finish(outcomes, repeats, RunStatus.FAILED, "trial "
          + repeats.trialOf(firstMissing(outcomes, repeats.runs())) + " failed: " + e.getMessage(), out);
      throw e;
    }
    out.sweepEnded();
    out.onInterrupt(null);
    if (!failures.isEmpty()) {
      failures.forEach((number, why) -> out.always(String.format(Locale.ROOT, "%s failed: %s", name(repeats, number), why)));
      var first = failures.entrySet().stream().min(Map.Entry.comparingByKey()).orElseThrow();
      Map<String, Double> best = summary.finish(outcomes, repeats, RunStatus.FAILED, failures.size() + " of "
          + repeats.runs() + (repeat > 1 ? " runs" : " trials") + " failed; trial " + repeats.trialOf(first.getKey())
          + (repeat > 1 ? " seed " + repeats.repeatOf(first.getKey()) : "") + ": "
          + first.getValue(), out);
      return new Runner.Result(1, summary.folder(), best, null);
    }
    Map<String, Double> best = summary.finish(outcomes, repeats, RunStatus.FINISHED, null, out);
    return new Runner.Result(0, summary.folder(), best, null);
  }

  /** The Ctrl-C line of a sweep: its summary folder, how far it got, and the command that finishes it. */
  private static String interrupted(Path folder, String sweepId, int finished, int runs, Settings options) {
    List<String> args = new ArrayList<>(options.sweepCommandLine());
    args.addAll(List.of("--resume", sweepId));
    String command = Commands.of(options.script(), args);
    return String.format(Locale.ROOT, "interrupted  sweep %s, %d of %d trials finished%s", Console.shown(folder),
        finished, runs, command == null ? "" : "; finish it with: " + command);
  }

  /** "trial 3/4", or "trial 3/4 seed 2/3" with repeats. */
  static String name(Repeats repeats, int number) {
    return String.format(Locale.ROOT, "trial %d/%d", repeats.trialOf(number), repeats.trials().size())
        + (repeats.n() > 1 ? String.format(Locale.ROOT, " seed %d/%d", repeats.repeatOf(number), repeats.n()) : "");
  }

  /**
   * Runs the trials one after another in this JVM. A trial that fails for a reason of its own (it
   * diverged, its settings are refused) is recorded as failed and the sweep goes on; when the first two
   * trials fail with the same message, every trial would, so the sweep stops there.
   */
  private static Map<Integer, String> runInTurn(Repeats repeats, List<Integer> todo, RunRecord.SweepInfo sweep,
      Settings options, Console out, Map<Integer, Outcome> outcomes, Map<Integer, Path> resumable, DataCache cache) {
    Map<Integer, String> failures = new TreeMap<>();
    for (int number : todo) {
      Trial trial = repeats.trial(number);
      out.trialStarted(number);
      if (resumable.containsKey(number)) { // worth saying: this trial does not start from scratch
        out.line(repeats.label(number) + "  (goes on from its checkpoint)");
      } else {
        out.detail(repeats.label(number));
      }
      try {
        Runner.Result result = RunKinds.of(trial.experiment().model())
            .run(new RunKind.TrialRun(trial, repeats.place(sweep, number), options, out, cache, resumable.get(number)));
        outcomes.put(number, new Outcome(trial, result.folder(), result.metrics()));
        out.trialEnded();
      } catch (UserError e) {
        out.trialEnded();
        failures.put(number, e.getMessage());
        out.always(String.format(Locale.ROOT, "%s failed: %s", name(repeats, number), e.getMessage()));
        if (outcomes.isEmpty() && failures.size() >= 2 && failures.values().stream().distinct().count() == 1) {
          throw e;
        }
      }
    }
    return failures;
  }

  private static int firstMissing(Map<Integer, Outcome> outcomes, int trials) {
    for (int number = 1; number <= trials; number++) {
      if (!outcomes.containsKey(number)) {
        return number;
      }
    }
    return trials;
  }

  /** Trial values as a map for tables: the swept keys, then the chosen metrics. */
  static Map<String, Object> row(Outcome outcome, List<String> metrics) {
    Map<String, Object> row = new LinkedHashMap<>(outcome.trial().assignment());
    for (String metric : metrics) {
      row.put(metric, outcome.metrics().get(metric));
    }
    row.put("run", outcome.folder().getFileName().toString());
    return row;
  }
}
