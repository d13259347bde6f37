package dev.labkit.eval;

import dev.labkit.ground.UserError;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scores cross-validation reports for every fold, and the ones a search can rank by. Names are
 * the metric names of the run folder ({@code accuracy}, {@code macro_f1}, …).
 */
public enum Metric {
  ACCURACY("accuracy", true),
  MACRO_PRECISION("macro_precision", true),
  MACRO_RECALL("macro_recall", true),
  MACRO_F1("macro_f1", true),
  WEIGHTED_F1("weighted_f1", true),
  ROC_AUC("roc_auc", true),
  /** Cross-entropy of the predicted probabilities: lower is better. */
  LOG_LOSS("log_loss", false);

  private final String key;
  private final boolean higherIsBetter;

  /**
   * Whether a smaller value of the run-folder metric {@code name} is better: losses, errors, objectives,
   * MSE and MAE, FID; anything else (accuracy, F1, AUC) is better larger.
   */
  public static boolean lowerIsBetter(String name) {
    String m = name.toLowerCase(Locale.ROOT);
    return m.contains("loss") || m.contains("error") || m.contains("objective") || m.endsWith("mse")
        || m.endsWith("mae") || m.endsWith("fid") || m.contains("perplexity");
  }

  Metric(String key, boolean higherIsBetter) {
    this.key = key;
    this.higherIsBetter = higherIsBetter;
  }

  /** The name in results and run folders, e.g. {@code macro_f1}. */
  public String key() {
    return key;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** Whether score {@code a} is strictly better than {@code b} for this metric. */
  public boolean better(double a, double b) {
    return higherIsBetter ? a > b : a < b;
  }

  /** The metric named {@code key}; a one-line error listing the names otherwise. */
  public static Metric of(String key) {
    for (Metric metric : values()) {
      if (metric.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
        return metric;
      }
    }
    throw new UserError("unknown metric '" + key + "'; valid metrics: "
        + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", ")));
  }

  /**
   * Every metric of the enum at once, keyed by {@link #key()}, in enum order. Labels are the arg-max of
   * each row of {@code proba} ({@code n × labels.size()}, row-major).
   */
  public static Map<String, Double> all(int[] truth, double[] proba, List<String> labels) {
    int k = labels.size();
    ClassificationReport report = ClassificationReport.of(truth, Metrics.argmax(proba, k), labels);
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put(ACCURACY.key, report.accuracy());
    scores.put(MACRO_PRECISION.key, report.macro().precision());
    scores.put(MACRO_RECALL.key, report.macro().recall());
    scores.put(MACRO_F1.key, report.macro().f1());
    scores.put(WEIGHTED_F1.key, report.weighted().f1());
    scores.put(ROC_AUC.key, Metrics.rocAucOvr(truth, proba, k));
    scores.put(LOG_LOSS.key, Metrics.logLoss(truth, proba, k));
    return scores;
  }
}
