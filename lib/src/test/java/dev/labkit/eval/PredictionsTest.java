package dev.labkit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The helpers your own metric is written with, on three examples worked out by hand. */
class PredictionsTest {
  // truth 0 ranked 1st, truth 1 ranked 2nd (0.5 above it), truth 2 ranked 3rd
  static final Predictions P = new Predictions(new int[] {0, 1, 2}, new int[] {0, 0, 1},
      new double[] {0.7, 0.2, 0.1, 0.5, 0.3, 0.2, 0.3, 0.6, 0.1}, List.of("a", "b", "c"));

  @Test
  void the_rank_of_the_true_class_and_shares_over_examples() {
    assertThat(List.of(P.rankOfTruth(0), P.rankOfTruth(1), P.rankOfTruth(2))).containsExactly(0, 1, 2);
    assertThat(P.share(i -> P.rankOfTruth(i) < 2)).isEqualTo(2.0 / 3); // top-2 accuracy
    assertThat(P.accuracy()).isEqualTo(1.0 / 3);
  }
}
