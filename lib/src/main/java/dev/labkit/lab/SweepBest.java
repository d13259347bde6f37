package dev.labkit.lab;

import dev.labkit.ground.Selection;
import dev.labkit.run.RunKinds;
import dev.labkit.store.RunFolder;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The best trial of a sweep as the {@code lab} tool names it: its finished trials ranked by the rule every
 * page and the sweep's summary run use ({@link Selection} with the measure of the sweep's kind).
 */
final class SweepBest {
  private SweepBest() {}

  /** ", best #11 by val/accuracy" for a sweep's summary run among its experiment's runs; empty when none has the metric. */
  static String describe(RunFolder summary, List<RunFolder> experiment) {
    // in trial order: ties go to the earlier trial, as everywhere (folder names of one second do not sort by trial)
    List<RunFolder> trials = experiment.stream()
        .filter(r -> r.trial() > 0 && summary.sweepId().equals(r.sweepId()))
        .sorted(Comparator.comparingInt(RunFolder::trial)).toList();
    List<Map<String, Double>> metrics = trials.stream().map(RunFolder::metrics).toList();
    Selection selection = Selection.of(RunKinds.named(summary.kind()).selection(), metrics);
    int best = selection.best(metrics);
    return best < 0 ? "" : ", best #" + trials.get(best).trial() + " by " + selection.metric()
        + (selection.optimistic() ? ", " + Selection.OPTIMISTIC : "");
  }
}
