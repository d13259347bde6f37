package dev.labkit.eval;

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
}
