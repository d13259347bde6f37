package dev.labkit.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LbfgsTest {
  /** f(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1) at the end of a curved valley. */
  static final Lbfgs.Objective ROSENBROCK = (p, g) -> {
    double a = 1 - p[0];
    double b = p[1] - p[0] * p[0];
    g[0] = -2 * a - 400 * p[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  };

  @Test
  void finds_the_minimum_of_the_rosenbrock_function() {
    double[] x = {-1.2, 1.0};
    Lbfgs.Result result = Lbfgs.minimize(ROSENBROCK, x, 10, 1e-8, 500, (i, f, gm) -> {});
    assertThat(result.converged()).isTrue();
    assertThat(x[0]).isCloseTo(1.0, within(1e-5));
    assertThat(x[1]).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void reports_max_iter_when_the_budget_runs_out() {
    double[] x = {-1.2, 1.0};
    Lbfgs.Result result = Lbfgs.minimize(ROSENBROCK, x, 10, 1e-12, 3, (i, f, gm) -> {});
    assertThat(result.stop()).isEqualTo(Lbfgs.Stop.MAX_ITER);
    assertThat(result.iterations()).isEqualTo(3);
    assertThat(result.converged()).isFalse();
  }
}
