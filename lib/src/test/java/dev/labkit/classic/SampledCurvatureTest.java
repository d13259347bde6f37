package dev.labkit.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** H·v of the multinomial objective in centred coordinates, against finite differences of a gradient in double. */
class SampledCurvatureTest {
  static final int D = 37; // past two 16-lane vectors: the scalar tail runs too
  static final int K = 5;

  static float[] features(int n, long seed) {
    Random random = new Random(seed);
    float[] x = new float[n * D];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (random.nextGaussian() + 0.5); // not centred: the curvature centres the rows itself
    }
    return x;
  }

  static double[] vector(int length, long seed, double scale) {
    Random random = new Random(seed);
    double[] v = new double[length];
    for (int i = 0; i < length; i++) v[i] = scale * random.nextGaussian();
    return v;
  }

  /**
   * ∇f in centred coordinates, in double, written out independently: f = mean cross-entropy of
   * z = W·(x − μ) + b' plus l2/2·‖W‖².
   */
  static double[] gradient(float[] x, int[] y, double[] mean, double[] theta, double l2) {
    int n = y.length;
    double[] grad = new double[K * (D + 1)];
    for (int i = 0; i < n; i++) {
      double[] z = new double[K];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < K; c++) {
        z[c] = theta[c * (D + 1) + D];
        for (int j = 0; j < D; j++) z[c] += theta[c * (D + 1) + j] * (x[i * D + j] - mean[j]);
        max = Math.max(max, z[c]);
      }
      double sum = 0;
      for (int c = 0; c < K; c++) sum += Math.exp(z[c] - max);
      for (int c = 0; c < K; c++) {
        double delta = (Math.exp(z[c] - max) / sum - (y[i] == c ? 1 : 0)) / n;
        for (int j = 0; j < D; j++) grad[c * (D + 1) + j] += delta * (x[i * D + j] - mean[j]);
        grad[c * (D + 1) + D] += delta;
      }
    }
    for (int c = 0; c < K; c++) {
      for (int j = 0; j < D; j++) grad[c * (D + 1) + j] += l2 * theta[c * (D + 1) + j];
    }
    return grad;
  }

  @Test
  void hessian_times_v_matches_finite_differences_of_the_gradient_when_every_row_is_used() {
    int n = 1203; // under MIN_ROWS: every row, so H·v is exact; not a multiple of 4: the one-row kernels run
    float[] x = features(n, 1);
    int[] y = new int[n];
    for (int i = 0; i < n; i++) y[i] = (i * 7) % K;
    double[] mean = CenteredObjective.mean(x, n, D);
    double l2 = 0.01;
    double[] theta = vector(K * (D + 1), 2, 0.3);
    double[] v = vector(K * (D + 1), 3, 1.0);
    SampledCurvature curvature = new SampledCurvature(x, D, K, mean, l2, new ForkJoinPool(2));
    assertThat(curvature.rows()).isEqualTo(n);
    curvature.at(theta, 1);
    double[] hv = new double[v.length];
    curvature.times(v, hv);

    double[] expected = differences(x, y, mean, theta, v, l2);
    double scale = 0;
    for (double value : hv) scale = Math.max(scale, Math.abs(value));
    for (int p = 0; p < v.length; p++) {
      assertThat(hv[p]).as("component %d", p).isCloseTo(expected[p], within(1e-4 * scale));
    }
  }

  @Test
  void a_large_set_is_sampled_afresh_each_iteration_the_same_way_on_any_thread_count() {
    int n = 40_000; // a tenth, 4,000 rows, per sample
    float[] x = features(n, 4);
    double[] mean = CenteredObjective.mean(x, n, D);
    double[] theta = vector(K * (D + 1), 5, 0.3);
    double[] v = vector(K * (D + 1), 6, 1.0);
    SampledCurvature one = new SampledCurvature(x, D, K, mean, 0.01, new ForkJoinPool(1));
    SampledCurvature two = new SampledCurvature(x, D, K, mean, 0.01, new ForkJoinPool(2));
    assertThat(one.rows()).isEqualTo(4000);
    double[] first = times(one, theta, 1, v);
    assertThat(times(two, theta, 1, v)).containsExactly(first);
    double[] second = times(one, theta, 2, v);
    assertThat(second).isNotEqualTo(first); // a new sample at the next iteration
    assertThat(times(two, theta, 2, v)).containsExactly(second);

    // every row at once is the exact product; a tenth of them estimates it
    double[] exact = differences(x, new int[n], mean, theta, v, 0.01); // labels do not enter H
    double norm = 0;
    double error = 0;
    for (int p = 0; p < v.length; p++) {
      norm += exact[p] * exact[p];
      error += (first[p] - exact[p]) * (first[p] - exact[p]);
    }
    assertThat(Math.sqrt(error / norm)).isBetween(0.005, 0.25); // an estimate (11 % off here), not the exact H
  }

  private static double[] times(SampledCurvature curvature, double[] theta, int iteration, double[] v) {
    curvature.at(theta, iteration);
    double[] out = new double[v.length];
    curvature.times(v, out);
    return out;
  }

  /** H·v over every row, by central differences of the double gradient. */
  private static double[] differences(float[] x, int[] y, double[] mean, double[] theta, double[] v, double l2) {
    double eps = 1e-5;
    double[] plus = theta.clone();
    double[] minus = theta.clone();
    for (int p = 0; p < v.length; p++) {
      plus[p] += eps * v[p];
      minus[p] -= eps * v[p];
    }
    double[] gPlus = gradient(x, y, mean, plus, l2);
    double[] gMinus = gradient(x, y, mean, minus, l2);
    double[] hv = new double[v.length];
    for (int p = 0; p < v.length; p++) hv[p] = (gPlus[p] - gMinus[p]) / (2 * eps);
    return hv;
  }
}
