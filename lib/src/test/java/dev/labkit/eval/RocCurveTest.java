package dev.labkit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RocCurveTest {
  @Test
  void curve_has_one_point_per_distinct_score_after_the_origin() {
    // scores 0.8 (positive), 0.5 (positive and negative: one diagonal step), 0.2 (negative)
    RocCurve curve = RocCurve.binary("a", new boolean[] {true, true, false, false}, new double[] {0.8, 0.5, 0.5, 0.2});
    assertThat(curve.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.8, 0.5, 0.2);
    assertThat(curve.fpr()).containsExactly(0, 0, 0.5, 1);
    assertThat(curve.tpr()).containsExactly(0, 0.5, 1, 1);
  }

  @Test
  void dropping_intermediate_points_keeps_only_the_bends() {
    // scores by decreasing value: + + + - - -: the full curve climbs (0,1/3), (0,2/3), (0,1) then runs right
    boolean[] positive = {true, true, true, false, false, false};
    double[] score = {0.9, 0.8, 0.7, 0.3, 0.2, 0.1};
    RocCurve full = RocCurve.binary("a", positive, score);
    RocCurve dropped = RocCurve.binary("a", positive, score, true);
    assertThat(full.size()).isEqualTo(7);
    // kept: the origin, the first threshold, the corner (0, 1) and the last point
    assertThat(dropped.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.9, 0.7, 0.1);
    assertThat(dropped.fpr()).containsExactly(0, 0, 0, 1);
    assertThat(dropped.tpr()).containsExactly(0, 1.0 / 3, 1, 1);
    assertThat(dropped.auc()).isEqualTo(full.auc()).isEqualTo(1.0);
  }

  @Test
  void one_vs_rest_gives_a_curve_per_class_named_after_it() {
    List<RocCurve> curves = RocCurve.oneVsRest(new int[] {0, 1, 1}, new double[] {0.9, 0.1, 0.3, 0.7, 0.4, 0.6},
        List.of("cat", "dog"), false);
    assertThat(curves).extracting(RocCurve::label).containsExactly("cat", "dog");
    assertThat(curves).extracting(RocCurve::auc).containsExactly(1.0, 1.0);
  }
}
