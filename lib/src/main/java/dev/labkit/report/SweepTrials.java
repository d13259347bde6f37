package dev.labkit.report;

import dev.labkit.ground.MeanStd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sweep's trial runs as the page shows them: one run each, or, when the trials ran with several seeds
 * ({@code --repeat N}), the runs of each trial together, with each metric's mean and sample std over them.
 *
 * @param groups each trial's runs in repeat order (one run each without repeats), in trial order
 * @param seeds  how many seeds a trial runs with (1 without repeats)
 */
record SweepTrials(List<List<Run>> groups, int seeds) {

  /** Groups {@code trials} (sorted by trial, then repeat) by trial number when they were repeated. */
  static SweepTrials of(List<Run> trials) {
    int seeds = Math.max(1, trials.stream().mapToInt(r -> r.sweep().repeats()).max().orElse(1));
    if (seeds == 1) {
      return new SweepTrials(trials.stream().map(List::of).toList(), 1);
    }
    Map<Object, List<Run>> byTrial = new LinkedHashMap<>();
    for (Run run : trials) {
      Object key = run.sweep().trial() == null ? run.runId() : run.sweep().trial();
      byTrial.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
    }
    return new SweepTrials(List.copyOf(byTrial.values()), seeds);
  }

  boolean repeated() {
    return seeds > 1;
  }

  /** The run that stands for each trial: its first repeat (the sweep's own seed, when it finished). */
  List<Run> representatives() {
    return groups.stream().map(List::getFirst).toList();
  }

  /** Each trial's runs' final metrics, for {@link dev.labkit.ground.Selection#bestOnMean}. */
  List<List<Map<String, Double>>> finals() {
    return groups.stream().map(g -> g.stream().map(SweepTrials::finalMetrics).toList()).toList();
  }

  /** Trial {@code index}'s metrics over its seeds. */
  Map<String, MeanStd> stats(int index) {
    return MeanStd.ofMetrics(finals().get(index));
  }

  /** The stats of the trial that {@code representative} stands for, or null. */
  Map<String, MeanStd> statsOf(Run representative) {
    List<Run> reps = representatives();
    for (int i = 0; i < reps.size(); i++) {
      if (Objects.equals(reps.get(i).runId(), representative.runId())) {
        return stats(i);
      }
    }
    return null;
  }

  static Map<String, Double> finalMetrics(Run run) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    run.metrics().forEach(m -> {
      if (m.value() != null) {
        metrics.put(m.name(), m.value());
      }
    });
    return metrics;
  }

  /** A mean ± std table cell: "0.8123 ± 0.0040", sorted by the mean; the mean alone for one seed. */
  static ExperimentPage.Cell cell(MeanStd stats) {
    if (stats == null) {
      return ExperimentPage.Cell.EMPTY;
    }
    String text = stats.hasSpread() ? Format.decimal(stats.mean()) + " ± " + Format.decimal(stats.std())
        : Format.decimal(stats.mean());
    return new ExperimentPage.Cell(text, Double.toString(stats.mean()), true);
  }

  /** A trial's row: its first run's link and params, each metric as mean ± std over its seeds. */
  static ExperimentPage.Row row(Run representative, Map<String, MeanStd> stats, List<ExperimentPage.Column> columns,
      List<String> metrics) {
    ExperimentPage.Row plain = ExperimentPage.row(representative, columns, metrics);
    return new ExperimentPage.Row(representative, plain.href(), plain.params(),
        metrics.stream().map(m -> cell(stats.get(m))).toList());
  }
}
