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

  private static void checkFolds(String evaluation, String name, int k) {
    if (k < 2) {
      throw new UserError(evaluation + ": " + name + " must be ≥ 2 folds, got " + k);
    }
  }
}
