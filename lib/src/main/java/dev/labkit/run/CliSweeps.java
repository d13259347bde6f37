package dev.labkit.run;

import dev.labkit.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The trials a command line asks for: the script's own sweeps, crossed with every {@code --sweep} grid,
 * or with {@code --random N} draws over the {@code --sweep} ranges. Every value is checked against the
 * experiment before anything runs, so a key it does not have is an error up front.
 */
final class CliSweeps {
  private CliSweeps() {}

  static List<Trial> trials(Experiment exp, SettingsSource source) {
    Settings options = source.settings();
    if (options.parallel() < 1) {
      throw new UserError("--parallel needs K ≥ 1 worker processes, got " + options.parallel());
    }
    List<SweepRange> ranges = options.sweeps().stream().map(SweepRange::parse).toList();
    return options.random() == null ? grid(exp, ranges) : random(exp, ranges, options.random());
  }

  /** Each --sweep replaces the script's sweep of the same key, or crosses with the others. */
  private static List<Trial> grid(Experiment exp, List<SweepRange> ranges) {
    Experiment swept = exp;
    for (SweepRange range : ranges) {
      Object[] values = range.grid().toArray();
      Experiment previous = swept;
      swept = checked(range, () -> previous.sweep(range.key(), values));
    }
    return swept.trials();
  }

  /**
   * {@code n} seeded draws, one value of every --sweep key each, crossed with the script's sweeps over
   * other keys. The draws come from {@code java.util.Random(seed)}, so the same seed draws the same trials
   * (which is what lets --resume find them again).
   */
  private static List<Trial> random(Experiment exp, List<SweepRange> ranges, int n) {
    if (n < 1) {
      throw new UserError("--random needs N ≥ 1 draws, got " + n);
    }
    if (ranges.isEmpty()) {
      throw new UserError("--random " + n + " draws over --sweep ranges, and none was given; add e.g. "
          + "--sweep model.c=log:0.01..10");
    }
    Random random = new Random(exp.seed());
    List<Map<String, String>> draws = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, String> draw = new LinkedHashMap<>();
      ranges.forEach(range -> draw.put(range.key(), range.draw(random)));
      draws.add(draw);
    }
    Experiment base = exp;
    for (SweepRange range : ranges) { // setting a key replaces the script's sweep of it by one value
      Experiment previous = base;
      base = checked(range, () -> previous.with(range.key(), draws.getFirst().get(range.key())));
    }
    List<Trial> trials = new ArrayList<>();
    for (Trial trial : base.trials()) {
      for (Map<String, String> draw : draws) {
        Experiment one = trial.experiment();
        Map<String, String> assignment = new LinkedHashMap<>(trial.assignment());
        for (SweepRange range : ranges) {
          Experiment previous = one;
          one = checked(range, () -> previous.with(range.key(), draw.get(range.key())));
          assignment.put(range.key(), draw.get(range.key()));
        }
        trials.add(new Trial(one, assignment));
      }
    }
    return trials;
  }

  /** The place in a sweep a worker process was given ({@code --trial-of}), or null for a run on its own. */
  static RunRecord.SweepInfo attachedTrial(Settings options) {
    String spec = options.trialOf();
    if (spec == null) {
      return null;
    }
    String[] parts = spec.split(":", 4);
    try {
      return new RunRecord.SweepInfo(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
          parts.length < 4 || parts[3].isEmpty() ? List.of() : List.of(parts[3].split(",")));
    } catch (RuntimeException e) {
      throw new UserError("--trial-of takes SWEEP_ID:TRIAL:TRIALS:KEYS (set by a sweep for its workers), got '"
          + spec + "'");
    }
  }

  /** Runs a step that checks a sweep's values, naming the --sweep option in any error. */
  private static Experiment checked(SweepRange range, java.util.function.Supplier<Experiment> step) {
    try {
      return step.get();
    } catch (UserError e) {
      throw new UserError("--sweep " + range.key() + ": " + e.getMessage(), e);
    }
  }
}
