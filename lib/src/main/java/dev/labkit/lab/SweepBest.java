package dev.labkit.lab;

import dev.labkit.ground.Selection;
import dev.labkit.run.RunKinds;
import dev.labkit.store.RunFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The best trial of a sweep as the {@code lab} tool names it: its finished trials ranked by the rule every
 * page and the sweep's summary run use ({@link Selection} with the measure of the sweep's kind).
 */
final class SweepBest {
  private SweepBest() {}

  /**
   * ", best #11 by val/accuracy" for a sweep's summary run among its experiment's runs; with repeats
   * ({@code --repeat N}) the trials are ranked on the mean over their seeds: ", best #2 by val/accuracy,
   * best on the mean of 3 seeds". Empty when none has the metric.
   */
  static String describe(RunFolder summary, List<RunFolder> experiment) {
    // in trial order: ties go to the earlier trial, as everywhere (folder names of one second do not sort by trial)
    List<RunFolder> runs = experiment.stream()
        .filter(r -> r.trial() > 0 && summary.sweepId().equals(r.sweepId()))
        .sorted(Comparator.comparingInt(RunFolder::trial)).toList();
    Map<Integer, List<Map<String, Double>>> byTrial = new TreeMap<>();
    runs.forEach(r -> byTrial.computeIfAbsent(r.trial(), t -> new ArrayList<>()).add(r.metrics()));
    int seeds = Math.max(1, summary.json().path("sweep").path("repeats").asInt(1));
    List<Integer> numbers = List.copyOf(byTrial.keySet());
    JsonNode rank = summary.json().path("sweep").path("rank");
    Selection.Rule rule = rank.path("measure").isString()
        ? new Selection.Rule(rank.path("measure").asString(), rank.path("lowerIsBetter").asBoolean(false))
        : RunKinds.named(summary.kind()).selection();
    Selection selection = Selection.of(rule,
        runs.stream().map(RunFolder::metrics).toList());
    int best = seeds > 1 ? selection.bestOnMean(List.copyOf(byTrial.values()))
        : selection.best(runs.stream().map(RunFolder::metrics).toList());
    if (best < 0) {
      return "";
    }
    int trial = seeds > 1 ? numbers.get(best) : runs.get(best).trial();
    return ", best #" + trial + " by " + selection.metric()
        + (selection.optimistic() ? ", " + Selection.OPTIMISTIC : "") + (seeds > 1 ? ", " + Selection.onMean(seeds) : "");
  }
}
