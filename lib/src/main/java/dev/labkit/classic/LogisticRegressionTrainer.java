package dev.labkit.classic;

import dev.labkit.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.model.LogisticRegression;
import java.util.concurrent.ForkJoinPool;

/** Fits {@link LogisticRegression} specs: L-BFGS over a one-pass float32 gradient on all cores. */
public final class LogisticRegressionTrainer {
  /** Told about every solver iteration. */
  public interface Progress {
    void iteration(int iteration, double objective, double gradMax);
  }

  private static final int MEMORY = 10; // (s, y) pairs L-BFGS keeps, as scipy's default
  /** One worker per core; the gradient's blocks are summed in a fixed order whatever the count. */
  private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

  private LogisticRegressionTrainer() {}

  public static LogisticModel fit(LogisticRegression spec, Dataset train, Progress progress) {
    int k = train.numClasses();
    int d = train.featureCount();
    int n = train.size();
    if (n == 0) {
      throw new UserError("cannot fit " + spec.name() + ": the training set " + train.id() + " is empty");
    }
    double l2 = spec.penalty() == LogisticRegression.Penalty.L2 ? 1.0 / (spec.c() * n) : 0.0;
    SoftmaxObjective objective = new SoftmaxObjective(train.features(), train.labels(), d, k, l2,
        POOL);
    double[] theta = new double[objective.dimension()]; // start from all zeros, as scikit-learn
    Lbfgs.Result result = Lbfgs.minimize(objective::valueAndGradient, theta, MEMORY, spec.tol(),
        spec.maxIter(), progress::iteration);

    double[][] weights = new double[k][d];
    double[] intercepts = new double[k];
    for (int c = 0; c < k; c++) {
      System.arraycopy(theta, c * (d + 1), weights[c], 0, d);
      intercepts[c] = theta[c * (d + 1) + d];
    }
    String stop = result.stop().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return new LogisticModel(weights, intercepts, result.iterations(), result.evaluations(),
        result.converged(), stop, result.value());
  }
}
