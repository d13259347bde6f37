package dev.labkit.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class SoftmaxObjectiveTest {
  static final int N = 5003; // more than two blocks of rows, so blocks are summed; 3 rows past a group of 4
  static final int D = 37;   // not a multiple of any vector width: exercises the scalar tail
  static final int K = 5;    // odd: classes go in pairs, and one is left over

  static float[] features(Random random) {
    float[] x = new float[N * D];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  static int[] labels(Random random) {
    int[] y = new int[N];
    for (int i = 0; i < N; i++) {
      y[i] = random.nextInt(K);
    }
    return y;
  }

  /** The objective computed the plain way, in double, one example at a time. */
  static double reference(float[] x, int[] y, double[] theta, double l2) {
    double loss = 0;
    for (int i = 0; i < N; i++) {
      double[] z = new double[K];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < K; c++) {
        z[c] = theta[c * (D + 1) + D];
        for (int j = 0; j < D; j++) {
          z[c] += theta[c * (D + 1) + j] * x[i * D + j];
        }
        max = Math.max(max, z[c]);
      }
      double sum = 0;
      for (int c = 0; c < K; c++) {
        sum += Math.exp(z[c] - max);
      }
      loss += max + Math.log(sum) - z[y[i]];
    }
    double penalty = 0;
    for (int c = 0; c < K; c++) {
      for (int j = 0; j < D; j++) {
        penalty += theta[c * (D + 1) + j] * theta[c * (D + 1) + j];
      }
    }
    return loss / N + 0.5 * l2 * penalty;
  }

  @Test
  void value_matches_a_plain_double_precision_computation() {
    Random random = new Random(1);
    float[] x = features(random);
    int[] y = labels(random);
    double l2 = 1.0 / (0.5 * N);
    double[] theta = new double[K * (D + 1)];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = 0.1 * random.nextGaussian();
    }
    SoftmaxObjective objective = new SoftmaxObjective(x, y, D, K, l2, new ForkJoinPool(2));
    double value = objective.valueAndGradient(theta, new double[theta.length]);
    assertThat(value).isCloseTo(reference(x, y, theta, l2), within(1e-5));
  }

  @Test
  void gradient_matches_central_finite_differences() {
    Random random = new Random(2);
    float[] x = features(random);
    int[] y = labels(random);
    double l2 = 1.0 / (0.5 * N);
    double[] theta = new double[K * (D + 1)];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = 0.1 * random.nextGaussian();
    }
    double[] grad = new double[theta.length];
    new SoftmaxObjective(x, y, D, K, l2, new ForkJoinPool(2)).valueAndGradient(theta, grad);
    double h = 1e-4;
    for (int p : new int[] {0, 5, D, D + 1, 2 * (D + 1) + 7, K * (D + 1) - 1}) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[p] += h;
      minus[p] -= h;
      double numeric = (reference(x, y, plus, l2) - reference(x, y, minus, l2)) / (2 * h);
      assertThat(grad[p]).as("d f / d theta[%d]", p).isCloseTo(numeric, within(2e-5));
    }
  }

  @Test
  void result_is_bit_identical_on_one_and_on_two_threads() {
    Random random = new Random(3);
    float[] x = features(random);
    int[] y = labels(random);
    double[] theta = new double[K * (D + 1)];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = 0.1 * random.nextGaussian();
    }
    double[] g1 = new double[theta.length];
    double f1 = new SoftmaxObjective(x, y, D, K, 0.01, new ForkJoinPool(1)).valueAndGradient(theta, g1);
    SoftmaxObjective twoThreads = new SoftmaxObjective(x, y, D, K, 0.01, new ForkJoinPool(2));
    // many passes, so that later ones run JIT-compiled code: it must round exactly as the first did
    for (int pass = 0; pass < 30; pass++) {
      double[] g2 = new double[theta.length];
      assertThat(twoThreads.valueAndGradient(theta, g2)).as("pass %d", pass).isEqualTo(f1);
      assertThat(g2).containsExactly(g1);
    }
  }
}
