package dev.labkit.eval;

import dev.labkit.ground.UserError;

/**
 * What to measure and show after a classifier is fitted. Listed in a script's
 * {@code .evaluate(...)}; the runner computes each on the test set (and the training set where a
 * train/test comparison means something) and emits the results as events.
 */
public sealed interface Evaluation {
  /** Test and train accuracy: {@code test/accuracy}, {@code train/accuracy}. */
  record Accuracy() implements Evaluation {}

  /** Macro- and support-weighted F1 on the test set: {@code test/macro_f1}, {@code test/weighted_f1}. */
  record F1() implements Evaluation {}

  /** Per-class precision, recall, F1 and support as a table (scikit-learn's classification report). */
  record Report() implements Evaluation {}

  /** The test confusion matrix: counts, rows are true classes. */
  record Confusion() implements Evaluation {}

  /** One image per class of a linear model's weights, on a shared symmetric diverging scale. */
  record WeightHeatmaps() implements Evaluation {}

  /**
   * The lab's "6 against 8": class {@code a}'s weights minus class {@code b}'s, as one diverging heatmap
   * per pair (red: pixels that speak for {@code a} over {@code b}, blue: for {@code b}), for a linear model
   * (logistic or softmax regression). Classes are numbered as the dataset's labels (0–9 for MNIST).
   *
   * <pre>{@code
   * weightDifference(6, 8)                      // one pair
   * weightDifference(6, 8).and(3, 5).and(4, 9)  // several, one heatmap each
   * }</pre>
   */
  record WeightDifference(java.util.List<Pair> pairs) implements Evaluation {
    public WeightDifference {
      if (pairs == null || pairs.isEmpty()) {
        throw new UserError("weightDifference needs a pair of classes, e.g. weightDifference(6, 8)");
      }
      pairs = java.util.List.copyOf(pairs);
    }

    /** One pair of classes. */
    public WeightDifference(int a, int b) {
      this(java.util.List.of(new Pair(a, b)));
    }

    /** The same pairs and one more. */
    public WeightDifference and(int a, int b) {
      var more = new java.util.ArrayList<>(pairs);
      more.add(new Pair(a, b));
      return new WeightDifference(more);
    }

    /** Two different class numbers, w_a − w_b. */
    public record Pair(int a, int b) {
      public Pair {
        if (a < 0 || b < 0 || a == b) {
          throw new UserError("weightDifference(" + a + ", " + b + "): give two different class numbers ≥ 0, "
              + "e.g. weightDifference(6, 8)");
        }
      }
    }
  }

  /** {@code count} test images spread over the test set, each with its true and predicted label. */
  record PredictionGrid(int count) implements Evaluation {}

  /** The {@code count} test images the model got wrong with the highest confidence. */
  record ConfidentMistakes(int count) implements Evaluation {}

  /**
   * Every {@link Metric} on the test set as one table (accuracy, macro precision, recall and F1,
   * weighted F1, one-vs-rest ROC AUC, log-loss), from {@link Metric#all}.
   */
  record MetricsTable() implements Evaluation {}

  /**
   * One ROC curve per class (that class against the rest) on the test set, with its AUC, from
   * {@link RocCurve#oneVsRest}; drawn with intermediate points dropped, which leaves the curve unchanged.
   */
  record RocCurves() implements Evaluation {}

  /**
   * Stratified {@code k}-fold cross-validation of the model spec on the training set (the test set stays
   * unseen): per-fold scores and their mean ± std, from {@link dev.labkit.eval.CrossValidation#run}.
   */
  record CrossValidation(int k) implements Evaluation {
    public CrossValidation {
      checkFolds("crossValidation", "k", k);
    }
  }

