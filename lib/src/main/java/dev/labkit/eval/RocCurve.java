package dev.labkit.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A receiver operating characteristic curve: for every threshold, the share of negatives scored at or
 * above it (false-positive rate) against the share of positives (true-positive rate). Points are in
 * order of decreasing threshold, as scikit-learn's {@code roc_curve}: the first point is (0, 0) at
 * threshold +∞ (nothing is called positive), the last is (1, 1) at the lowest score.
 *
 * @param label       the class this curve is for (one-vs-rest: this class against all others)
 * @param fpr         false-positive rate at each threshold
 * @param tpr         true-positive rate at each threshold
 * @param thresholds  the score thresholds, decreasing; {@code thresholds[0]} is +∞
 * @param auc         area under the curve by the trapezoid rule (NaN without positives or negatives)
 */
public record RocCurve(String label, double[] fpr, double[] tpr, double[] thresholds, double auc) {

  /**
   * The full curve of one binary problem: one point per distinct score, as scikit-learn's
   * {@code roc_curve(positive, score, drop_intermediate=False)}. Tied scores form one point, so a tie
   * between a positive and a negative is a diagonal step, which the trapezoid rule counts as half a win:
   * the same tie rule as {@link Metrics#rocAuc}.
   */
  public static RocCurve binary(String label, boolean[] positive, double[] score) {
    return binary(label, positive, score, false);
  }

  /**
   * As {@link #binary(String, boolean[], double[])}; with {@code dropIntermediate} the points that lie on
   * a straight line between their neighbours are left out, as scikit-learn's {@code drop_intermediate=True}
   * (its default): the picture and the area are unchanged, but 10,000 test examples give a few hundred
   * points instead of thousands, which is what a chart wants. The first two and the last point stay.
   */
  public static RocCurve binary(String label, boolean[] positive, double[] score, boolean dropIntermediate) {
    int n = score.length;
    if (positive.length != n) {
      throw new IllegalArgumentException(n + " scores but " + positive.length + " labels");
    }
    // indices by decreasing score; a stable sort keeps equal scores in input order, like numpy's mergesort
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
    List<double[]> points = new ArrayList<>(); // {false positives, true positives, threshold}: counts
    points.add(new double[] {0, 0, Double.POSITIVE_INFINITY});
    long tp = 0;
    long fp = 0;
    for (int j = 0; j < n; j++) {
      if (positive[order[j]]) {
        tp++;
      } else {
        fp++;
      }
      // a point only after the last example of a run of equal scores: a threshold cannot split a tie
      if (j == n - 1 || score[order[j + 1]] != score[order[j]]) {
        points.add(new double[] {fp, tp, score[order[j]]});
      }
    }
    if (dropIntermediate) {
      points = withoutCollinear(points);
    }
    double[] fpr = new double[points.size()];
    double[] tpr = new double[points.size()];
    double[] thresholds = new double[points.size()];
    for (int p = 0; p < points.size(); p++) {
      fpr[p] = points.get(p)[0] / fp; // 0/0 is NaN when there are no negatives, as in scikit-learn
      tpr[p] = points.get(p)[1] / tp;
      thresholds[p] = points.get(p)[2];
    }
    return new RocCurve(label, fpr, tpr, thresholds, trapezoid(fpr, tpr));
  }

  /**
   * Keeps a point only where the curve bends: the second differences of the counts (exact integers, so
   * the test is exact) are not both zero. scikit-learn does this only with more than two thresholds.
   */
  private static List<double[]> withoutCollinear(List<double[]> points) {
    int m = points.size();
    if (m <= 3) {
      return points;
    }
    List<double[]> kept = new ArrayList<>(List.of(points.get(0), points.get(1)));
    for (int p = 2; p < m - 1; p++) {
      double[] before = points.get(p - 1);
      double[] here = points.get(p);
      double[] after = points.get(p + 1);
      if (before[0] - 2 * here[0] + after[0] != 0 || before[1] - 2 * here[1] + after[1] != 0) {
        kept.add(here);
      }
    }
    kept.add(points.get(m - 1));
    return kept;
  }

  /**
   * One curve per class, each class against the rest, scored by its own column of {@code proba}; pass
   * {@code dropIntermediate = true} for charts (see {@link #binary(String, boolean[], double[], boolean)}).
   */
  public static List<RocCurve> oneVsRest(int[] truth, double[] proba, List<String> labels,
      boolean dropIntermediate) {
    int k = labels.size();
    if ((long) truth.length * k != proba.length) {
      throw new IllegalArgumentException(truth.length + " labels × " + k + " classes but " + proba.length
          + " probabilities");
    }
    List<RocCurve> curves = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      curves.add(binary(labels.get(c), Metrics.isClass(truth, c), Metrics.column(proba, k, c), dropIntermediate));
    }
    return curves;
  }

  /** Number of points on the curve. */
  public int size() {
    return fpr.length;
  }

  /** Area under a piecewise-linear curve through the points, left to right. */
  static double trapezoid(double[] x, double[] y) {
    double area = 0;
    for (int p = 1; p < x.length; p++) {
      area += (x[p] - x[p - 1]) * (y[p] + y[p - 1]) / 2;
    }
    return area;
  }
}
