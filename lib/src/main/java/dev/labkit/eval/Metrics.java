package dev.labkit.eval;

/**
 * Scores computed from true labels and predicted class probabilities ({@code n × k}, row-major, as
 * {@code Classifier.predictProba} returns them). Each follows scikit-learn's definition so that numbers
 * can be compared with a notebook's.
 */
public final class Metrics {
  /** scikit-learn's clipping: a probability of exactly 0 would make the loss infinite. */
  static final double EPS = 1e-15;

  private Metrics() {}

  /** Share of examples whose predicted label is the true one. */
  public static double accuracy(int[] truth, int[] predicted) {
    checkLength(truth.length, predicted.length, "predictions");
    int correct = 0;
    for (int i = 0; i < truth.length; i++) {
      correct += truth[i] == predicted[i] ? 1 : 0;
    }
    return truth.length == 0 ? 0 : correct / (double) truth.length;
  }

  /**
   * Cross-entropy {@code −mean log p(true class)}, as scikit-learn's {@code log_loss}: each row is first
   * divided by its sum (a model's probabilities may not add up to exactly 1), then clipped to
   * [1e-15, 1 − 1e-15], so one confidently wrong example costs at most −log(1e-15) ≈ 34.5, not infinity.
   */
  public static double logLoss(int[] truth, double[] proba, int k) {
    checkLength(truth.length * (long) k, proba.length, "probabilities");
    double sum = 0;
    for (int i = 0; i < truth.length; i++) {
      double rowSum = 0;
      for (int c = 0; c < k; c++) {
        rowSum += proba[i * k + c];
      }
      double p = proba[i * k + truth[i]] / rowSum;
      sum -= Math.log(Math.min(1 - EPS, Math.max(EPS, p)));
    }
    return truth.length == 0 ? 0 : sum / truth.length;
  }

  /**
   * Area under the ROC curve of one binary problem, from ranks (the Mann–Whitney statistic): the
   * chance that a random positive scores higher than a random negative, ties counting one half.
   * Tied scores share the average of their ranks. Equal to the trapezoid area under
   * {@link RocCurve#binary}; NaN when there are no positives or no negatives (the chance is undefined).
   */
  public static double rocAuc(boolean[] positive, double[] score) {
    checkLength(positive.length, score.length, "scores");
    int n = score.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
    double positiveRankSum = 0;
    long positives = 0;
    for (int start = 0; start < n; ) {
      int end = start;
      while (end + 1 < n && score[order[end + 1]] == score[order[start]]) {
        end++;
      }
      double averageRank = (start + end) / 2.0 + 1; // ranks are 1-based
      for (int j = start; j <= end; j++) {
        if (positive[order[j]]) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      start = end + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    // the positives' rank sum minus the smallest it could be, over the number of (positive, negative) pairs
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * Multi-class ROC AUC, one-vs-rest, macro: each class against all others with its own probability as
   * the score, then the unweighted mean over classes, as scikit-learn's
   * {@code roc_auc_score(y, proba, multi_class="ovr", average="macro")}. A class with no examples in
   * {@code truth} has no AUC and is left out of the mean (scikit-learn refuses such input).
   */
  public static double rocAucOvr(int[] truth, double[] proba, int k) {
    double sum = 0;
    int counted = 0;
    for (double auc : perClassRocAuc(truth, proba, k)) {
      if (!Double.isNaN(auc)) {
        sum += auc;
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }

  /** One-vs-rest AUC of each class (NaN for a class absent from {@code truth} or present everywhere). */
  public static double[] perClassRocAuc(int[] truth, double[] proba, int k) {
    checkLength(truth.length * (long) k, proba.length, "probabilities");
    double[] auc = new double[k];
    for (int c = 0; c < k; c++) {
      auc[c] = rocAuc(isClass(truth, c), column(proba, k, c));
    }
    return auc;
  }

  /** The most probable class of each row (the first one on a tie, as numpy's argmax). */
  public static int[] argmax(double[] proba, int k) {
    int[] labels = new int[proba.length / k];
    for (int i = 0; i < labels.length; i++) {
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (proba[i * k + c] > proba[i * k + best]) {
          best = c;
        }
      }
      labels[i] = best;
    }
    return labels;
  }

  static boolean[] isClass(int[] truth, int c) {
    boolean[] positive = new boolean[truth.length];
    for (int i = 0; i < truth.length; i++) {
      positive[i] = truth[i] == c;
    }
    return positive;
  }

  static double[] column(double[] proba, int k, int c) {
    double[] score = new double[proba.length / k];
    for (int i = 0; i < score.length; i++) {
      score[i] = proba[i * k + c];
    }
    return score;
  }

  private static void checkLength(long expected, long actual, String what) {
    if (expected != actual) {
      throw new IllegalArgumentException("expected " + expected + " " + what + ", got " + actual);
    }
  }
}
