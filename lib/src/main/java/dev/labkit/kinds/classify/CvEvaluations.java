package dev.labkit.kinds.classify;

import dev.labkit.data.Dataset;
import dev.labkit.eval.CrossValidation;
import dev.labkit.eval.CvResult;
import dev.labkit.eval.Evaluation;
import dev.labkit.eval.FoldScore;
import dev.labkit.eval.Metric;
import dev.labkit.eval.Metrics;
import dev.labkit.eval.NestedCv;
import dev.labkit.eval.NestedCvResult;
import dev.labkit.eval.OuterFold;
import dev.labkit.eval.RandomSearch;
import dev.labkit.eval.RocCurve;
import dev.labkit.eval.Spread;
import dev.labkit.console.ConsoleSink;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.model.ClassifierSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluations that fit the model again (cross-validation, nested CV) or need the whole probability
 * table (metrics table, ROC curves), turned into tables, scalars and charts. Cross-validation uses the
 * training part only: the test set stays unseen until the final score.
 */
final class CvEvaluations {
  private CvEvaluations() {}

  static void metricsTable(int[] truth, double[] proba, List<String> labels, String tested, EventSink events,
      Map<String, Double> metrics) {
    Map<String, Double> all = Metric.all(truth, proba, labels);
    List<List<Object>> rows = new ArrayList<>();
    all.forEach((name, value) -> {
      rows.add(List.of(name, value));
      metrics.put("test/" + name, value);
    });
    events.accept(new Event.Table("metrics-table", "table", "Test metrics (" + tested + ")",
        table(List.of("metric", "test"), rows)));
  }

  static void rocCurves(int[] truth, double[] proba, List<String> labels, String tested, EventSink events,
      Map<String, Double> metrics) {
    List<RocCurve> curves = RocCurve.oneVsRest(truth, proba, labels, true);
    List<List<Object>> rows = new ArrayList<>();
    for (RocCurve curve : curves) {
      rows.add(List.of(curve.label(), curve.auc(), curve.size()));
    }
    metrics.put("test/roc_auc", Metrics.rocAucOvr(truth, proba, labels.size()));
    events.accept(new Event.Table("roc-curves", "chart", "ROC curves (" + tested + ")",
        RunCharts.roc(curves).spec()));
    events.accept(new Event.Table("roc-auc", "table", "ROC AUC per class (one against the rest, " + tested + ")",
        table(List.of("class", "auc", "points"), rows)));
  }

  static void crossValidation(Evaluation.CrossValidation cv, ClassifierSpec<?> spec, Dataset train, long seed,
      EventSink events, Map<String, Double> metrics) {
    events.accept(new Event.Phase("cv", cv.k() + "-fold stratified cross-validation on " + train.size()
        + " training examples"));
    CvResult result = CrossValidation.run(spec, train, cv.k(), seed, phasesOnly(events));
    List<String> columns = new ArrayList<>(List.of("fold", "train", "test"));
    List<Metric> shown = List.of(Metric.values());
    shown.forEach(m -> columns.add(m.key()));
    columns.add("fit_seconds");
    List<List<Object>> rows = new ArrayList<>();
    for (FoldScore fold : result.folds()) {
      List<Object> row = new ArrayList<>(List.of(fold.fold() + 1, fold.trainSize(), fold.testSize()));
      shown.forEach(m -> row.add(fold.score(m)));
      row.add(fold.fitSeconds());
      rows.add(row);
    }
    rows.add(summaryRow("mean", result.folds().size(), shown, m -> result.summary(m).mean()));
    rows.add(summaryRow("std", result.folds().size(), shown, m -> result.summary(m).std()));
    events.accept(new Event.Table("cv-folds-chart", "chart", "Score per fold",
        RunCharts.folds(result, List.of(Metric.ACCURACY, Metric.MACRO_F1, Metric.ROC_AUC)).spec()));
    events.accept(new Event.Table("cv-folds", "table", cv.k() + "-fold cross-validation (training set)",
        table(columns, rows)));
    for (Metric metric : shown) {
      Spread summary = result.summary(metric);
      metrics.put("cv/" + metric.key() + "_mean", summary.mean());
      metrics.put("cv/" + metric.key() + "_std", summary.std());
    }
  }

  static void nestedCv(Evaluation.NestedCv nested, ClassifierSpec<?> spec, Dataset train, long seed, EventSink events,
      Map<String, Double> metrics, Refit refit, Map<String, Object> scriptParams) {
    events.accept(new Event.Phase("cv", String.format(Locale.ROOT,
        "nested CV: %d outer folds, in each a random search of %d points over %s scored by %d-fold %s",
        nested.outer(), nested.nIter(), nested.space().describe(), nested.inner(), nested.scoring().key())));
    NestedCvResult result = NestedCv.run(spec, train, nested.outer(), nested.inner(),
        new RandomSearch(nested.space(), nested.nIter(), seed), nested.scoring(), seed, phasesOnly(events));
    List<String> keys = result.folds().isEmpty() ? List.of() : new ArrayList<>(result.folds().getFirst().chosen().keySet());
    List<String> columns = new ArrayList<>(List.of("outer fold"));
    keys.forEach(key -> columns.add("chosen " + key));
    columns.add("inner " + nested.scoring().key());
    List<Metric> shown = List.of(Metric.ACCURACY, Metric.MACRO_F1, Metric.ROC_AUC, Metric.LOG_LOSS);
    shown.forEach(m -> columns.add("outer " + m.key()));
    List<List<Object>> rows = new ArrayList<>();
    for (OuterFold fold : result.folds()) {
      List<Object> row = new ArrayList<>();
      row.add(fold.fold() + 1);
      keys.forEach(key -> row.add(fold.chosen().get(key)));
      row.add(fold.innerScore().mean());
      shown.forEach(m -> row.add(fold.scores().score(m)));
      rows.add(row);
    }
    events.accept(new Event.Table("nested-cv", "table", "Nested cross-validation: chosen parameters per outer fold",
        table(columns, rows)));
    for (Metric metric : shown) {
      metrics.put("nested/" + metric.key() + "_mean", result.summary(metric).mean());
      metrics.put("nested/" + metric.key() + "_std", result.summary(metric).std());
    }
    if (refit != null) { // the tested model: what the search chose on the whole training set, and how often the folds agreed
      metrics.put("refit/folds_agreeing", (double) refit.agreeing(result));
      metrics.put("refit/folds", (double) result.folds().size());
      events.accept(new Event.Phase(ConsoleSink.NOTE, refit.sentence(result)));
      events.accept(new Event.Table("refit", "table", "Tested model: chosen on the training set",
          refit.table(scriptParams, result)));
    }
  }

  /** Passes on only the progress lines: the folds' own per-iteration scalars would overwrite the run's. */
  private static EventSink phasesOnly(EventSink events) {
    return event -> {
      if (event instanceof Event.Phase) {
        events.accept(event);
      }
    };
  }

  private static List<Object> summaryRow(String label, int n, List<Metric> shown,
      java.util.function.ToDoubleFunction<Metric> value) {
    List<Object> row = new ArrayList<>(List.of(label, "", ""));
    shown.forEach(m -> row.add(value.applyAsDouble(m)));
    row.add("");
    return row;
  }

  static Map<String, Object> table(List<String> columns, List<List<Object>> rows) {
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("columns", columns);
    table.put("rows", rows);
    return table;
  }
}
