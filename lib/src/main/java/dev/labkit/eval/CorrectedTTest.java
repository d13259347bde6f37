package dev.labkit.eval;

import smile.math.special.Beta;

/**
 * The corrected resampled t-test of Nadeau and Bengio (2003, "Inference for the generalization error"),
 * comparing two models scored on the same k folds.
 *
 * <p>Why corrected: a plain paired t-test treats the k fold differences as independent, but the training
 * sets of k-fold CV overlap (any two share (k − 2)/(k − 1) of their examples), so the differences are
 * positively correlated and their variance is underestimated: the plain test calls far too many
 * differences significant. Nadeau and Bengio replace the variance factor 1/k by
 * {@code 1/k + n_test/n_train}:
 *
 * <pre>    t = mean(d) / sqrt((1/k + n_test/n_train) · s²),   d_i = a_i − b_i,  s² the sample variance of d</pre>
 *
 * and compare t with Student's t with k − 1 degrees of freedom (two-sided).
 */
public final class CorrectedTTest {
  private CorrectedTTest() {}

  /** How model A did against model B at the chosen significance level. */
  public enum Mark {
    /** A is significantly better. */
    WIN("▲"),
    /** No significant difference. */
    TIE("●"),
    /** A is significantly worse. */
    LOSS("▼");

    private final String symbol;

    Mark(String symbol) {
      this.symbol = symbol;
    }

    /** A one-character mark for comparison tables. */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * @param meanDifference mean of {@code a − b} over folds
   * @param t              the corrected t statistic (±∞ when every fold differs by the same nonzero amount)
   * @param df             degrees of freedom, k − 1
   * @param pValue         two-sided p-value
   * @param mark           A against B at the given alpha, for a metric where higher is better or not
   */
  public record Result(double meanDifference, double t, int df, double pValue, Mark mark) {}

  /**
   * Compares per-fold scores {@code a} and {@code b} (same folds, same order).
   *
   * @param nTrain          examples each fold trained on (the mean, if folds differ by one)
   * @param nTest           examples each fold was tested on
   * @param alpha           significance level, e.g. 0.05
   * @param higherIsBetter  true for accuracy, false for log-loss: decides which direction is a win
   */
  public static Result compare(double[] a, double[] b, double nTrain, double nTest, double alpha,
      boolean higherIsBetter) {
    int k = a.length;
    if (b.length != k || k < 2) {
      throw new IllegalArgumentException("need the same k ≥ 2 folds for both models, got " + a.length + " and " + b.length);
    }
    double mean = 0;
    for (int i = 0; i < k; i++) {
      mean += (a[i] - b[i]) / k;
    }
    double squares = 0;
    for (int i = 0; i < k; i++) {
      double deviation = a[i] - b[i] - mean;
      squares += deviation * deviation;
    }
    double variance = squares / (k - 1);
    double t = mean / Math.sqrt((1.0 / k + nTest / nTrain) * variance); // 0/0 (no difference at all) is NaN
    if (Double.isNaN(t)) {
      t = 0;
    }
    int df = k - 1;
    double p = twoSidedP(t, df);
    Mark mark = p >= alpha || mean == 0 ? Mark.TIE : (mean > 0) == higherIsBetter ? Mark.WIN : Mark.LOSS;
    return new Result(mean, t, df, p, mark);
  }

  /** Compares two cross-validation results on the same folds by one metric. */
  public static Result compare(CvResult a, CvResult b, Metric metric, double alpha) {
    return compare(a.scores(metric), b.scores(metric), a.meanTrainSize(), a.meanTestSize(), alpha,
        metric.higherIsBetter());
  }

  /**
   * P(|T| ≥ |t|) for Student's T with {@code df} degrees of freedom, through the regularized incomplete
   * beta function: {@code I_{df/(df+t²)}(df/2, 1/2)} (Abramowitz and Stegun 26.7.1).
   */
  static double twoSidedP(double t, int df) {
    if (Double.isInfinite(t)) {
      return 0;
    }
    return Beta.regularizedIncompleteBetaFunction(0.5 * df, 0.5, df / (df + t * t));
  }
}
