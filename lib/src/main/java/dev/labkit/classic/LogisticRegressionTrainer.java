package dev.labkit.classic;

import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.model.LogisticRegression;
import dev.labkit.model.LogisticRegression.MultiClass;
import dev.labkit.model.LogisticRegression.Solver;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * Fits {@link LogisticRegression} specs over a one-pass float32 gradient on all cores: L-BFGS (or, when
 * the spec asks, {@link NewtonCg} with a sampled Hessian) for L2 and no penalty, OWL-QN when the penalty has
 * an L1 part, both in centred coordinates
 * ({@link CenteredObjective}: the same optimum, reached in fewer iterations). Multinomial fits one softmax problem; one-vs-rest
 * fits one binary problem per class, one after the other.
 */
public final class LogisticRegressionTrainer {
  /** Told about every solver iteration (for one-vs-rest, iterations of each class's fit in turn). */
  public interface Progress {
    void iteration(int iteration, double objective, double gradMax);
  }

  /**
   * (s, y) pairs L-BFGS keeps (scipy's default is 10). Measured on Fashion-MNIST at C = 0.15–0.2:
   * 85 iterations with 20 pairs reach the objective that 10 pairs reach in about 100; the longer
   * two-loop recursion costs far less than a pass.
   */
  private static final int MEMORY = 20;
  /** One worker per core; the gradient's blocks are summed in a fixed order whatever the count. */
  private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

  private LogisticRegressionTrainer() {}

  public static LogisticModel fit(LogisticRegression spec, Dataset train, Progress progress) {
    KernelWarmup.stop();
    int k = train.numClasses();
    int d = train.featureCount();
    int n = train.size();
    if (n == 0) {
      throw new UserError("cannot fit " + spec.name() + ": the training set " + train.id() + " is empty");
    }
    // the objective is scikit-learn's divided by C·n: mean loss + (l2Share/2·‖W‖² + l1Share·‖W‖₁) / (C·n)
    double l2 = spec.l2Share() / (spec.c() * n);
    double l1 = spec.l1Share() / (spec.c() * n);
    double[][] weights = new double[k][d];
    double[] intercepts = new double[k];
    if (spec.multiClass() == MultiClass.MULTINOMIAL) {
      SoftmaxObjective objective = new SoftmaxObjective(train.features(), train.labels(), d, k, l2, POOL);
      CenteredObjective centred = new CenteredObjective(objective::valueAndGradient, train.features(), n, d,
          objective.dimension());
      double[] theta = new double[objective.dimension()]; // start from all zeros, as scikit-learn
      NewtonCg.Curvature curvature = spec.solver() == Solver.NEWTON_CG
          ? new SampledCurvature(train.features(), d, k, centred.mean(), l2, POOL) : null;
      Lbfgs.Result result = solve(centred::valueAndGradient, curvature, theta, penalised(k, d), l1, spec, progress);
      centred.toPlain(theta);
      for (int c = 0; c < k; c++) {
        System.arraycopy(theta, c * (d + 1), weights[c], 0, d);
        intercepts[c] = theta[c * (d + 1) + d];
      }
      return new LogisticModel(weights, intercepts, result.iterations(), result.evaluations(),
          result.converged(), stopName(result.stop()), result.value(), false);
    }
    // one-vs-rest: class c against the others, as scikit-learn's multi_class="ovr"
    int iterations = 0;
    int passes = 0;
    boolean converged = true;
    String stop = null;
    double objectiveSum = 0;
    for (int c = 0; c < k; c++) {
      BinaryObjective binary = new BinaryObjective(train.features(), train.labels(), c, d, l2, POOL);
      CenteredObjective centred = new CenteredObjective(binary::valueAndGradient, train.features(), n, d, d + 1);
      double[] theta = new double[d + 1];
      NewtonCg.Curvature curvature = spec.solver() == Solver.NEWTON_CG
          ? SampledCurvature.secondClass(new SampledCurvature(train.features(), d, 2, centred.mean(), l2, POOL), d)
          : null;
      Lbfgs.Result result = solve(centred::valueAndGradient, curvature, theta, penalised(1, d), l1, spec, progress);
      centred.toPlain(theta);
      System.arraycopy(theta, 0, weights[c], 0, d);
      intercepts[c] = theta[d];
      iterations = Math.max(iterations, result.iterations()); // as scikit-learn's n_iter_.max()
      passes += result.evaluations();
      if (stop == null || converged && !result.converged()) {
        stop = stopName(result.stop()); // the first class that did not converge says why
      }
      converged &= result.converged();
      objectiveSum += result.value();
    }
    return new LogisticModel(weights, intercepts, iterations, passes, converged, stop, objectiveSum, true);
  }

  /**
   * OWL-QN when there is an L1 term; otherwise Newton-CG when asked for (a curvature is given), else L-BFGS
   * (then l1_ratio 0 gives exactly the L2 fit).
   */
  private static Lbfgs.Result solve(Lbfgs.Objective objective, NewtonCg.Curvature curvature, double[] theta,
      boolean[] penalised, double l1, LogisticRegression spec, Progress progress) {
    if (l1 == 0 && curvature != null) {
      return NewtonCg.minimize(objective, curvature, theta, spec.tol(), spec.maxIter(), progress::iteration);
    }
    if (l1 == 0) {
      return Lbfgs.minimize(objective, theta, MEMORY, spec.tol(), spec.maxIter(), progress::iteration);
    }
    return OwlQn.minimize(objective, theta, penalised, l1, MEMORY, spec.tol(), spec.maxIter(), progress::iteration);
  }

  /** Which parameters the penalty applies to: the weights, never the intercepts. */
  private static boolean[] penalised(int k, int d) {
    boolean[] penalised = new boolean[k * (d + 1)];
    for (int c = 0; c < k; c++) {
      java.util.Arrays.fill(penalised, c * (d + 1), c * (d + 1) + d, true);
    }
    return penalised;
  }

  private static String stopName(Lbfgs.Stop stop) {
    return stop.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
