package dev.labkit.run;

import dev.labkit.classic.Classifier;
import dev.labkit.classic.Fitting;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.TrainTest;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** One run, start to end: load (or reuse) the data, fit, evaluate, record. */
final class RunOne {
  private RunOne() {}

  /** {@code resume}: the folder of a stopped GAN run to go on in ({@link GanResume}), or null for a new run. */
  static Runner.Result run(Trial trial, RunRecord.SweepInfo sweep, LabOptions options, PrintStream out,
      DataCache cache, java.nio.file.Path resume) {
    if (trial.experiment().model() instanceof dev.labkit.model.LinearRegressionGd) {
      return RegressionRun.run(trial, sweep, options, out);
    }
    if (trial.experiment().model() instanceof dev.labkit.model.Gan) {
      return GanRun.run(trial, sweep, options, out, cache, resume);
    }
    Experiment exp = trial.experiment();
    return RunFrame.run(trial, sweep, options, out, (store, events, metrics) -> {
      TrainTest data = cache.load(exp.data(), exp.seed(), events);
      store.dataset(DataCache.info(exp.data().name(), data));
      Splits splits = Splits.of(data, exp.validation(), exp.seed());
      events.accept(new Event.Phase("data", String.format(Locale.ROOT, "%,d train%s / %,d test, %s, %d classes",
          splits.train().size(), splits.validation() == null ? ""
              : String.format(Locale.ROOT, " / %,d validation", splits.validation().size()),
          splits.test().size(), splits.train().shape(), splits.train().numClasses())));
      classify(exp, splits, options.smoke(), events, metrics);
    });
  }

  /** Fits the classifier, evaluates it on the test set and sums the run up. */
  private static void classify(Experiment exp, Splits splits, boolean smoke, EventSink events,
      Map<String, Double> metrics) {
    events.accept(new Event.Phase("fit", exp.model().name() + " " + exp.model().params()));
    long t0 = System.nanoTime();
    Classifier model = Fitting.fit(exp.model(), splits.train(), splits.validation(), exp.seed(), smoke, events);
    metrics.put("fit_seconds", (System.nanoTime() - t0) / 1e9);
    fitFacts(model, metrics);
    events.accept(new Event.Phase("fit", String.format(Locale.ROOT, "done in %.2f s", metrics.get("fit_seconds"))));
    events.accept(new Event.Phase("eval", String.format(Locale.ROOT, "predicting %,d test examples",
        splits.test().size())));
    long lastStep = metrics.getOrDefault("iterations", metrics.getOrDefault("epochs", 0.0)).longValue();
    Evaluator.evaluate(exp, model, splits, smoke, events, metrics, lastStep);
    if (model instanceof dev.labkit.classic.Measured measured) {
      metrics.put("model_bytes", (double) measured.memoryBytes());
    }
    events.accept(new Event.Summary(metrics, metrics.containsKey("test/accuracy") ? "test/accuracy" : null));
  }

  private static void fitFacts(Classifier model, Map<String, Double> metrics) {
    if (model instanceof dev.labkit.classic.LogisticModel lr) {
      metrics.put("iterations", (double) lr.iterations());
      metrics.put("passes", (double) lr.passes());
      metrics.put("converged", lr.converged() ? 1.0 : 0.0);
      metrics.put("objective", lr.objective());
      metrics.put("sparsity", lr.sparsity());
    }
    if (model instanceof dev.labkit.neural.NeuralClassifier net) {
      metrics.putAll(net.facts());
    }
  }
}
