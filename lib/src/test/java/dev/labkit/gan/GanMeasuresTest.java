package dev.labkit.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GanMeasuresTest {
  static final float[] CROSS = {1, 0, -1, 0, 0, 2, 0, -2}; // mean 0, variances 2/3 and 8/3, no covariance

  @Test
  void fid_of_a_set_with_itself_is_zero() {
    float[] x = gaussian(500, 6, 1);
    assertThat(Fid.between(x, x, 6)).isCloseTo(0, within(1e-6));
  }

  @Test
  void fid_matches_the_hand_computation_on_diagonal_covariances() {
    float[] b = new float[8];
    for (int i = 0; i < 4; i++) {
      b[2 * i] = 3 * CROSS[2 * i] + 1;
      b[2 * i + 1] = CROSS[2 * i + 1] + 1;
    }
    // ‖(1, 1)‖² + (√(2/3) − √6)² + (√(8/3) − √(8/3))² = 2 + 2/3 + 6 − 2·2 = 14/3
    assertThat(Fid.between(CROSS, b, 2)).isCloseTo(14.0 / 3, within(1e-9));
  }

  @Test
  void fid_does_not_change_when_both_sets_are_rotated_so_their_covariances_are_no_longer_diagonal() {
    float[] a = gaussian(300, 3, 2);
    float[] b = gaussian(300, 3, 3);
    for (int i = 0; i < 300; i++) {
      b[3 * i] = 2 * b[3 * i] + 0.5f; // a wider, shifted first feature
    }
    double before = Fid.between(a, b, 3);
    assertThat(before).isGreaterThan(1);
    assertThat(Fid.between(rotate(a), rotate(b), 3)).isCloseTo(before, within(1e-4 * before));
  }

  @Test
  void fid_of_shifted_features_is_the_squared_shift() {
    float[] a = gaussian(400, 4, 4);
    float[] shifted = a.clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] += 0.5f;
    }
    assertThat(Fid.between(a, shifted, 4)).isCloseTo(4 * 0.25, within(1e-4));
  }

  @Test
  void the_matrix_square_root_squares_back_to_the_matrix() {
    double[] m = {2, 1, 0, 1, 3, 1, 0, 1, 4};
    double[] root = SymmetricEigen.of(m, 3).sqrtMatrix();
    double[] square = Fid.multiply(root, root, 3);
    for (int i = 0; i < 9; i++) {
      assertThat(square[i]).isCloseTo(m[i], within(1e-10));
    }
  }

  @Test
  void a_uniform_histogram_is_not_collapsed_and_two_classes_of_ten_are() {
    List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    int[] even = new int[1000];
    for (int i = 0; i < even.length; i++) {
      even[i] = i % 10;
    }
    ClassHistogram uniform = ClassHistogram.of(even, names);
    assertThat(uniform.klUniform()).isCloseTo(0, within(1e-12));
    assertThat(uniform.collapsed()).isFalse();
    assertThat(uniform.verdict()).startsWith("no mode collapse");

    int[] two = new int[1000];
    for (int i = 0; i < two.length; i++) {
      two[i] = i % 2 == 0 ? 3 : 7;
    }
    ClassHistogram collapsed = ClassHistogram.of(two, names);
    assertThat(collapsed.klUniform()).isCloseTo(Math.log(5), within(1e-12));
    assertThat(collapsed.collapsed()).isTrue();
    assertThat(collapsed.verdict()).startsWith("MODE COLLAPSE").contains("0.0 %");
  }

  @Test
  void one_class_a_little_rare_is_flagged_by_its_share_alone() {
    int[] predicted = new int[1000];
    for (int i = 0; i < 1000; i++) {
      predicted[i] = i < 15 ? 0 : 1 + i % 9; // class 0 at 1.5 %
    }
    ClassHistogram h = ClassHistogram.of(predicted, Collections.nCopies(10, "c"));
    assertThat(h.klUniform()).isLessThan(ClassHistogram.MAX_KL);
    assertThat(h.collapsed()).isTrue();
  }

  @Test
  void a_generator_covering_one_of_two_real_clusters_has_full_precision_and_half_recall() {
    Random random = new Random(5);
    float[] real = new float[400 * 2];
    for (int i = 0; i < 400; i++) {
      float centre = i % 2 == 0 ? 0 : 10;
      real[2 * i] = centre + (float) random.nextGaussian();
      real[2 * i + 1] = centre + (float) random.nextGaussian();
    }
    float[] fake = new float[200 * 2];
    for (int i = 0; i < 200; i++) {
      fake[2 * i] = 0.5f * (float) random.nextGaussian();
      fake[2 * i + 1] = 0.5f * (float) random.nextGaussian();
    }
    PrecisionRecall pr = PrecisionRecall.of(real, fake, 2);
    assertThat(pr.precision()).isGreaterThan(0.97);
    assertThat(pr.recall()).isBetween(0.2, 0.5);
    PrecisionRecall same = PrecisionRecall.of(real, real, 2);
    assertThat(same.precision()).isEqualTo(1.0);
    assertThat(same.recall()).isEqualTo(1.0);
  }

  @Test
  void linear_and_spherical_interpolation_start_and_end_at_the_ends_and_slerp_keeps_the_length() {
    float[] a = {3, 0};
    float[] b = {0, 3};
    assertThat(Interpolation.linear(a, b, 0)).containsExactly(3, 0);
    assertThat(Interpolation.spherical(a, b, 1)[1]).isCloseTo(3f, within(1e-6f));
    float[] mid = Interpolation.spherical(a, b, 0.5);
    assertThat(Math.hypot(mid[0], mid[1])).isCloseTo(3, within(1e-6));
    float[] linearMid = Interpolation.linear(a, b, 0.5);
    assertThat(Math.hypot(linearMid[0], linearMid[1])).isCloseTo(3 / Math.sqrt(2), within(1e-6));
  }

  static float[] gaussian(int n, int d, long seed) {
    Random random = new Random(seed);
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian() * (1 + i % d);
    }
    return x;
  }

  /** Each row rotated by 30° in the plane of its first two features. */
  static float[] rotate(float[] x) {
    float[] out = x.clone();
    double c = Math.cos(Math.PI / 6);
    double s = Math.sin(Math.PI / 6);
    for (int i = 0; i < x.length / 3; i++) {
      out[3 * i] = (float) (c * x[3 * i] - s * x[3 * i + 1]);
      out[3 * i + 1] = (float) (s * x[3 * i] + c * x[3 * i + 1]);
    }
    return out;
  }
}
