package dev.labkit.run;

import dev.labkit.ground.UserError;
import dev.labkit.store.RunRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs of a sweep whose trials each run with {@code n} seeds ({@code --repeat N}, {@code .repeat(N)}):
 * trial t's repeat r is run number {@code (t − 1)·n + r} (1-based), in its own run folder, with seed
 * {@link #seed}: the run's seed itself for r = 1 (so {@code --repeat 1} changes nothing), then steps of
 * 1000, far apart from the seed + small offsets a run derives for its own parts ({@link DerivedSeeds}).
 * Each repeat records its seed in run.json, so it re-runs alone with {@code --seed S --repeat 1}.
 *
 * @param trials the sweep's trials (a single run is a sweep of one trial)
 * @param n      seeds per trial, ≥ 1
 */
record Repeats(List<Trial> trials, int n) {
  /** Steps between the seeds of a trial's repeats. */
  static final long STEP = 1000;

  Repeats {
    trials = List.copyOf(trials);
  }

  /** The repeats a command line asks for: {@code --repeat N}, else the script's {@code .repeat(N)}, else 1. */
  static int count(Experiment exp, Settings options) {
    int n = options.repeat() == null ? exp.repeats() : options.repeat();
    if (n < 1) {
      throw new UserError("--repeat needs N ≥ 1 seeds per trial, got " + n + " (e.g. --repeat 3)");
    }
    return n;
  }

  /** The seed of repeat {@code repeat} (1-based) of a trial whose seed is {@code seed}. */
  static long seed(long seed, int repeat) {
    return seed + STEP * (repeat - 1);
  }

  /** How many runs: trials × n. */
  int runs() {
    return trials.size() * n;
  }

  int trialOf(int run) {
    return (run - 1) / n + 1;
  }

  int repeatOf(int run) {
    return (run - 1) % n + 1;
  }

  int run(int trial, int repeat) {
    return (trial - 1) * n + repeat;
  }

  /** Run number {@code run}: its trial, with the repeat's seed. */
  Trial trial(int run) {
    Trial trial = trials.get(trialOf(run) - 1);
    int repeat = repeatOf(run);
    return repeat == 1 ? trial : new Trial(trial.experiment().seed(seed(trial.experiment().seed(), repeat)),
        trial.assignment(), trial.axes());
  }

  /** Where run number {@code run} sits in {@code sweep}: its trial, and its repeat when there are several. */
  RunRecord.SweepInfo place(RunRecord.SweepInfo sweep, int run) {
    RunRecord.SweepInfo info = new RunRecord.SweepInfo(sweep.id(), trialOf(run), trials.size(), sweep.keys(),
        sweep.axes());
    return n > 1 ? info.repeated(repeatOf(run), n) : info;
  }

  /** "trial 2/4  {model.c=1}" and, with repeats, "  seed 2/3 (1042)": the console line before a run. */
  String label(int run) {
    Trial trial = trial(run);
    return String.format(java.util.Locale.ROOT, "trial %d/%d  %s%s", trialOf(run), trials.size(), trial.assignment(),
        n > 1 ? String.format(java.util.Locale.ROOT, "  seed %d/%d (%d)", repeatOf(run), n, trial.experiment().seed())
            : "");
  }

  /**
   * The arguments that re-run one repeat alone: {@code args} with its {@code --seed} replaced by the
   * repeat's and {@code --repeat 1}, so a script's own {@code .repeat(N)} does not repeat it again.
   */
  static List<String> alone(List<String> args, long seed) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--seed") || arg.equals("--repeat")) {
        i++; // and its value
      } else if (!arg.startsWith("--seed=") && !arg.startsWith("--repeat=")) {
        kept.add(arg);
      }
    }
    kept.addAll(List.of("--seed", Long.toString(seed), "--repeat", "1"));
    return kept;
  }
}
