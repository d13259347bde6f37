package dev.labkit.eval;

import java.util.List;
import java.util.Map;

/**
 * The result of a nested cross-validation.
 *
 * @param metric   what the inner searches ranked by
 * @param folds    one row per outer fold: chosen parameters and outer-fold scores
 * @param summary  per score name, mean and spread of the outer-fold scores: the estimate of how the
 *                 whole procedure (search, then fit) does on unseen data
 */
public record NestedCvResult(Metric metric, List<OuterFold> folds, Map<String, Spread> summary) {
  public NestedCvResult {
    folds = List.copyOf(folds);
    summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
  }

  /** The outer-fold values of one metric, in fold order. */
  public double[] scores(Metric metric) {
    return folds.stream().mapToDouble(f -> f.scores().score(metric)).toArray();
  }

  public Spread summary(Metric metric) {
    return summary.get(metric.key());
  }
}
