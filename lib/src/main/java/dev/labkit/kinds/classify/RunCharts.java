package dev.labkit.kinds.classify;

import dev.labkit.eval.CvResult;
import dev.labkit.eval.FoldScore;
import dev.labkit.eval.Metric;
import dev.labkit.eval.RocCurve;
import dev.labkit.ground.Selection;
import dev.labkit.ground.Axis;
import dev.labkit.chart.Chart;
import dev.labkit.chart.Charts;
import dev.labkit.chart.RocChart;
import dev.labkit.run.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The charts a run draws from its results, as Vega-Lite specs for {@code chart} artifacts. */
final class RunCharts {
  /** The accuracies a sweep is drawn with: where each was measured, and its metric. */
  private static final Map<String, String> SPLITS = new java.util.LinkedHashMap<>();

  static {
    SPLITS.put("train", "train/accuracy");
    SPLITS.put("cv", "cv/accuracy_mean");
    SPLITS.put("val", "val/accuracy");
    SPLITS.put("test", "test/accuracy");
  }

  private RunCharts() {}

  /** One ROC curve per class, labelled with its AUC. */
  static Chart roc(List<RocCurve> curves) {
    RocChart chart = Charts.roc("ROC curves (test, each class against the rest)");
    for (RocCurve curve : curves) {
      chart = chart.curve(String.format(Locale.ROOT, "%s (AUC %.3f)", curve.label(), curve.auc()), curve.fpr(),
          curve.tpr());
    }
    return chart;
  }

  /** Scores per fold, one bar per metric in each fold. */
  static Chart folds(CvResult result, List<Metric> metrics) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FoldScore fold : result.folds()) {
      for (Metric metric : metrics) {
        rows.add(Charts.row("fold", "fold " + (fold.fold() + 1), "metric", metric.key(), "score", fold.score(metric)));
      }
    }
    return Charts.bars(result.k() + "-fold cross-validation: score per fold")
        .x("fold", "fold").y("score", "score").group("metric", "metric").data(rows);
  }

  /**
   * Accuracy against one swept number (C), one line per split (train, validation, test) and per
   * combination of the other swept keys (L1, L2; optimizer and batch), so that no line crosses a key it
   * does not name. With more than two such combinations only the split the best trial is chosen on is
   * drawn, one line per combination, to keep the chart readable. Trials run with several seeds are drawn
   * at their mean with error bars of ±1 sample std.
   */
  static Chart sweep(String key, List<String> keys, List<Outcome> outcomes, Outcome best, Selection selection) {
    List<String> others = keys.stream().filter(k -> !k.equals(key)).toList();
    long combinations = outcomes.stream().map(o -> combination(others, o)).distinct().count();
    List<Map<String, Object>> rows = new ArrayList<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    int seeds = 1;
    for (Outcome outcome : outcomes) {
      double x = Double.parseDouble(outcome.trial().assignment().get(key));
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      String group = combination(others, outcome);
      for (Map.Entry<String, String> split : SPLITS.entrySet()) {
        Double value = outcome.metrics().get(split.getValue());
        boolean shown = combinations <= 2 || selection == null || split.getValue().equals(selection.metric());
        if (value != null && shown) {
          Map<String, Object> row = new java.util.LinkedHashMap<>(Charts.row(key, x, "series",
              group.isEmpty() ? split.getKey() : group + " · " + split.getKey(), "accuracy", value));
          Double std = outcome.std(split.getValue()); // a trial run with several seeds: its mean ± 1 std
          if (std != null) {
            row.put("low", value - std);
            row.put("high", value + std);
            seeds = Math.max(seeds, outcome.seeds(split.getValue()));
          }
          rows.add(row);
        }
      }
    }
    // the scale the sweep declared (logGrid, log:), else the one rule for numbers nobody declared a scale for
    List<Double> ends = List.of(lo, hi);
    Axis.Scale declared = outcomes.getFirst().trial().axes().stream().filter(a -> a.key().equals(key)).map(Axis::scale)
        .findFirst().orElseGet(() -> Axis.Scale.guess(ends));
    Chart.Scale scale = declared == Axis.Scale.LOG && lo > 0 ? Chart.Scale.LOG : Chart.Scale.LINEAR;
    var chart = Charts.line("Accuracy against " + key + (seeds > 1 ? " (mean ± 1 std over " + seeds + " seeds)" : ""))
        .points().x(key, key, scale).y("accuracy", seeds > 1 ? "accuracy (mean of " + seeds + " seeds)" : "accuracy")
        .series("series", others.isEmpty() ? "split" : String.join(" · ", others.stream().map(SweepPivots::shortName)
            .toList()) + " · split").data(rows);
    if (seeds > 1) {
      chart = chart.errorBars("low", "high");
    }
    if (best != null && best.trial().assignment().containsKey(key)) {
      String metric = selection.metric();
      chart = chart.highlight(Double.parseDouble(best.trial().assignment().get(key)), best.metrics().get(metric),
          "best by " + metric + (selection.optimistic() ? ", " + Selection.OPTIMISTIC : ""));
    }
    return chart;
  }

  /** The values of the other swept keys of one trial, as a series label: "adam · batch 32 · 80/20". */
  static String combination(List<String> others, Outcome outcome) {
    return String.join(" · ", others.stream().map(k -> {
      String value = SweepPivots.label(k, outcome.trial().assignment().get(k));
      return k.equals("validation") || !ClassifySweepCharts.isNumber(value) ? value : SweepPivots.shortName(k) + " " + value;
    }).toList());
  }

  /** Train, validation and test accuracy side by side for each value of {@code key} (each model). */
  static Chart bars(String key, List<Outcome> outcomes) {
    List<Map<String, Object>> rows = new ArrayList<>();
    int seeds = 1;
    for (Outcome outcome : outcomes) {
      for (Map.Entry<String, String> split : SPLITS.entrySet()) {
        Double value = outcome.metrics().get(split.getValue());
        if (value != null) {
          Map<String, Object> row = new java.util.LinkedHashMap<>(Charts.row(key, outcome.trial().assignment().get(key),
              "split", split.getKey(), "accuracy", value));
          Double std = outcome.std(split.getValue()); // several seeds: the bar is the mean, the rule ±1 std
          if (std != null) {
            row.put("low", value - std);
            row.put("high", value + std);
            seeds = Math.max(seeds, outcome.seeds(split.getValue()));
          }
          rows.add(row);
        }
      }
    }
    var chart = Charts.bars("Accuracy per " + key + (seeds > 1 ? " (mean ± 1 std over " + seeds + " seeds)" : ""))
        .x(key, key).y("accuracy", "accuracy").group("split", "split").data(rows);
    return seeds > 1 ? chart.errorBars("low", "high") : chart;
  }

  /**
   * Fit and predict seconds per value of {@code key} (per model in a comparison), side by side on a log
   * axis, since they span decades (a tree predicts in milliseconds, an SVM in a minute).
   */
  static Chart times(String key, List<Outcome> outcomes) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      for (String phase : List.of("fit", "predict")) {
        Double seconds = outcome.metrics().get(phase + "_seconds");
        if (seconds != null && seconds > 0) {
          rows.add(Charts.row(key, outcome.trial().assignment().get(key), "phase", phase, "seconds", seconds));
        }
      }
    }
    return Charts.bars("Fit and predict time per " + key).x(key, key).y("seconds", "seconds (log scale)")
        .logY().group("phase", "phase").data(rows);
  }
}
