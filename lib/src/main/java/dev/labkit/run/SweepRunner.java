package dev.labkit.run;

import dev.labkit.cli.LabOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the trials of a sweep or comparison one after the other, each as its own run folder, sharing
 * the loaded data; then writes the sweep's summary run: every trial in one table, the best trial (chosen
 * on the validation set when there is one) and the best trial's images for each value of the first
 * non-numeric swept key side by side (L1 against L2, one model against another).
 */
final class SweepRunner {
  private SweepRunner() {}

  /** One finished trial: what was set, and what it measured. */
  record Outcome(Trial trial, Path folder, Map<String, Double> metrics) {}

  static Runner.Result run(Experiment exp, List<Trial> trials, LabOptions options, PrintStream out) {
    String sweepId = RunStore.newRunId(Instant.now());
    List<String> keys = new ArrayList<>(trials.getFirst().assignment().keySet());
    RunRecord.SweepInfo summaryInfo = new RunRecord.SweepInfo(sweepId, 0, trials.size(), keys);
    SweepSummary summary = SweepSummary.start(exp, trials, summaryInfo, options);
    DataCache cache = new DataCache(options);
    List<Outcome> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < trials.size(); i++) {
        Trial trial = trials.get(i);
        out.printf(Locale.ROOT, "trial %d/%d  %s%n", i + 1, trials.size(), trial.assignment());
        RunRecord.SweepInfo info = new RunRecord.SweepInfo(sweepId, i + 1, trials.size(), keys);
        Runner.Result result = RunOne.run(trial, info, options, out, cache);
        outcomes.add(new Outcome(trial, result.folder(), result.metrics()));
      }
    } catch (RuntimeException | Error e) {
      summary.finish(outcomes, "failed", "trial " + (outcomes.size() + 1) + " failed: " + e.getMessage(), out);
      throw e;
    }
    Map<String, Double> best = summary.finish(outcomes, "finished", null, out);
    return new Runner.Result(0, summary.folder(), best, null);
  }

  /** The trial with the highest selection metric: val/accuracy when there is a validation set. */
  static Outcome best(List<Outcome> outcomes, String metric) {
    Outcome best = null;
    for (Outcome outcome : outcomes) {
      Double value = outcome.metrics().get(metric);
      if (value != null && (best == null || value > best.metrics().get(metric))) {
        best = outcome;
      }
    }
    return best;
  }

  /**
   * The metric trials are compared by: cross-validated accuracy when the trials have it, else
   * accuracy on the held-out validation set, else (optimistically) test accuracy.
   */
  static String selectionMetric(List<Outcome> outcomes) {
    for (String metric : List.of("cv/accuracy_mean", "val/accuracy")) {
      if (outcomes.stream().anyMatch(o -> o.metrics().containsKey(metric))) {
        return metric;
      }
    }
    return "test/accuracy";
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
