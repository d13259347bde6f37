package dev.labkit.eval;

import java.util.Map;

/**
 * The scores of one cross-validation fold: a model fitted on the other folds, scored on this one.
 *
 * @param fold        0-based fold number
 * @param trainSize   examples the model was fitted on
 * @param testSize    examples it was scored on
 * @param scores      every {@link Metric} by its key on the test fold, then {@code train_accuracy}
 *                    (accuracy on the fold's own training part: a large gap to {@code accuracy} means
 *                    overfitting)
 * @param fitSeconds  wall time of the fit (not part of {@code scores}: it varies between runs)
 */
public record FoldScore(int fold, int trainSize, int testSize, Map<String, Double> scores, double fitSeconds) {
  public FoldScore {
    scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
  }

  public double score(Metric metric) {
    return scores.get(metric.key());
  }
}
