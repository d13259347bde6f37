package dev.labkit.classic;

import java.util.concurrent.ForkJoinPool;

/**
 * Binary logistic regression of one class against the rest, for one-vs-rest:
 * f(w, b) = (1/n) Σᵢ log(1 + exp(−sᵢ·(xᵢ·w + b))) + ‖w‖²/(2·C·n), sᵢ = +1 for the class, −1 otherwise.
 *
 * <p>That is exactly a two-class softmax whose first class is pinned at zero weights
 * (σ(z) = e^z / (e^0 + e^z)), so it reuses {@link SoftmaxObjective}'s pass, with its speed and its
 * bit-for-bit sums, at the cost of a wasted all-zero class. Parameters: {@code theta[j]} = w_j for
 * j < d, {@code theta[d]} = b.
 */
final class BinaryObjective {
  private final SoftmaxObjective softmax;
  private final double[] full;
  private final double[] fullGrad;
  private final int d;

  BinaryObjective(float[] x, int[] labels, int positive, int features, double l2, ForkJoinPool pool) {
    int[] y = new int[labels.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels[i] == positive ? 1 : 0;
    }
    this.softmax = new SoftmaxObjective(x, y, features, 2, l2, pool);
    this.d = features;
    this.full = new double[2 * (features + 1)];
    this.fullGrad = new double[full.length];
  }

  double valueAndGradient(double[] theta, double[] grad) {
    System.arraycopy(theta, 0, full, d + 1, d + 1); // class 0 stays all zeros
    double value = softmax.valueAndGradient(full, fullGrad);
    System.arraycopy(fullGrad, d + 1, grad, 0, d + 1);
    return value;
  }
}
