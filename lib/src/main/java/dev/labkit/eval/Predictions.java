package dev.labkit.eval;

import java.util.List;

/**
 * What a classifier said about one part of the data, as your own metric sees it: the true labels, the
 * predicted ones (the most probable class), and every class's probability, example after example.
 *
 * @param labels     the true class of each example
 * @param predicted  the predicted class of each example
 * @param proba      {@code labels.length × classNames.size()} probabilities, row after row
 * @param classNames the classes, by label
 */
public record Predictions(int[] labels, int[] predicted, double[] proba, List<String> classNames) {
  /** Number of examples. */
  public int size() {
    return labels.length;
  }

  public int classes() {
    return classNames.size();
  }

  /** The probability example {@code i} belongs to class {@code c}. */
  public double proba(int i, int c) {
    return proba[i * classNames.size() + c];
  }

  /** Share of examples predicted right. */
  public double accuracy() {
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      right += labels[i] == predicted[i] ? 1 : 0;
    }
    return labels.length == 0 ? Double.NaN : (double) right / labels.length;
  }

  /** How many classes example {@code i} gives a higher probability than its true class: 0 when it ranks first. */
  public int rankOfTruth(int i) {
    int above = 0;
    for (int c = 0; c < classNames.size(); c++) {
      above += proba(i, c) > proba(i, labels[i]) ? 1 : 0;
    }
    return above;
  }

  /** Share of examples for which {@code test} holds. */
  public double share(java.util.function.IntPredicate test) {
    return labels.length == 0 ? Double.NaN : (double) java.util.stream.IntStream.range(0, labels.length)
        .filter(test).count() / labels.length;
  }
}
