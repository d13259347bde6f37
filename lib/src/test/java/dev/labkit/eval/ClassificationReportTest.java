package dev.labkit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {
  // truth:     0 0 0 1 1 2
  // predicted: 0 0 1 1 2 2
  // class 0: tp 2, predicted 2, support 3 -> p 1, r 2/3, f1 0.8
  // class 1: tp 1, predicted 2, support 2 -> p 1/2, r 1/2, f1 1/2
  // class 2: tp 1, predicted 2, support 1 -> p 1/2, r 1, f1 2/3
  private final ClassificationReport report = ClassificationReport.of(
      new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 2}, List.of("a", "b", "c"));

  @Test
  void per_class_scores_match_hand_computation() {
    assertThat(report.classes().get(0).precision()).isEqualTo(1.0);
    assertThat(report.classes().get(0).recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(report.classes().get(0).f1()).isCloseTo(0.8, within(1e-12));
    assertThat(report.classes().get(1).f1()).isCloseTo(0.5, within(1e-12));
    assertThat(report.classes().get(2).recall()).isEqualTo(1.0);
    assertThat(report.classes().get(2).f1()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(report.classes().get(0).support()).isEqualTo(3);
  }

  @Test
  void accuracy_and_averages_match_hand_computation() {
    assertThat(report.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(report.macro().f1()).isCloseTo((0.8 + 0.5 + 2.0 / 3) / 3, within(1e-12));
    assertThat(report.weighted().f1()).isCloseTo((0.8 * 3 + 0.5 * 2 + 2.0 / 3) / 6, within(1e-12));
    assertThat(report.macro().precision()).isCloseTo((1 + 0.5 + 0.5) / 3, within(1e-12));
  }

  @Test
  void confusion_matrix_rows_are_true_classes() {
    ConfusionMatrix cm = report.confusion();
    assertThat(cm.counts()).isEqualTo(new long[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}});
    assertThat(cm.rowNormalized()[0]).containsExactly(2.0 / 3, 1.0 / 3, 0.0);
    assertThat(cm.total()).isEqualTo(6);
  }

  @Test
  void a_class_never_predicted_scores_zero_instead_of_dividing_by_zero() {
    ClassificationReport r = ClassificationReport.of(new int[] {0, 1}, new int[] {0, 0}, List.of("a", "b"));
    assertThat(r.classes().get(1).precision()).isZero();
    assertThat(r.classes().get(1).f1()).isZero();
  }
}
