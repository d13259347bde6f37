package dev.labkit.kinds.classify;

import dev.labkit.classic.Classifier;
import dev.labkit.classic.Fitting;
import dev.labkit.classic.LogisticModel;
import dev.labkit.classic.Measured;
import dev.labkit.data.TrainTest;
import dev.labkit.eval.Evaluation;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.ground.Selection;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.model.ModelSpec;
import dev.labkit.model.NeuralNet;
import dev.labkit.neural.CheckpointFile;
import dev.labkit.neural.ClassifierTrainer;
import dev.labkit.neural.NetCheckpoint;
import dev.labkit.neural.NeuralClassifier;
import dev.labkit.console.ConsoleSink;
import dev.labkit.run.DataCache;
import dev.labkit.run.Experiment;
import dev.labkit.run.Outcome;
import dev.labkit.run.RunFrame;
import dev.labkit.run.RunKind;
import dev.labkit.run.RunResume;
import dev.labkit.run.Runner;
import dev.labkit.store.RunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Classification: load (or reuse) the data, hold out the validation part, fit, evaluate on the test
 * set, record. The best trial is the one with the highest accuracy ({@link Selection}: cross-validated,
 * else on validation, else on test, then marked optimistic).
 */
public final class Classify implements RunKind {
  public static final Classify KIND = new Classify();

  /** The metrics of a classification sweep's trials table, in order. */
  private static final List<String> COLUMNS = List.of("fit_seconds", "predict_seconds", "model_bytes", "iterations",
      "converged", "sparsity", "train/accuracy", "val/accuracy", "cv/accuracy_mean", "cv/accuracy_std", "test/accuracy",
      "test/macro_f1", "test/log_loss", "final/fid", "overfit_epoch");

  private Classify() {}

  @Override
  public String name() {
    return "classify";
  }

  @Override
  public List<String> summaryColumns() {
    return COLUMNS;
  }

  @Override
  public Selection.Rule selection() {
    return new Selection.Rule("accuracy", false);
  }

  /** A network keeps a checkpoint after every epoch but the last; the other models fit in one call. */
  @Override
  public boolean resumes(ModelSpec model) {
    return model instanceof NeuralNet;
  }

  @Override
  public Map<Path, String> marks(Outcome best, List<Outcome> outcomes) {
    return FoldMarks.against(best, outcomes);
  }

  @Override
  public void sweepCharts(SweepCharts sweep) {
    ClassifySweepCharts.emit(sweep);
  }

  @Override
  public Runner.Result run(TrialRun run) {
    Experiment exp = run.trial().experiment();
    DataCache cache = run.cache();
    Path resume = run.resume();
    RunFrame.Body body = (store, events, metrics) -> {
      TrainTest data = cache.load(exp.data(), exp.seed(), events);
      store.dataset(DataCache.info(exp.data().name(), data));
      Splits splits = Splits.of(data, exp.validation(), exp.seed());
      events.accept(new Event.Phase("data", String.format(Locale.ROOT, "%,d train%s / %,d test, %s, %d classes",
          splits.train().size(), splits.validation() == null ? ""
              : String.format(Locale.ROOT, " / %,d validation", splits.validation().size()),
          splits.test().size(), splits.train().shape(), splits.train().numClasses())));
      var checkpoints = resumes(exp.model())
          ? new ClassifierTrainer.Checkpoints(store.folder().resolve(CheckpointFile.FILE), resume != null) : null;
      classify(exp, splits, run.options().smoke(), store, events, metrics, checkpoints);
      if (checkpoints != null) {
        CheckpointFile.delete(checkpoints.file()); // finished: nothing left to resume
      }
    };
    if (resume == null) {
      return RunFrame.run(run.trial(), run.sweep(), run.options(), run.console(), body);
    }
    // the checkpoint must belong to this network and these data before the folder is touched
    TrainTest data = cache.load(exp.data(), exp.seed(), new ConsoleSink(run.console(), exp.name()));
    Splits splits = Splits.of(data, exp.validation(), exp.seed());
    NeuralNet net = (NeuralNet) exp.model();
    var header = NetCheckpoint.check(resume.resolve(CheckpointFile.FILE), run.options().smoke() ? net.smoke() : net,
        splits.train());
    return RunFrame.run(run.trial(), RunResume.open(resume, header.epoch()), run.options(), run.console(), body);
  }

