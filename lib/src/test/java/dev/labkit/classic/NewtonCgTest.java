package dev.labkit.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.data.Dataset;
import dev.labkit.model.LogisticRegression;
import dev.labkit.model.LogisticRegression.MultiClass;
import dev.labkit.model.LogisticRegression.Penalty;
import dev.labkit.model.LogisticRegression.Solver;
import org.junit.jupiter.api.Test;

/** The Newton-CG solver: its known optimum on a quadratic, and the same logistic-regression optimum as L-BFGS. */
class NewtonCgTest {
  static LogisticModel fit(LogisticRegression spec, Dataset data) {
    return LogisticRegressionTrainer.fit(spec, data, (i, f, g) -> {});
  }

  @Test
  void minimises_a_quadratic_to_its_known_solution_in_a_few_steps() {
    // f(x) = ½xᵀAx − bᵀx with A symmetric positive definite: the minimum is A⁻¹b = (1, −2, 3)
    double[][] a = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
    double[] solution = {1, -2, 3};
    double[] b = new double[3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) b[i] += a[i][j] * solution[j];
    }
    Lbfgs.Objective f = (x, grad) -> {
      double value = 0;
      for (int i = 0; i < 3; i++) {
        double ax = 0;
        for (int j = 0; j < 3; j++) ax += a[i][j] * x[j];
        grad[i] = ax - b[i];
        value += 0.5 * x[i] * ax - b[i] * x[i];
      }
      return value;
    };
    NewtonCg.Curvature exact = new NewtonCg.Curvature() {
      @Override
      public void at(double[] x, int iteration) {}

      @Override
      public void times(double[] v, double[] out) {
        for (int i = 0; i < 3; i++) {
          out[i] = 0;
          for (int j = 0; j < 3; j++) out[i] += a[i][j] * v[j];
        }
      }
    };
    double[] x = new double[3];
    Lbfgs.Result result = NewtonCg.minimize(f, exact, x, 1e-10, 50, (i, v, g) -> {});
    assertThat(result.converged()).isTrue();
    assertThat(result.iterations()).isLessThanOrEqualTo(4);
    assertThat(x).containsExactly(solution, within(1e-9));
  }

  @Test
  void reaches_the_optimum_that_lbfgs_reaches_with_a_sampled_hessian() {
    Dataset data = PenaltiesTest.noisyBlobs(30_000, 3); // 3,000 rows per sample: the Hessian is estimated
    assertThat(SampledCurvature.sampleSize(data.size())).isEqualTo(3000);
    LogisticRegression spec = LogisticRegression.defaults().c(0.01).tol(1e-7).maxIter(500);
    LogisticModel lbfgs = fit(spec, data);
    LogisticModel newton = fit(spec.solver(Solver.NEWTON_CG), data);
    assertThat(newton.converged()).as("stopped by %s", newton.stop()).isTrue();
    assertThat(newton.iterations()).isLessThan(lbfgs.iterations());
    assertThat(newton.objective()).isCloseTo(lbfgs.objective(), within(1e-8));
    assertSameWeights(newton, lbfgs, 2e-3);
  }

  @Test
  void fits_without_a_penalty_and_one_vs_rest_to_the_same_optimum_too() {
    Dataset data = LogisticRegressionTrainerTest.blobs(3000, 12); // overlapping: a finite optimum without a penalty
    for (LogisticRegression spec : new LogisticRegression[] {
        LogisticRegression.defaults().penalty(Penalty.NONE).tol(1e-7).maxIter(500),
        LogisticRegression.defaults().multiClass(MultiClass.OVR).c(0.05).tol(1e-7).maxIter(500)}) {
      LogisticModel lbfgs = fit(spec, data);
      LogisticModel newton = fit(spec.solver(Solver.NEWTON_CG), data);
      assertThat(newton.converged()).as("%s stopped by %s", spec, newton.stop()).isTrue();
      assertThat(newton.objective()).as("%s", spec).isCloseTo(lbfgs.objective(), within(1e-7));
      assertSameWeights(newton, lbfgs, 2e-3);
    }
  }

  @Test
  void the_same_data_gives_bit_identical_weights_twice() {
    Dataset data = PenaltiesTest.noisyBlobs(30_000, 4);
    LogisticRegression spec = LogisticRegression.defaults().c(0.1).maxIter(6).solver(Solver.NEWTON_CG);
    LogisticModel a = fit(spec, data);
    LogisticModel b = fit(spec, data);
    assertThat(b.weights()).isDeepEqualTo(a.weights());
    assertThat(b.objective()).isEqualTo(a.objective());
  }

  @Test
  void an_l1_penalty_takes_owlqn_whatever_the_solver_says() {
    Dataset data = PenaltiesTest.noisyBlobs(3000, 5);
    LogisticRegression spec = LogisticRegression.defaults().penalty(Penalty.L1).c(0.02).maxIter(50);
    assertThat(fit(spec.solver(Solver.NEWTON_CG), data).weights()).isDeepEqualTo(fit(spec, data).weights());
  }

  @Test
  void the_solver_is_a_parameter_scripts_and_sweeps_can_set() {
    LogisticRegression spec = LogisticRegression.defaults().with("solver", "newton-cg");
    assertThat(spec.solver()).isEqualTo(Solver.NEWTON_CG);
    assertThat(spec.params()).containsEntry("solver", "newton-cg");
    assertThat(LogisticRegression.defaults().solver()).isEqualTo(Solver.LBFGS);
  }

  private static void assertSameWeights(LogisticModel a, LogisticModel b, double tolerance) {
    for (int c = 0; c < a.weights().length; c++) {
      assertThat(a.weights()[c]).containsExactly(b.weights()[c], within(tolerance));
    }
  }
}
