package dev.labkit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.data.Dataset;
import dev.labkit.model.LogisticRegression;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectedTTestTest {
  // five folds of 100 examples each: every fold trains on 400 and tests on 100, n_test/n_train = 1/4
  private final double[] a = {0.80, 0.82, 0.84, 0.81, 0.83};
  private final double[] b = {0.78, 0.80, 0.81, 0.80, 0.80};

  @Test
  void t_statistic_uses_the_nadeau_bengio_variance_factor() {
    // by hand: d = 0.02 0.02 0.03 0.01 0.03, mean 0.022, sample variance 2.8e-4 / 4 = 7e-5,
    // factor 1/5 + 100/400 = 0.45, t = 0.022 / sqrt(0.45 · 7e-5) = 3.91983...
    CorrectedTTest.Result result = CorrectedTTest.compare(a, b, 400, 100, 0.05, true);
    assertThat(result.meanDifference()).isCloseTo(0.022, within(1e-12));
    assertThat(result.t()).isCloseTo(0.022 / Math.sqrt(0.45 * 7e-5), within(1e-9));
    assertThat(result.df()).isEqualTo(4);
  }

  @Test
  void p_value_is_five_percent_at_the_tabled_critical_value() {
    // Student's t table: t(0.975; 4) = 2.776445, t(0.975; 9) = 2.262157, t(0.995; 4) = 4.604095
    assertThat(CorrectedTTest.twoSidedP(2.776445105, 4)).isCloseTo(0.05, within(1e-8));
    assertThat(CorrectedTTest.twoSidedP(-2.262157163, 9)).isCloseTo(0.05, within(1e-8));
    assertThat(CorrectedTTest.twoSidedP(4.604094871, 4)).isCloseTo(0.01, within(1e-8));
    assertThat(CorrectedTTest.twoSidedP(0, 4)).isCloseTo(1, within(1e-12));
    // scipy 1.10.1: 2 * stats.t.sf(1.3, 2) and 2 * stats.t.sf(0.5, 30); tolerance 1e-8 because Smile's
    // incomplete beta (a continued fraction) stops at about 1e-9, far finer than any alpha needs
    assertThat(CorrectedTTest.twoSidedP(1.3, 2)).isCloseTo(0.32324703181604053, within(1e-8));
    assertThat(CorrectedTTest.twoSidedP(0.5, 30)).isCloseTo(0.6207230048851273, within(1e-8));
  }

  @Test
  void a_consistent_gain_is_a_win_for_a_and_a_loss_for_b() {
    CorrectedTTest.Result ab = CorrectedTTest.compare(a, b, 400, 100, 0.05, true);
    CorrectedTTest.Result ba = CorrectedTTest.compare(b, a, 400, 100, 0.05, true);
    // scipy 1.10.1: 2 * stats.t.sf(3.9198315480489008, 4) = 0.017250135686144915
    assertThat(ab.t()).isCloseTo(3.9198315480489008, within(1e-9));
    assertThat(ab.pValue()).isCloseTo(0.017250135686144915, within(1e-8));
    assertThat(ab.mark()).isEqualTo(CorrectedTTest.Mark.WIN);
    assertThat(ba.mark()).isEqualTo(CorrectedTTest.Mark.LOSS);
    assertThat(ba.pValue()).isCloseTo(ab.pValue(), within(1e-15));
  }

  @Test
  void for_a_lower_is_better_metric_a_higher_score_is_a_loss() {
    assertThat(CorrectedTTest.compare(a, b, 400, 100, 0.05, false).mark()).isEqualTo(CorrectedTTest.Mark.LOSS);
  }

  @Test
  void the_same_gain_is_a_tie_at_a_stricter_alpha() {
    assertThat(CorrectedTTest.compare(a, b, 400, 100, 0.01, true).mark()).isEqualTo(CorrectedTTest.Mark.TIE);
  }

  @Test
  void the_correction_makes_the_test_more_cautious_than_a_plain_paired_t_test() {
    // plain paired t: factor 1/k = 0.2 instead of 0.45, so t is larger by sqrt(0.45 / 0.2) = 1.5
    double plain = 0.022 / Math.sqrt(0.2 * 7e-5);
    assertThat(plain / CorrectedTTest.compare(a, b, 400, 100, 0.05, true).t()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void identical_scores_are_a_tie_with_p_one() {
    CorrectedTTest.Result result = CorrectedTTest.compare(a, a.clone(), 400, 100, 0.05, true);
    assertThat(result.t()).isZero();
    assertThat(result.pValue()).isCloseTo(1, within(1e-12));
    assertThat(result.mark()).isEqualTo(CorrectedTTest.Mark.TIE);
  }

  @Test
  void a_constant_nonzero_difference_is_significant() {
    CorrectedTTest.Result result = CorrectedTTest.compare(new double[] {0.9, 0.8, 0.7}, new double[] {0.8, 0.7, 0.6},
        400, 100, 0.05, true);
    assertThat(result.pValue()).isLessThan(1e-6);
    assertThat(result.mark()).isEqualTo(CorrectedTTest.Mark.WIN);
  }

  @Test
  void a_model_that_learns_beats_one_penalised_to_guessing_on_the_same_folds() {
    Dataset data = Blobs.three(300, 2, 8);
    List<StratifiedKFold.Fold> folds = StratifiedKFold.split(data, 5, 3);
    CvResult learns = CrossValidation.run(LogisticRegression.defaults(), data, folds, event -> {});
    // c = 1e-5 pins the weights near 0: every probability near 1/3, log-loss near log 3 on every fold
    CvResult guesses = CrossValidation.run(LogisticRegression.defaults().c(1e-5), data, folds, event -> {});
    CorrectedTTest.Result result = CorrectedTTest.compare(learns, guesses, Metric.LOG_LOSS, 0.05);
    assertThat(result.meanDifference()).isNegative();
    assertThat(result.mark()).isEqualTo(CorrectedTTest.Mark.WIN);
    assertThat(CorrectedTTest.compare(guesses, learns, Metric.LOG_LOSS, 0.05).mark())
        .isEqualTo(CorrectedTTest.Mark.LOSS);
    assertThat(learns.meanTrainSize()).isEqualTo(240);
    assertThat(learns.meanTestSize()).isEqualTo(60);
  }
}
