package dev.labkit.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mean and spread of one score over folds.
 *
 * @param mean  the average over folds: the cross-validated estimate
 * @param std   sample standard deviation (divides by n − 1, numpy's {@code std(ddof=1)}): how much the
 *              score moves from one fold to another; 0 for a single value
 * @param min   the worst-or-best extremes, for a chart's error bars
 * @param max   see {@code min}
 * @param n     number of folds summarised
 */
public record Spread(double mean, double std, double min, double max, int n) {

  public static Spread of(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double mean = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      mean += v / n;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return new Spread(mean, n == 1 ? 0 : Math.sqrt(squares / (n - 1)), min, max, n);
  }

  /** One summary per score name, over rows of {@code name → value} maps (one map per fold), in first-row order. */
  static Map<String, Spread> of(List<Map<String, Double>> rows) {
    Map<String, Spread> summary = new LinkedHashMap<>();
    if (rows.isEmpty()) {
      return summary;
    }
    for (String name : rows.getFirst().keySet()) {
      List<Double> values = new ArrayList<>();
      rows.forEach(row -> values.add(row.get(name)));
      summary.put(name, of(values.stream().mapToDouble(Double::doubleValue).toArray()));
    }
    return summary;
  }
}
