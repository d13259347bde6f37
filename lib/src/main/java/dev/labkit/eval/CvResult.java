package dev.labkit.eval;

import java.util.List;
import java.util.Map;

/**
 * The result of a k-fold cross-validation: one row per fold and, per score name, mean and spread.
 *
 * @param folds    per-fold scores, in fold order
 * @param summary  score name ({@link Metric#key()} or {@code train_accuracy}) to its summary over folds
 */
public record CvResult(List<FoldScore> folds, Map<String, Spread> summary) {
  public CvResult {
    folds = List.copyOf(folds);
    summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
  }

  static CvResult of(List<FoldScore> folds) {
    return new CvResult(folds, Spread.of(folds.stream().map(FoldScore::scores).toList()));
  }

  /** The per-fold values of one metric, in fold order: what {@link CorrectedTTest} compares. */
  public double[] scores(Metric metric) {
    return folds.stream().mapToDouble(f -> f.score(metric)).toArray();
  }

  public Spread summary(Metric metric) {
    return summary.get(metric.key());
  }

  public double mean(Metric metric) {
    return summary(metric).mean();
  }

  /** Number of folds. */
  public int k() {
    return folds.size();
  }

  /** Mean examples trained on per fold (the n_train of the corrected t-test). */
  public double meanTrainSize() {
    return folds.stream().mapToInt(FoldScore::trainSize).average().orElse(0);
  }

  /** Mean examples tested on per fold (the n_test of the corrected t-test). */
  public double meanTestSize() {
    return folds.stream().mapToInt(FoldScore::testSize).average().orElse(0);
  }
}
