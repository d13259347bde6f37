package dev.labkit.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn's classification report: precision, recall and F1 per class, their unweighted (macro)
 * and support-weighted means, and accuracy. A ratio whose denominator is 0 counts as 0, as
 * scikit-learn's {@code zero_division=0}.
 */
public record ClassificationReport(List<PerClass> classes, double accuracy, Averages macro, Averages weighted,
    ConfusionMatrix confusion) {

  /** One class's row of the report. */
  public record PerClass(String label, double precision, double recall, double f1, long support) {}

  /** Mean precision, recall and F1 over the classes. */
  public record Averages(double precision, double recall, double f1) {}

  public static ClassificationReport of(int[] truth, int[] predicted, List<String> labels) {
    ConfusionMatrix confusion = ConfusionMatrix.of(truth, predicted, labels);
    int k = confusion.numClasses();
    List<PerClass> rows = new ArrayList<>(k);
    long correct = 0;
    double[] macro = new double[3];
    double[] weighted = new double[3];
    long total = confusion.total();
    for (int c = 0; c < k; c++) {
      long tp = confusion.counts()[c][c];
      correct += tp;
      long support = confusion.support(c);
      double precision = ratio(tp, confusion.predictedAs(c));
      double recall = ratio(tp, support);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      rows.add(new PerClass(labels.get(c), precision, recall, f1, support));
      double[] values = {precision, recall, f1};
      for (int m = 0; m < 3; m++) {
        macro[m] += values[m] / k;
        weighted[m] += total == 0 ? 0 : values[m] * support / total;
      }
    }
    return new ClassificationReport(rows, ratio(correct, total),
        new Averages(macro[0], macro[1], macro[2]), new Averages(weighted[0], weighted[1], weighted[2]), confusion);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : numerator / (double) denominator;
  }
}
