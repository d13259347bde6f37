package dev.labkit.gan;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Precision and recall of a generated distribution with k-nearest-neighbour manifolds (Kynkäänniemi et
 * al., 2019). Each real feature vector gets a ball reaching its k-th nearest real neighbour; the union
 * of those balls estimates where real images live. Precision: the share of generated vectors inside
 * it (are samples realistic?). Recall: the same the other way round, real vectors inside the balls of
 * the generated ones (does G cover the variety of the data?). Mode collapse lowers recall, not precision.
 */
public record PrecisionRecall(double precision, double recall) {
  /** The paper's k. */
  public static final int K = 3;

  /** Both numbers for {@code real} and {@code fake}: rows of {@code d} features. */
  public static PrecisionRecall of(float[] real, float[] fake, int d) {
    double[] realRadii = radii(real, d);
    double[] fakeRadii = radii(fake, d);
    return new PrecisionRecall(covered(fake, real, realRadii, d), covered(real, fake, fakeRadii, d));
  }

  /** Squared distance from each row to its K-th nearest other row. */
  static double[] radii(float[] x, int d) {
    int n = x.length / d;
    double[] radii = new double[n];
    IntStream.range(0, n).parallel().forEach(i -> {
      double[] nearest = new double[K + 1]; // the K+1 smallest, itself (distance 0) included
      Arrays.fill(nearest, Double.POSITIVE_INFINITY);
      for (int j = 0; j < n; j++) {
        double dist = distance(x, i, x, j, d);
        if (dist < nearest[K]) {
          int at = K;
          while (at > 0 && nearest[at - 1] > dist) {
            nearest[at] = nearest[at - 1];
            at--;
          }
          nearest[at] = dist;
        }
      }
      radii[i] = nearest[Math.min(K, n - 1)];
    });
    return radii;
  }

  /** Share of the rows of {@code points} within the ball of at least one row of {@code centres}. */
  static double covered(float[] points, float[] centres, double[] radii, int d) {
    int n = points.length / d;
    int m = centres.length / d;
    long inside = IntStream.range(0, n).parallel().filter(i -> {
      for (int j = 0; j < m; j++) {
        if (distance(points, i, centres, j, d) <= radii[j]) {
          return true;
        }
      }
      return false;
    }).count();
    return (double) inside / n;
  }

  private static double distance(float[] a, int i, float[] b, int j, int d) {
    double sum = 0;
    int ai = i * d;
    int bj = j * d;
    for (int k = 0; k < d; k++) {
      float diff = a[ai + k] - b[bj + k];
      sum += diff * diff;
    }
    return sum;
  }
}
