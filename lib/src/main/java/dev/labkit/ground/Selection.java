package dev.labkit.ground;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The one rule for the best trial of a sweep, called by the sweep's summary run, the experiment page,
 * {@code lab runs} and {@code lab reproduce} alike: the cross-validated mean when the trials were
 * cross-validated, else the held-out validation score, and the test score only when the experiment has
 * neither, and then marked as chosen on test (optimistic). A task family names the measure it is judged
 * by and its direction ({@link Rule}); this class decides on which part of the data it is read.
 *
 * @param metric the metric the trials are ranked by, e.g. {@code val/accuracy}
 * @param basis  where that metric was measured
 * @param lowerIsBetter true for losses, errors and distances (MSE, FID)
 */
public record Selection(String metric, Basis basis, boolean lowerIsBetter) {

  /** Where a selection metric was measured, from the most to the least trustworthy. */
  public enum Basis {
    CROSS_VALIDATION, VALIDATION, TEST, RUN;

    /** True when choosing by this basis looks at the data the chosen trial is then judged on. */
    public boolean optimistic() {
      return this == TEST;
    }
  }

  /**
   * What a task family is judged by: {@code accuracy} (higher is better) for a classifier, {@code mse}
   * (lower) for a regression, {@code fid} (lower) for a GAN.
   */
  public record Rule(String measure, boolean lowerIsBetter) {
    /** The metrics this measure may be recorded as, in the order the rule prefers them. */
    List<Selection> candidates() {
      return List.of(
          new Selection("cv/" + measure + "_mean", Basis.CROSS_VALIDATION, lowerIsBetter),
          new Selection("val/" + measure, Basis.VALIDATION, lowerIsBetter),
          new Selection("test/" + measure, Basis.TEST, lowerIsBetter),
          new Selection(measure, Basis.RUN, lowerIsBetter));
    }
  }

  /**
   * The selection for trials with these final metrics: the first candidate of {@code rule} that any
   * trial has; the test metric when none has any (so an empty sweep still says how it would choose).
   */
  public static Selection of(Rule rule, Collection<? extends Map<String, Double>> trials) {
    for (Selection candidate : rule.candidates()) {
      if (trials.stream().anyMatch(metrics -> usable(metrics.get(candidate.metric())))) {
        return candidate;
      }
    }
    return rule.candidates().get(2);
  }

  /** The index of the best of {@code trials} by this selection (ties go to the earlier), or -1 when none has it. */
  public int best(List<? extends Map<String, Double>> trials) {
    int best = -1;
    double bestValue = Double.NaN;
    for (int i = 0; i < trials.size(); i++) {
      Double value = trials.get(i).get(metric);
      if (usable(value) && (best < 0 || (lowerIsBetter ? value < bestValue : value > bestValue))) {
        best = i;
        bestValue = value;
      }
    }
    return best;
  }

  /**
   * The index of the best trial when each trial ran with several seeds ({@code --repeat N}): each element
   * holds one trial's repeats, and the trials are ranked by the mean of this selection's metric over them
   * ({@link MeanStd#means}), by the same rule and tie-break as {@link #best}; -1 when none has it.
   */
  public int bestOnMean(List<? extends List<? extends Map<String, Double>>> trials) {
    return best(trials.stream().map(MeanStd::means).toList());
  }

  /** Whether choosing this way looks at the test set. */
  public boolean optimistic() {
    return basis.optimistic();
  }

  /**
   * How the choice was made, for pages and the console: {@code val/accuracy (higher is better)}, or
   * {@code test/accuracy (higher is better), chosen on test (optimistic)}.
   */
  public String describe() {
    return metric + (lowerIsBetter ? " (lower is better)" : " (higher is better)")
        + (optimistic() ? ", " + OPTIMISTIC : "");
  }

  /**
   * The same, for trials that ran with {@code seeds} seeds each: "…, best on the mean of 3 seeds"; as
   * {@link #describe()} for one seed.
   */
  public String describe(int seeds) {
    return seeds > 1 ? describe() + ", " + onMean(seeds) : describe();
  }

  /** "best on the mean of 3 seeds": the words every page and command shows when trials were repeated. */
  public static String onMean(int seeds) {
    return "best on the mean of " + seeds + " seeds";
  }

  /** The mark every page and command shows beside a best trial chosen on the test set. */
  public static final String OPTIMISTIC = "chosen on test (optimistic)";

  private static boolean usable(Double value) {
    return value != null && !value.isNaN();
  }
}
