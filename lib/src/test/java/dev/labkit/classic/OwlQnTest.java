package dev.labkit.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OwlQnTest {
  /** f(x) = ½ Σ a_i (x_i − t_i)²: with an L1 term its minimiser is known in closed form. */
  static Lbfgs.Objective quadratic(double[] a, double[] t) {
    return (x, g) -> {
      double f = 0;
      for (int i = 0; i < x.length; i++) {
        g[i] = a[i] * (x[i] - t[i]);
        f += 0.5 * a[i] * (x[i] - t[i]) * (x[i] - t[i]);
      }
      return f;
    };
  }

  @Test
  void one_dimension_lands_on_the_soft_threshold() {
    // ½(x − 3)² + λ|x| is minimised at x = 3 − λ for λ < 3 and at exactly 0 for λ ≥ 3
    double[] x = {0};
    Lbfgs.Result result = OwlQn.minimize(quadratic(new double[] {1}, new double[] {3}), x, new boolean[] {true},
        1.0, 5, 1e-10, 100, (i, f, g) -> {});
    assertThat(result.converged()).isTrue();
    assertThat(x[0]).isCloseTo(2.0, within(1e-9));
    assertThat(result.value()).isCloseTo(0.5 + 2.0, within(1e-9));

    double[] zero = {-1};
    OwlQn.minimize(quadratic(new double[] {1}, new double[] {3}), zero, new boolean[] {true}, 4.0, 5, 1e-10, 100,
        (i, f, g) -> {});
    assertThat(zero[0]).isEqualTo(0.0);
  }

  @Test
  void each_coordinate_is_soft_thresholded_and_unpenalised_ones_are_left_alone() {
    double[] a = {1, 2, 0.5, 4, 1};
    double[] t = {3, -0.4, -5, 1, 0.2};
    boolean[] penalised = {true, true, true, true, false};
    double lambda = 1;
    double[] x = new double[5];
    OwlQn.minimize(quadratic(a, t), x, penalised, lambda, 5, 1e-12, 200, (i, f, g) -> {});
    // it stops as scipy does once F's relative decrease is ≤ 2.2e-9, so x is exact to about 1e-5
    for (int i = 0; i < 5; i++) {
      // x_i = sign(t_i)·max(|t_i| − λ/a_i, 0), from a_i(x_i − t_i) + λ·sign(x_i) = 0 or |a_i t_i| ≤ λ
      double expected = penalised[i] ? Math.signum(t[i]) * Math.max(Math.abs(t[i]) - lambda / a[i], 0) : t[i];
      assertThat(x[i]).as("x[%d]", i).isCloseTo(expected, within(1e-4));
    }
    assertThat(x[1]).isEqualTo(0.0); // |a·t| = 0.8 ≤ λ: exactly zero, not merely small
  }

  @Test
  void pseudo_gradient_is_zero_where_a_zero_weight_is_optimal() {
    double[] pg = new double[4];
    OwlQn.pseudoGradient(new double[] {0, 0, 0, 2}, new double[] {0.5, -3, 2, 0.5}, new boolean[] {true, true, true,
        true}, 1.0, pg);
    assertThat(pg).containsExactly(0, -2, 1, 1.5);
  }
}
