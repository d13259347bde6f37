package dev.labkit.gan;

/**
 * Fréchet distance between two sets of feature vectors, each summarised as a Gaussian (mean μ,
 * covariance Σ): ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½). 0 means the same mean and covariance; it
 * grows as the generated images drift from the real ones in what the features capture.
 *
 * <p>labkit computes it on its {@link ReferenceClassifier}'s penultimate features: a <em>domain</em>
 * FID, comparable between runs on the same dataset, not with published FIDs (those use Inception-v3
 * features of ImageNet-trained weights, which we neither have nor want for 28×28 grey images).
 * Tr((Σ₁Σ₂)^½) is the sum of the square roots of the eigenvalues of Σ₁^½ Σ₂ Σ₁^½ (a symmetric
 * matrix similar to Σ₁Σ₂), both from {@link SymmetricEigen}.
 */
public final class Fid {
  private Fid() {}

  /** The FID between {@code a} and {@code b}: rows of {@code d} features each. */
  public static double between(float[] a, float[] b, int d) {
    double[] muA = mean(a, d);
    double[] muB = mean(b, d);
    double[] covA = covariance(a, d, muA);
    double[] covB = covariance(b, d, muB);
    double meanTerm = 0;
    for (int j = 0; j < d; j++) {
      meanTerm += (muA[j] - muB[j]) * (muA[j] - muB[j]);
    }
    double[] rootA = SymmetricEigen.of(covA, d).sqrtMatrix();
    double[] inner = multiply(multiply(rootA, covB, d), rootA, d);
    symmetrize(inner, d);
    double traceRoot = 0;
    for (double lambda : SymmetricEigen.of(inner, d).values()) {
      traceRoot += Math.sqrt(Math.max(0, lambda));
    }
    return Math.max(0, meanTerm + trace(covA, d) + trace(covB, d) - 2 * traceRoot);
  }

  static double[] mean(float[] x, int d) {
    int n = x.length / d;
    double[] mu = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mu[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mu[j] /= n;
    }
    return mu;
  }

  /** The unbiased covariance (divided by n − 1), as numpy's {@code cov} and the reference FID code. */
  static double[] covariance(float[] x, int d, double[] mu) {
    int n = x.length / d;
    double[] cov = new double[d * d];
    double[] centred = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        centred[j] = x[i * d + j] - mu[j];
      }
      for (int j = 0; j < d; j++) {
        double cj = centred[j];
        for (int k = j; k < d; k++) {
          cov[j * d + k] += cj * centred[k];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      for (int k = j; k < d; k++) {
        cov[j * d + k] /= Math.max(1, n - 1);
        cov[k * d + j] = cov[j * d + k];
      }
    }
    return cov;
  }

  static double[] multiply(double[] a, double[] b, int d) {
    double[] out = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        double aik = a[i * d + k];
        for (int j = 0; j < d; j++) {
          out[i * d + j] += aik * b[k * d + j];
        }
      }
    }
    return out;
  }

  private static void symmetrize(double[] m, int d) {
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        double mean = (m[i * d + j] + m[j * d + i]) / 2;
        m[i * d + j] = mean;
        m[j * d + i] = mean;
      }
    }
  }

  private static double trace(double[] m, int d) {
    double sum = 0;
    for (int i = 0; i < d; i++) {
      sum += m[i * d + i];
    }
    return sum;
  }
}
