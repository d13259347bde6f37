package dev.labkit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Log-loss, ROC AUC and ROC curves against numbers computed by scikit-learn 1.2.1 (Debian's
 * python3-sklearn, numpy 1.24.2) on one fixed input, made and scored by this snippet:
 *
 * <pre>
 * import numpy as np
 * from sklearn.metrics import log_loss, roc_auc_score, roc_curve
 * rng = np.random.default_rng(7)
 * y = rng.integers(0, 3, 24)
 * # probabilities on a 1/20 grid (so ties are common), leaning towards the true class, never 0
 * counts = np.array([rng.multinomial(17, np.where(np.arange(3) == t, 0.5, 0.25)) + 1 for t in y])
 * p = counts / 20
 * print(log_loss(y, p), roc_auc_score(y, p, multi_class="ovr", average="macro"))
 * print([roc_auc_score(y == c, p[:, c]) for c in range(3)])
 * for drop in (False, True):
 *     print(roc_curve(y == 2, p[:, 2], drop_intermediate=drop))
 * </pre>
 *
 * Tolerance 1e-12: both sides add the same few doubles in a different order.
 */
class SklearnAgreementTest {
  private static final int[] Y = {2, 1, 2, 2, 1, 2, 2, 0, 0, 0, 0, 2, 2, 0, 1, 2, 0, 2, 0, 1, 2, 0, 1, 0};
  private static final int[] COUNTS = {
      4, 5, 11, 5, 9, 6, 10, 5, 5, 6, 9, 5, 4, 12, 4, 6, 2, 12, 2, 6, 12, 9, 8, 3,
      10, 5, 5, 9, 4, 7, 5, 6, 9, 6, 4, 10, 5, 1, 14, 11, 3, 6, 4, 8, 8, 5, 7, 8,
      10, 6, 4, 3, 6, 11, 10, 7, 3, 5, 9, 6, 3, 5, 12, 9, 4, 7, 7, 9, 4, 14, 3, 3};
  private static final double[] P = Arrays.stream(COUNTS).mapToDouble(c -> c / 20.0).toArray();

  @Test
  void log_loss_matches_scikit_learn() {
    assertThat(Metrics.logLoss(Y, P, 3)).isCloseTo(0.7543859513276118, within(1e-12));
  }

  @Test
  void one_vs_rest_macro_auc_matches_scikit_learn() {
    assertThat(Metrics.rocAucOvr(Y, P, 3)).isCloseTo(0.921792908196417, within(1e-12));
  }

  @Test
  void per_class_auc_matches_scikit_learn() {
    assertThat(Metrics.perClassRocAuc(Y, P, 3))
        .containsExactly(new double[] {0.9148148148148147, 0.968421052631579, 0.8821428571428572}, within(1e-12));
  }

  // scikit-learn 1.2.1 puts max(score) + 1 (here 1.7) as the first threshold; from 1.3 on it is +inf, as here
  @Test
  void full_roc_curve_matches_scikit_learns_drop_intermediate_false() {
    RocCurve curve = RocCurve.binary("c", Metrics.isClass(Y, 2), Metrics.column(P, 3, 2), false);
    assertThat(curve.fpr()).containsExactly(new double[] {0.0, 0.0, 0.0, 0.0, 0.0, 0.07142857142857142,
        0.14285714285714285, 0.2857142857142857, 0.5, 0.5714285714285714, 0.7857142857142857, 1.0}, within(1e-15));
    assertThat(curve.tpr()).containsExactly(new double[] {0.0, 0.1, 0.4, 0.6, 0.7, 0.7, 0.8, 0.8, 0.8, 1.0, 1.0, 1.0},
        within(1e-15));
    assertThat(curve.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.7, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35,
        0.3, 0.25, 0.2, 0.15);
    assertThat(curve.auc()).isCloseTo(0.8821428571428572, within(1e-12));
  }

  @Test
  void simplified_roc_curve_matches_scikit_learns_drop_intermediate_true() {
    RocCurve curve = RocCurve.binary("c", Metrics.isClass(Y, 2), Metrics.column(P, 3, 2), true);
    assertThat(curve.fpr()).containsExactly(new double[] {0.0, 0.0, 0.0, 0.0, 0.0, 0.07142857142857142,
        0.14285714285714285, 0.2857142857142857, 0.5, 0.5714285714285714, 1.0}, within(1e-15));
    assertThat(curve.tpr()).containsExactly(new double[] {0.0, 0.1, 0.4, 0.6, 0.7, 0.7, 0.8, 0.8, 0.8, 1.0, 1.0},
        within(1e-15));
    assertThat(curve.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.7, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35,
        0.3, 0.25, 0.15);
    assertThat(curve.auc()).isCloseTo(0.8821428571428572, within(1e-12));
  }
}
