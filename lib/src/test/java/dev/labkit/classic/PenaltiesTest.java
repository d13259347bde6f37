package dev.labkit.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.LogisticRegression;
import dev.labkit.model.LogisticRegression.MultiClass;
import dev.labkit.model.LogisticRegression.Penalty;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PenaltiesTest {
  static final int D = 12; // 2 informative features, then 10 of pure noise

  /** Three Gaussian blobs in the first 2 features; the other features are noise an L1 fit should drop. */
  static Dataset noisyBlobs(int n, long seed) {
    Random random = new Random(seed);
    double[][] centres = {{0, 0}, {2, 0}, {0, 2}};
    float[] x = new float[n * D];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      for (int j = 0; j < D; j++) {
        x[i * D + j] = (float) ((j < 2 ? centres[y[i]][j] : 0) + random.nextGaussian());
      }
    }
    return new Dataset("noisy-blobs", "", Shape.flat(D), List.of("a", "b", "c"), x, y);
  }

  static LogisticModel fit(LogisticRegression spec, Dataset data) {
    return LogisticRegressionTrainer.fit(spec, data, (i, f, g) -> {});
  }

  /** ∂(mean cross-entropy)/∂W in double, from the model's own probabilities. */
  static double[][] smoothGradient(LogisticModel model, Dataset data) {
    int n = data.size();
    int k = model.numClasses();
    double[][] grad = new double[k][D];
    double[] p = model.predictProba(data);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        double delta = p[i * k + c] - (data.labels()[i] == c ? 1 : 0);
        for (int j = 0; j < D; j++) {
          grad[c][j] += delta * data.features()[i * D + j] / n;
        }
      }
    }
    return grad;
  }

  @Test
  void l1_fit_meets_the_subgradient_optimality_conditions() {
    Dataset data = noisyBlobs(3000, 1);
    double c = 0.02;
    LogisticModel model = fit(LogisticRegression.defaults().penalty(Penalty.L1).c(c).tol(1e-7).maxIter(2000), data);
    double lambda = 1 / (c * data.size());
    double[][] g = smoothGradient(model, data);
    for (int k = 0; k < 3; k++) {
      for (int j = 0; j < D; j++) {
        double w = model.weights()[k][j];
        if (w != 0) { // ∂f/∂w + λ·sign(w) = 0
          assertThat(g[k][j] + lambda * Math.signum(w)).as("w[%d][%d] = %s", k, j, w).isCloseTo(0, within(1e-5));
        } else { // |∂f/∂w| ≤ λ
          assertThat(Math.abs(g[k][j])).as("w[%d][%d] = 0", k, j).isLessThanOrEqualTo(lambda + 1e-5);
        }
      }
    }
  }

  @Test
  void l1_penalty_gives_exact_zeros_and_more_of_them_as_c_shrinks() {
    Dataset data = noisyBlobs(3000, 2);
    LogisticRegression l1 = LogisticRegression.defaults().penalty(Penalty.L1).maxIter(1000);
    double loose = fit(l1.c(1), data).sparsity();
    double medium = fit(l1.c(0.1), data).sparsity();
    double strong = fit(l1.c(0.03), data).sparsity();
    assertThat(medium).isGreaterThan(loose);
    assertThat(strong).isGreaterThan(medium);
    // at C = 0.03 the 10 noise features are dropped: at least 30 of the 36 weights are exactly 0
    assertThat(strong).isGreaterThanOrEqualTo(30.0 / 36);
    assertThat(fit(LogisticRegression.defaults().c(0.03), data).sparsity()).isZero(); // L2 gives no zeros
  }

  @Test
  void elastic_net_with_l1_ratio_0_is_l2_and_with_1_is_l1() {
    Dataset data = noisyBlobs(2000, 3);
    LogisticRegression base = LogisticRegression.defaults().c(0.05).maxIter(100);
    LogisticRegression net = base.penalty(Penalty.ELASTIC_NET);
    assertThat(fit(net.l1Ratio(0), data).weights()).isDeepEqualTo(fit(base.penalty(Penalty.L2), data).weights());
    assertThat(fit(net.l1Ratio(1), data).weights()).isDeepEqualTo(fit(base.penalty(Penalty.L1), data).weights());
    double half = fit(net.l1Ratio(0.5), data).sparsity();
    assertThat(half).isBetween(fit(net.l1Ratio(0), data).sparsity(), fit(net.l1Ratio(1), data).sparsity());
  }

  @Test
  void l1_fits_are_bit_identical_twice() {
    Dataset data = noisyBlobs(5000, 4);
    LogisticRegression spec = LogisticRegression.defaults().penalty(Penalty.ELASTIC_NET).l1Ratio(0.7).c(0.05)
        .maxIter(40);
    LogisticModel a = fit(spec, data);
    LogisticModel b = fit(spec, data);
    assertThat(b.weights()).isDeepEqualTo(a.weights());
    assertThat(b.intercepts()).containsExactly(a.intercepts());
    assertThat(b.objective()).isEqualTo(a.objective());
  }

  @Test
  void one_vs_rest_matches_a_binary_logistic_regression_solved_by_newton() {
    // one feature, three classes along a line; class 2 against the rest is a plain binary problem
    Random random = new Random(5);
    int n = 900;
    float[] x = new float[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      x[i] = (float) (y[i] + 0.8 * random.nextGaussian());
    }
    Dataset data = new Dataset("line", "", Shape.flat(1), List.of("a", "b", "c"), x, y);
    double c = 0.5;
    LogisticModel model = fit(LogisticRegression.defaults().multiClass(MultiClass.OVR).c(c).tol(1e-8), data);
    double[] expected = newtonBinary(x, y, 2, c);
    assertThat(model.oneVsRest()).isTrue();
    assertThat(model.weights()[2][0]).isCloseTo(expected[0], within(1e-5));
    assertThat(model.intercepts()[2]).isCloseTo(expected[1], within(1e-5));
    // probabilities are the sigmoids normalised to sum to 1, as scikit-learn's ovr
    double[] p = model.predictProba(data);
    double[] sig = new double[3];
    for (int k = 0; k < 3; k++) {
      sig[k] = 1 / (1 + Math.exp(-(model.weights()[k][0] * x[0] + model.intercepts()[k])));
    }
    assertThat(p[2]).isCloseTo(sig[2] / (sig[0] + sig[1] + sig[2]), within(1e-12));
  }

  /**
   * Minimises Σ log(1 + exp(−s·(w·x + b))) + w²/(2C), s = ±1 (scikit-learn's binary objective),
   * by Newton's method in double: returns {w, b}.
   */
  static double[] newtonBinary(float[] x, int[] y, int positive, double c) {
    double w = 0;
    double b = 0;
    for (int it = 0; it < 50; it++) {
      double gw = w / c;
      double gb = 0;
      double hww = 1 / c;
      double hwb = 0;
      double hbb = 0;
      for (int i = 0; i < x.length; i++) {
        double p = 1 / (1 + Math.exp(-(w * x[i] + b)));
        double r = p - (y[i] == positive ? 1 : 0);
        gw += r * x[i];
        gb += r;
        double v = p * (1 - p);
        hww += v * x[i] * x[i];
        hwb += v * x[i];
        hbb += v;
      }
      double det = hww * hbb - hwb * hwb;
      w -= (hbb * gw - hwb * gb) / det;
      b -= (hww * gb - hwb * gw) / det;
    }
    return new double[] {w, b};
  }

  @Test
  void binary_objective_gradient_matches_finite_differences() {
    Dataset data = noisyBlobs(600, 6);
    double l2 = 0.01;
    BinaryObjective objective = new BinaryObjective(data.features(), data.labels(), 1, D, l2,
        new java.util.concurrent.ForkJoinPool(2));
    Random random = new Random(7);
    double[] theta = new double[D + 1];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = 0.3 * random.nextGaussian();
    }
    double[] grad = new double[D + 1];
    objective.valueAndGradient(theta, grad);
    double h = 1e-3;
    for (int p = 0; p <= D; p++) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[p] += h;
      minus[p] -= h;
      double numeric = (binaryReference(data, plus, l2) - binaryReference(data, minus, l2)) / (2 * h);
      assertThat(grad[p]).as("d f / d theta[%d]", p).isCloseTo(numeric, within(2e-5));
    }
  }

  /** Mean log(1 + exp(−s·z)) + l2/2·‖w‖², plainly in double, for class 1 against the rest. */
  static double binaryReference(Dataset data, double[] theta, double l2) {
    double loss = 0;
    for (int i = 0; i < data.size(); i++) {
      double z = theta[D];
      for (int j = 0; j < D; j++) {
        z += theta[j] * data.features()[i * D + j];
      }
      double s = data.labels()[i] == 1 ? 1 : -1;
      loss += Math.log1p(Math.exp(-s * z));
    }
    double penalty = 0;
    for (int j = 0; j < D; j++) {
      penalty += theta[j] * theta[j];
    }
    return loss / data.size() + 0.5 * l2 * penalty;
  }
}
