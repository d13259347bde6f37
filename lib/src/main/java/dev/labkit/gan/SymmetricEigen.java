package dev.labkit.gan;

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations: each rotation zeroes
 * one off-diagonal pair, and sweeps repeat until the off-diagonal part is negligible. Slow for large
 * matrices (O(d³) a sweep) but exact to rounding, free of native code, and quick at FID's 128 × 128.
 *
 * @param values  eigenvalues, in no particular order
 * @param vectors row-major d × d; column j is the eigenvector of {@code values[j]}
 */
public record SymmetricEigen(double[] values, double[] vectors) {

  /** Decomposes the row-major symmetric d × d matrix {@code a} (left unchanged). */
  public static SymmetricEigen of(double[] a, int d) {
    double[] m = a.clone();
    double[] v = new double[d * d];
    for (int i = 0; i < d; i++) {
      v[i * d + i] = 1;
    }
    for (int sweep = 0; sweep < 100 && offDiagonal(m, d) > 1e-22 * Math.max(1, diagonal(m, d)); sweep++) {
      for (int p = 0; p < d - 1; p++) {
        for (int q = p + 1; q < d; q++) {
          rotate(m, v, d, p, q);
        }
      }
    }
    double[] values = new double[d];
    for (int i = 0; i < d; i++) {
      values[i] = m[i * d + i];
    }
    return new SymmetricEigen(values, v);
  }

  /** The rotation in the (p, q) plane that zeroes m[p][q] (Golub and Van Loan, algorithm 8.4.2). */
  private static void rotate(double[] m, double[] v, int d, int p, int q) {
    double apq = m[p * d + q];
    if (apq == 0) {
      return;
    }
    double theta = (m[q * d + q] - m[p * d + p]) / (2 * apq);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    for (int k = 0; k < d; k++) { // columns p and q of m
      double mkp = m[k * d + p];
      double mkq = m[k * d + q];
      m[k * d + p] = c * mkp - s * mkq;
      m[k * d + q] = s * mkp + c * mkq;
    }
    for (int k = 0; k < d; k++) { // rows p and q of m
      double mpk = m[p * d + k];
      double mqk = m[q * d + k];
      m[p * d + k] = c * mpk - s * mqk;
      m[q * d + k] = s * mpk + c * mqk;
    }
    for (int k = 0; k < d; k++) {
      double vkp = v[k * d + p];
      double vkq = v[k * d + q];
      v[k * d + p] = c * vkp - s * vkq;
      v[k * d + q] = s * vkp + c * vkq;
    }
  }

  private static double offDiagonal(double[] m, int d) {
    double sum = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        sum += i == j ? 0 : m[i * d + j] * m[i * d + j];
      }
    }
    return sum;
  }

  private static double diagonal(double[] m, int d) {
    double sum = 0;
    for (int i = 0; i < d; i++) {
      sum += m[i * d + i] * m[i * d + i];
    }
    return sum;
  }

  /** The symmetric square root V·diag(√max(λ, 0))·Vᵀ of a positive semi-definite matrix. */
  public double[] sqrtMatrix() {
    int d = values.length;
    double[] out = new double[d * d];
    for (int k = 0; k < d; k++) {
      double root = Math.sqrt(Math.max(0, values[k]));
      for (int i = 0; i < d; i++) {
        double vik = vectors[i * d + k] * root;
        for (int j = 0; j < d; j++) {
          out[i * d + j] += vik * vectors[j * d + k];
        }
      }
    }
    return out;
  }
}
