package dev.labkit.kinds.classify;

import dev.labkit.classic.Classifier;
import dev.labkit.data.Dataset;
import dev.labkit.eval.Evaluation;
import dev.labkit.eval.Metrics;
import dev.labkit.eval.Predictions;
import java.util.Map;

/** A script's own metrics, measured on each part of the data the run has, as the built-in ones are. */
final class OwnMetrics {
  private OwnMetrics() {}

  /** Puts {@code train/}, {@code val/} (when there is a validation part) and {@code test/<name>} in {@code metrics}. */
  static void measure(Evaluation.Custom metric, Classifier model, Splits data, double[] testProba, int[] testPredicted,
      Map<String, Double> metrics) {
    metrics.put("test/" + metric.name(), metric.score("test", new Predictions(data.test().labels(), testPredicted,
        testProba, data.test().classNames())));
    if (data.validation() != null) {
      metrics.put("val/" + metric.name(), metric.score("validation", predictions(model, data.validation())));
    }
    metrics.put("train/" + metric.name(), metric.score("training", predictions(model, data.train())));
  }

  private static Predictions predictions(Classifier model, Dataset part) {
    double[] proba = model.predictProba(part);
    return new Predictions(part.labels(), Metrics.argmax(proba, model.numClasses()), proba, part.classNames());
  }
}
