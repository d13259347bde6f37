package dev.labkit.classic;

import dev.labkit.data.Datasets;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.TrainTest;
import dev.labkit.model.LogisticRegression;
import java.util.Locale;

/**
 * Whole fits for bench/logreg.sh (not a test): {@code FitBench <fashion|mnist-sample> <reps> <spec k=v,...>...}.
 * For each spec prints one tab-separated line: spec, best fit seconds of {@code reps}, iterations, passes,
 * stop, objective, test accuracy, share of exactly-zero weights.
 */
final class FitBench {
  public static void main(String[] args) {
    if (!Boolean.getBoolean("labkit.bench.noWarmup")) { // -Dlabkit.bench.noWarmup=true: the fit warms its kernels
      Fitting.prepare(LogisticRegression.defaults()); // as a run does: the kernels compile while the data loads
    }
    TrainTest data = (args[0].equals("fashion") ? Datasets.fashionMnist() : Datasets.mnistSample())
        .load(LoadOptions.quiet(42));
    int reps = Integer.parseInt(args[1]);
    for (int a = 2; a < args.length; a++) {
      LogisticRegression spec = LogisticRegression.defaults();
      for (String kv : args[a].split(",")) {
        String[] p = kv.split("=", 2);
        spec = spec.with(p[0], p[1]);
      }
      double best = Double.POSITIVE_INFINITY;
      LogisticModel model = null;
      for (int r = 0; r < reps; r++) {
        long t = System.nanoTime();
        model = LogisticRegressionTrainer.fit(spec, data.train(), (i, f, g) -> {});
        best = Math.min(best, (System.nanoTime() - t) / 1e9);
      }
      int[] predicted = model.predict(data.test());
      int correct = 0;
      for (int i = 0; i < predicted.length; i++) {
        correct += predicted[i] == data.test().labels()[i] ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "%s\t%.3f\t%d\t%d\t%s\t%.6f\t%.4f\t%.4f%n", args[a], best, model.iterations(),
          model.passes(), model.stop(), model.objective(), correct / (double) predicted.length, model.sparsity());
    }
  }
}
