package dev.labkit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-computed cases; the comparison with scikit-learn is in {@link SklearnAgreementTest}. */
class MetricsTest {
  @Test
  void accuracy_is_the_share_of_correct_predictions() {
    assertThat(Metrics.accuracy(new int[] {0, 1, 2, 2}, new int[] {0, 2, 2, 2})).isEqualTo(0.75);
  }

  @Test
  void log_loss_is_the_mean_negative_log_probability_of_the_true_class() {
    int[] truth = {0, 1, 2};
    double[] proba = {0.5, 0.25, 0.25, 0.1, 0.8, 0.1, 0.2, 0.2, 0.6};
    double expected = -(Math.log(0.5) + Math.log(0.8) + Math.log(0.6)) / 3;
    assertThat(Metrics.logLoss(truth, proba, 3)).isCloseTo(expected, within(1e-15));
  }

  @Test
  void log_loss_normalises_rows_and_clips_a_zero_probability_to_1e_minus_15() {
    // row 0 sums to 4, so p(true) = 2/4; row 1 gives the true class nothing: −log(1e-15) ≈ 34.54
    int[] truth = {0, 1};
    double[] proba = {2, 1, 1, 1, 0, 0};
    double expected = (-Math.log(0.5) - Math.log(1e-15)) / 2;
    assertThat(Metrics.logLoss(truth, proba, 3)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void roc_auc_counts_a_tied_positive_negative_pair_as_half_a_win() {
    // positives score 0.8 and 0.5, negatives 0.5 and 0.2: pairs won 1 + 1 + 0.5 (the tie) + 1 of 4
    boolean[] positive = {true, true, false, false};
    double[] score = {0.8, 0.5, 0.5, 0.2};
    assertThat(Metrics.rocAuc(positive, score)).isEqualTo(0.875);
    assertThat(RocCurve.binary("p", positive, score).auc()).isEqualTo(0.875);
  }

  @Test
  void roc_auc_is_undefined_without_negatives() {
    assertThat(Metrics.rocAuc(new boolean[] {true, true}, new double[] {0.1, 0.9})).isNaN();
  }

  @Test
  void rank_auc_and_trapezoid_auc_agree_on_data_with_many_ties() {
    // two independent computations of the same number; scores on a coarse grid so that ties are common
    Random random = new Random(3);
    boolean[] positive = new boolean[500];
    double[] score = new double[500];
    for (int i = 0; i < score.length; i++) {
      positive[i] = random.nextBoolean();
      score[i] = Math.round((positive[i] ? 0.6 : 0.4) * 10 + random.nextGaussian() * 2) / 10.0;
    }
    double byRanks = Metrics.rocAuc(positive, score);
    assertThat(byRanks).isBetween(0.6, 0.9);
    assertThat(RocCurve.binary("p", positive, score).auc()).isCloseTo(byRanks, within(1e-12));
    assertThat(RocCurve.binary("p", positive, score, true).auc()).isCloseTo(byRanks, within(1e-12));
  }

  @Test
  void macro_auc_is_the_mean_of_the_one_vs_rest_aucs() {
    int[] truth = {0, 1, 2, 0, 1, 2};
    double[] proba = {
        0.7, 0.2, 0.1,
        0.3, 0.4, 0.3,
        0.2, 0.5, 0.3,
        0.4, 0.4, 0.2,
        0.1, 0.6, 0.3,
        0.1, 0.1, 0.8};
    // class 0: positives {.7, .4} against {.3, .2, .1, .1}: all 8 pairs won -> 1
    // class 1: positives {.4, .6} against {.2, .5, .4, .1}: .4 wins 2 of 4 plus a tie (2.5), .6 wins 4 -> 6.5/8
    // class 2: positives {.3, .8} against {.1, .3, .2, .3}: .3 wins 2 plus two ties (3), .8 wins 4 -> 7/8
    double[] perClass = Metrics.perClassRocAuc(truth, proba, 3);
    assertThat(perClass).containsExactly(new double[] {1, 6.5 / 8, 7.0 / 8}, within(1e-15));
    assertThat(Metrics.rocAucOvr(truth, proba, 3)).isCloseTo((1 + 6.5 / 8 + 7.0 / 8) / 3, within(1e-15));
  }

  @Test
  void argmax_takes_the_first_of_equal_probabilities() {
    assertThat(Metrics.argmax(new double[] {0.4, 0.4, 0.2, 0.1, 0.2, 0.7}, 3)).containsExactly(0, 2);
  }
}
