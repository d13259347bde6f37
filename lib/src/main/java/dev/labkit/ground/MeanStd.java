package dev.labkit.ground;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One metric over the repeats of a trial (the same settings run with several seeds): how many values,
 * their mean and their sample standard deviation (divided by n − 1; NaN for a single value, which has
 * no spread to estimate). Missing and NaN values are left out.
 */
public record MeanStd(int n, double mean, double std) {

  /** The mean and sample standard deviation of {@code values}; n = 0 and NaNs when none is usable. */
  public static MeanStd of(List<Double> values) {
    List<Double> usable = values.stream().filter(v -> v != null && !v.isNaN()).toList();
    int n = usable.size();
    if (n == 0) {
      return new MeanStd(0, Double.NaN, Double.NaN);
    }
    double mean = usable.stream().mapToDouble(Double::doubleValue).sum() / n;
    if (n == 1) {
      return new MeanStd(1, mean, Double.NaN);
    }
    double squares = usable.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return new MeanStd(n, mean, Math.sqrt(squares / (n - 1)));
  }

  /** Every metric any of {@code runs} has, in first-seen order, over the runs that have it. */
  public static Map<String, MeanStd> ofMetrics(List<? extends Map<String, Double>> runs) {
    Set<String> names = new LinkedHashSet<>();
    runs.forEach(run -> names.addAll(run.keySet()));
    Map<String, MeanStd> out = new LinkedHashMap<>();
    for (String name : names) {
      List<Double> values = new ArrayList<>();
      runs.forEach(run -> values.add(run.get(name)));
      MeanStd stats = of(values);
      if (stats.n() > 0) {
        out.put(name, stats);
      }
    }
    return out;
  }

  /** The mean of every metric of {@code runs} (what a trial with repeats is ranked, charted and pivoted by). */
  public static Map<String, Double> means(List<? extends Map<String, Double>> runs) {
    Map<String, Double> means = new LinkedHashMap<>();
    ofMetrics(runs).forEach((name, stats) -> means.put(name, stats.mean()));
    return means;
  }

  /** Whether there is a spread to show (two values or more). */
  public boolean hasSpread() {
    return n > 1 && !Double.isNaN(std);
  }
}
