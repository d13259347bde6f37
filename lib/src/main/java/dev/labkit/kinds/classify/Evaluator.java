package dev.labkit.kinds.classify;

import dev.labkit.classic.Classifier;
import dev.labkit.data.Dataset;
import dev.labkit.eval.ClassificationReport;
import dev.labkit.eval.Evaluation;
import dev.labkit.eval.Metrics;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.run.Experiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes a script's evaluations on a fitted classifier and emits them as events. */
final class Evaluator {
  private Evaluator() {}

  /**
   * What is evaluated: the script's spec (the starting point of any search, and what cross-validation
   * scores), the refit a search chose (null without one) and the model fitted on the training set.
   */
  record Fitted(ClassifierSpec<?> base, Refit refit, Classifier model) {}

  /** Emits the requested results; adds the metrics to {@code metrics}. */
  static void evaluate(Experiment experiment, Fitted fitted, Splits data, boolean smoke,
      EventSink events, Map<String, Double> metrics, long step) {
    ClassifierSpec<?> spec = fitted.base();
    Classifier model = fitted.model();
    // the test section's titles name the refit model when a search chose it
    String tested = fitted.refit() == null ? "test" : "test, " + fitted.refit().values() + " refitted";
    List<Evaluation> evaluations = experiment.evaluations();
    long seed = experiment.seed();
    Dataset test = data.test();
    if (data.validation() != null) {
      int[] validationPredicted = model.predict(data.validation());
      metrics.put("val/accuracy", ClassificationReport.of(data.validation().labels(), validationPredicted,
          data.validation().classNames()).accuracy());
    }
    long t0 = System.nanoTime();
    double[] proba = model.predictProba(test);
    int[] predicted = Metrics.argmax(proba, model.numClasses());
    metrics.put("predict_seconds", (System.nanoTime() - t0) / 1e9);
    ClassificationReport report = ClassificationReport.of(test.labels(), predicted, test.classNames());
    metrics.put("test/log_loss", Metrics.logLoss(test.labels(), proba, model.numClasses()));
    try {
      evaluateEach(evaluations, experiment, fitted, data, smoke, events, metrics, tested, test, proba, predicted,
          report, seed);
    } finally { // what was measured before an evaluation failed stays in the run folder
      metrics.forEach((name, value) -> events.accept(new Event.Scalar(step, name, value)));
    }
  }

  private static void evaluateEach(List<Evaluation> evaluations, Experiment experiment, Fitted fitted, Splits data,
      boolean smoke, EventSink events, Map<String, Double> metrics, String tested, Dataset test, double[] proba,
      int[] predicted, ClassificationReport report, long seed) {
    ClassifierSpec<?> spec = fitted.base();
    Classifier model = fitted.model();
    for (Evaluation evaluation : evaluations) {
      switch (evaluation) {
        case Evaluation.Accuracy a -> {
          metrics.put("test/accuracy", report.accuracy());
          int[] trainPredicted = model.predict(data.train());
          metrics.put("train/accuracy", ClassificationReport.of(data.train().labels(), trainPredicted,
              data.train().classNames()).accuracy());
        }
        case Evaluation.F1 f -> {
          metrics.put("test/macro_f1", report.macro().f1());
          metrics.put("test/weighted_f1", report.weighted().f1());
        }
        case Evaluation.Report r -> events.accept(new Event.Table("classification-report", "table",
            "Classification report (" + tested + ")", reportTable(report)));
        case Evaluation.Confusion c -> events.accept(new Event.Table("confusion-matrix", "confusion-matrix",
            "Confusion matrix (" + tested + ")", Map.of("labels", report.confusion().labels(),
                "counts", report.confusion().counts())));
        case Evaluation.WeightHeatmaps w -> WeightMaps.perClass(model, test, events, metrics);
        case Evaluation.WeightDifference d -> WeightMaps.differences(d, model, test, events, metrics);
        case Evaluation.PredictionGrid g -> Examples.grid(test, proba, predicted, g.count(), events);
        case Evaluation.ConfidentMistakes m -> Examples.mistakes(test, proba, predicted, m.count(), events);
        case Evaluation.MetricsTable t -> CvEvaluations.metricsTable(test.labels(), proba, test.classNames(), tested,
            events, metrics);
        case Evaluation.RocCurves r -> CvEvaluations.rocCurves(test.labels(), proba, test.classNames(), tested,
            events, metrics);
        case Evaluation.CrossValidation cv -> CvEvaluations.crossValidation(cv, spec, data.train(), seed, events,
            metrics);
        case Evaluation.NestedCv nested -> CvEvaluations.nestedCv(smoke ? nested.smoke() : nested, spec, data.train(),
            seed, events, metrics, fitted.refit(), experiment.params());
        case Evaluation.Custom custom -> OwnMetrics.measure(custom, model, data, proba, predicted, metrics);
        case Evaluation.RankBy rank -> { } // read by the sweep, not measured
      }
    }
  }

  private static Map<String, Object> reportTable(ClassificationReport report) {
    List<List<Object>> rows = new ArrayList<>();
    for (ClassificationReport.PerClass row : report.classes()) {
      rows.add(List.of(row.label(), row.precision(), row.recall(), row.f1(), row.support()));
    }
    long total = report.confusion().total();
    rows.add(List.of("macro avg", report.macro().precision(), report.macro().recall(), report.macro().f1(), total));
    rows.add(List.of("weighted avg", report.weighted().precision(), report.weighted().recall(),
        report.weighted().f1(), total));
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("columns", List.of("class", "precision", "recall", "f1", "support"));
    table.put("rows", rows);
    return table;
  }
}
