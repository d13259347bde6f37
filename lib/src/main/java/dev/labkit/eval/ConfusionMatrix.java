package dev.labkit.eval;

import java.util.List;

/**
 * Counts of (true class, predicted class) pairs: {@code counts[t][p]}, rows are true classes.
 *
 * @param labels class names, in class-index order
 */
public record ConfusionMatrix(List<String> labels, long[][] counts) {
  public ConfusionMatrix {
    labels = List.copyOf(labels);
  }

  public static ConfusionMatrix of(int[] truth, int[] predicted, List<String> labels) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
    }
    int k = labels.size();
    long[][] counts = new long[k][k];
    for (int i = 0; i < truth.length; i++) {
      counts[truth[i]][predicted[i]]++;
    }
    return new ConfusionMatrix(labels, counts);
  }

  public int numClasses() {
    return labels.size();
  }

  public long total() {
    long total = 0;
    for (long[] row : counts) {
      for (long count : row) {
        total += count;
      }
    }
    return total;
  }

  /** Examples whose true class is {@code c} (the row sum). */
  public long support(int c) {
    long sum = 0;
    for (long count : counts[c]) {
      sum += count;
    }
    return sum;
  }

  /** Examples predicted as {@code c} (the column sum). */
  public long predictedAs(int c) {
    long sum = 0;
    for (long[] row : counts) {
      sum += row[c];
    }
    return sum;
  }

  /** Each row divided by its sum: the share of class t predicted as p (0 for an empty row). */
  public double[][] rowNormalized() {
    int k = numClasses();
    double[][] shares = new double[k][k];
    for (int t = 0; t < k; t++) {
      long support = support(t);
      for (int p = 0; p < k; p++) {
        shares[t][p] = support == 0 ? 0 : counts[t][p] / (double) support;
      }
    }
    return shares;
  }
}