  /**
   * Nested cross-validation on the training set, from {@link dev.labkit.eval.NestedCv#run}: {@code outer}
   * folds score, and inside each a {@link RandomSearch} of {@code nIter} points of {@code space},
   * ranked by {@code scoring} over {@code inner} folds, picks the parameters.
   */
  record NestedCv(int outer, int inner, SearchSpace space, int nIter, Metric scoring) implements Evaluation {
    public NestedCv {
      checkFolds("nestedCv", "outer", outer);
      checkFolds("nestedCv", "inner", inner);
      if (space == null || space.dimensions().isEmpty()) {
        throw new UserError("nestedCv needs a search space, e.g. SearchSpace.of().logUniform(\"c\", 0.01, 10)");
      }
      if (nIter < 1) {
        throw new UserError("nestedCv: n_iter must be ≥ 1 points to try, got " + nIter);
      }
      if (scoring == null) {
        scoring = Metric.ACCURACY;
      }
    }

    /** The same with at most two search points: what {@code --smoke} runs, to check the script quickly. */
    public NestedCv smoke() {
      return new NestedCv(outer, inner, space, Math.min(nIter, 2), scoring);
    }

    /** Ranked by accuracy. */
    public NestedCv(int outer, int inner, SearchSpace space, int nIter) {
      this(outer, inner, space, nIter, Metric.ACCURACY);
    }
  }

  /**
   * Your own metric, computed like a built-in one on the training, validation and test predictions and
   * recorded as {@code train/<name>}, {@code val/<name>} and {@code test/<name>}: in the tables, the charts
   * and the sweeps. Higher is better unless {@link #smallerIsBetter()} says otherwise. A function that
   * throws fails the run in one line naming the metric; the metrics measured before it are kept.
   *
   * @param name          lower_snake, not a built-in metric's name
   * @param lowerIsBetter true for a cost, a loss or an error
   * @param function      the metric
   */
  record Custom(String name, boolean lowerIsBetter, MetricFunction function) implements Evaluation {
    static final java.util.Set<String> TAKEN = java.util.Set.of("accuracy", "macro_f1", "weighted_f1", "log_loss",
        "roc_auc", "macro_precision", "macro_recall");

    public Custom {
      if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
        throw new UserError("metric name '" + name + "' must be lower_snake (letters, digits, _), e.g. top2_accuracy");
      }
      if (TAKEN.contains(name)) {
        throw new UserError("metric name '" + name + "' is a built-in metric's; give yours another name");
      }
      if (function == null) {
        throw new UserError("metric " + name + " needs a function: Lab.metric(\"" + name + "\", p -> ...)");
      }
    }

    /** The same metric, with smaller values better (a cost, a loss, an error). */
    public Custom smallerIsBetter() {
      return new Custom(name, true, function);
    }

    /** Scores {@code predictions}; what the user's function throws becomes one line naming the metric and the part. */
    public double score(String part, Predictions predictions) {
      try {
        return function.score(predictions);
      } catch (RuntimeException e) {
        throw new UserError("metric " + name + " failed on the " + part + " predictions: " + e, e);
      }
    }
  }

  /**
   * Which metric a sweep's best trial is chosen by, in place of its kind's (accuracy, MSE, FID): set with
   * {@code Experiment.rankBy}. The usual rule still picks where it is read (CV mean, then validation, then
   * test, said so), so {@code top2_accuracy} ranks by {@code val/top2_accuracy} when there is a validation split.
   *
   * @param measure       the metric's name without its part, e.g. {@code top2_accuracy}
   * @param lowerIsBetter true for a cost, a loss or an error
   */
  record RankBy(String measure, boolean lowerIsBetter) implements Evaluation {
    public RankBy {
      if (measure == null || !measure.matches("[a-z][a-z0-9_]*")) {
        throw new UserError("rankBy needs a metric name such as accuracy or top2_accuracy, got '" + measure + "'");
      }
    }
  }

  private static void checkFolds(String evaluation, String name, int k) {
    if (k < 2) {
      throw new UserError(evaluation + ": " + name + " must be ≥ 2 folds, got " + k);
    }
  }
}