  /** Fits the classifier, evaluates it on the test set and sums the run up. */
  private static void classify(Experiment exp, Splits splits, boolean smoke, RunStore store, EventSink events,
      Map<String, Double> metrics, ClassifierTrainer.Checkpoints checkpoints) {
    ClassifierSpec<?> base = (ClassifierSpec<?>) exp.model(); // RunKinds.of sends only classifier specs here
    // a run that searches its hyper-parameters tests the search's choice refitted on the training set
    Refit refit = Refit.choose(exp, base, splits.train(), smoke, events);
    ClassifierSpec<?> spec = refit == null ? base : refit.spec();
    if (refit != null) {
      store.chosen(refit.chosen(), refit.values() + ": chosen by nested CV's search on the training set and "
          + "refitted there (script default: " + refit.scriptValues(exp.params()) + ")");
    }
    events.accept(new Event.Phase("fit", spec.name() + " " + spec.params()));
    long t0 = System.nanoTime();
    double[] gradMax = {Double.NaN}; // the solver's last max|grad|: how far from converged it stopped
    Map<String, Double> finals = new java.util.LinkedHashMap<>(); // what a fit logs as final/… is a run metric
    Classifier model = Fitting.fit(spec, splits.train(), splits.validation(), exp.seed(), smoke, event -> {
      if (event instanceof Event.Scalar scalar && scalar.name().equals("train/grad_max")) {
        gradMax[0] = scalar.value();
      }
      if (event instanceof Event.Scalar scalar && scalar.name().startsWith("final/")) {
        finals.put(scalar.name(), scalar.value());
      }
      events.accept(event);
    }, checkpoints);
    metrics.put("fit_seconds", (System.nanoTime() - t0) / 1e9);
    metrics.putAll(finals);
    fitFacts(model, gradMax[0], metrics);
    events.accept(new Event.Phase("fit", String.format(Locale.ROOT, "done in %.2f s", metrics.get("fit_seconds"))
        + (metrics.getOrDefault(Convergence.CONVERGED, 1.0) == 0 ? "; " + Convergence.notConverged(
            metrics.get("iterations").longValue(), metrics.get(Convergence.GRAD_MAX)) : "")));
    events.accept(new Event.Phase("eval", String.format(Locale.ROOT, "predicting %,d test examples",
        splits.test().size())));
    long lastStep = metrics.getOrDefault("iterations", metrics.getOrDefault("epochs", 0.0)).longValue();
    Evaluator.evaluate(exp, new Evaluator.Fitted(base, refit, model), splits, smoke, events, metrics, lastStep);
    if (model instanceof Measured measured && measured.memoryBytes() > 0) { // 0: unknown (your own predictor)
      metrics.put("model_bytes", (double) measured.memoryBytes());
    }
    events.accept(new Event.Summary(metrics, metrics.containsKey("test/accuracy") ? "test/accuracy" : null,
        declaredDirections(exp, metrics)));
  }

  /** Which way each of the script's own metrics is better, under every name it was recorded by. */
  private static Map<String, Boolean> declaredDirections(Experiment exp, Map<String, Double> metrics) {
    Map<String, Boolean> directions = new java.util.TreeMap<>();
    for (var evaluation : exp.evaluations()) {
      if (evaluation instanceof Evaluation.Custom custom) {
        for (String name : List.of("train/", "val/", "test/", "cv/")) {
          String key = name + custom.name() + (name.equals("cv/") ? "_mean" : "");
          if (metrics.containsKey(key)) {
            directions.put(key, custom.lowerIsBetter());
          }
        }
      }
    }
    return directions;
  }

  private static void fitFacts(Classifier model, double gradMax, Map<String, Double> metrics) {
    if (model instanceof LogisticModel lr) {
      metrics.put("iterations", (double) lr.iterations());
      metrics.put("passes", (double) lr.passes());
      metrics.put(Convergence.CONVERGED, lr.converged() ? 1.0 : 0.0);
      if (!Double.isNaN(gradMax)) {
        metrics.put(Convergence.GRAD_MAX, gradMax);
      }
      metrics.put("objective", lr.objective());
      metrics.put("sparsity", lr.sparsity());
    }
    if (model instanceof NeuralClassifier net) {
      metrics.putAll(net.facts());
    }
  }
}
