package dev.labkit.classic;

import dev.labkit.data.Dataset;
import java.util.stream.IntStream;

/**
 * A fitted logistic regression: one weight vector and one intercept per class, plus how the fit went.
 *
 * @param weights     {@code weights[c][j]}: weight of feature j for class c
 * @param intercepts  {@code intercepts[c]}
 * @param iterations  solver iterations made (L-BFGS, OWL-QN or Newton)
 * @param passes      passes over the training data (gradient evaluations)
 * @param converged   whether a tolerance was met before {@code max_iter}
 * @param stop        why the solver stopped: gradient, function, max-iter or line-search
 * @param objective   final value of the objective (mean cross-entropy + penalty / (C·n)); for
 *                    one-vs-rest the sum of the classes' binary objectives
 * @param oneVsRest   whether each class was fitted against the rest (then iterations is the most any
 *                    class took, passes the total, and stop the reason of the first class that did not
 *                    converge)
 */
public record LogisticModel(double[][] weights, double[] intercepts, int iterations, int passes,
    boolean converged, String stop, double objective, boolean oneVsRest) implements LinearWeights {

  @Override
  public int numClasses() {
    return intercepts.length;
  }

  /**
   * Class probabilities, one row per example of {@code data}: {@code n × k}, row-major. Multinomial:
   * the softmax of the scores. One-vs-rest: each class's sigmoid, normalised to sum to 1 (as
   * scikit-learn's). Either way the most probable class has the highest score.
   */
  @Override
  public double[] predictProba(Dataset data) {
    int k = numClasses();
    int d = data.featureCount();
    float[] x = data.features();
    double[] proba = new double[data.size() * k];
    IntStream.range(0, data.size()).parallel().forEach(i -> {
      int row = data.offset(i);
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double z = intercepts[c];
        double[] w = weights[c];
        for (int j = 0; j < d; j++) {
          z += w[j] * x[row + j];
        }
        proba[i * k + c] = z;
        max = Math.max(max, z);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        double z = proba[i * k + c];
        proba[i * k + c] = oneVsRest ? 1 / (1 + Math.exp(-z)) : Math.exp(z - max);
        sum += proba[i * k + c];
      }
      for (int c = 0; c < k; c++) {
        proba[i * k + c] /= sum;
      }
    });
    return proba;
  }

  /** The share of weights that are exactly zero (intercepts not counted): what an L1 penalty buys. */
  public double sparsity() {
    long zeros = 0;
    long all = 0;
    for (double[] row : weights) {
      for (double w : row) {
        zeros += w == 0 ? 1 : 0;
        all++;
      }
    }
    return all == 0 ? 0 : zeros / (double) all;
  }

  /** The largest |weight| over all classes: the shared scale of the weight heatmaps. */
  public double maxAbsWeight() {
    double max = 0;
    for (double[] row : weights) {
      for (double w : row) {
        max = Math.max(max, Math.abs(w));
      }
    }
    return max;
  }
}
