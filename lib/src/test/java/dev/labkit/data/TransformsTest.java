package dev.labkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformsTest {
  /** {@code n} examples of two features, label i mod classes, feature 0 = i, feature 1 = 5 (constant). */
  private static Dataset data(String id, int n, int classes) {
    float[] features = new float[2 * n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      features[2 * i] = i;
      features[2 * i + 1] = 5;
      labels[i] = i % classes;
    }
    List<String> names = List.of("a", "b", "c", "d").subList(0, classes);
    return new Dataset(id, "sha", Shape.flat(2), names, features, labels);
  }

  private static long count(Dataset data, int label) {
    return Arrays.stream(data.labels()).filter(l -> l == label).count();
  }

  @Test
  void standardize_uses_training_statistics_only_and_applies_them_to_both_parts() {
    Dataset train = data("t/train", 4, 2);  // feature 0: 0, 1, 2, 3 → mean 1.5, sd √1.25
    Dataset test = new Dataset("t/test", "sha", Shape.flat(2), List.of("a", "b"), new float[] {100, 5}, new int[] {0});
    TrainTest scaled = Transforms.standardize(new TrainTest(train, test));
    double sd = Math.sqrt(1.25);
    assertThat(scaled.train().features()[0]).isCloseTo((float) (-1.5 / sd), offset(1e-6f));
    assertThat(scaled.train().features()[6]).isCloseTo((float) (1.5 / sd), offset(1e-6f));
    assertThat(scaled.test().features()[0]).isCloseTo((float) ((100 - 1.5) / sd), offset(1e-4f));
    // the constant feature is 0 in both parts, also where the test part differs
    assertThat(scaled.train().features()[1]).isZero();
    assertThat(scaled.test().features()[1]).isZero();
    assertThat(train.features()[0]).isZero(); // the input is left as it was
  }

  @Test
  void scale_unit_and_symmetric_map_0_and_255_to_the_ends_of_their_range() {
    Dataset pixels = new Dataset("p", "sha", Shape.flat(3), List.of("a"), new float[] {0, 127.5f, 255}, new int[] {0});
    assertThat(Transforms.scaleUnit(pixels).features()).containsExactly(0f, 0.5f, 1f);
    assertThat(Transforms.scaleSymmetric(pixels).features()).containsExactly(-1f, 0f, 1f);
  }

  @Test
  void subset_keeps_each_class_share_and_is_the_same_for_the_same_seed() {
    Dataset all = data("t", 1000, 4);
    Dataset a = Transforms.subset(all, 100, 42);
    assertThat(a.size()).isEqualTo(100);
    for (int c = 0; c < 4; c++) {
      assertThat(count(a, c)).isEqualTo(25);
    }
    assertThat(Transforms.subset(all, 100, 42).features()).isEqualTo(a.features());
    assertThat(Transforms.subset(all, 100, 43).features()).isNotEqualTo(a.features());
    // each example stays whole: feature 0 still says which example it was
    for (int k = 0; k < a.size(); k++) {
      assertThat((int) a.features()[2 * k] % 4).isEqualTo(a.labels()[k]);
    }
  }

  @Test
  void subset_quotas_add_up_exactly_when_shares_do_not_divide() {
    Dataset all = data("t", 10, 3); // 4, 3, 3 examples of classes 0, 1, 2
    Dataset five = Transforms.subset(all, 5, 1);
    assertThat(five.size()).isEqualTo(5);
    assertThat(List.of(count(five, 0), count(five, 1), count(five, 2))).containsExactly(2L, 2L, 1L);
  }

  @Test
  void subset_larger_than_the_dataset_is_a_user_error() {
    assertThatThrownBy(() -> Transforms.subset(data("t", 10, 2), 11, 1))
        .hasMessage("t: cannot take 11 examples from 10; choose 0 (all) up to 10");
  }

  @Test
  void stratified_split_puts_the_fraction_of_each_class_in_the_test_part_and_loses_nothing() {
    Dataset all = data("d", 1000, 4);
    TrainTest split = Transforms.stratifiedSplit(all, 0.2, 7);
    assertThat(split.train().size()).isEqualTo(800);
    assertThat(split.test().size()).isEqualTo(200);
    assertThat(count(split.test(), 3)).isEqualTo(50);
    assertThat(split.train().id()).isEqualTo("d/split-train");
    float[] seen = new float[1000];
    for (Dataset part : List.of(split.train(), split.test())) {
      for (int k = 0; k < part.size(); k++) {
        seen[(int) part.features()[2 * k]]++;
      }
    }
    for (float times : seen) {
      assertThat(times).isEqualTo(1f);
    }
  }

  @Test
  void filter_classes_relabels_in_the_order_given_and_keeps_class_names() {
    Dataset all = data("d", 12, 4);
    Dataset two = Transforms.filterClasses(all, 3, 1);
    assertThat(two.classNames()).containsExactly("d", "b");
    assertThat(two.size()).isEqualTo(6);
    assertThat(two.labels()).containsExactly(1, 0, 1, 0, 1, 0);
    assertThat(two.features()[0]).isEqualTo(1f); // example 1 (class b) comes first, now label 1
    assertThat(two.id()).isEqualTo("d/classes=3,1");
    assertThatThrownBy(() -> Transforms.filterClasses(all, 1, 1))
        .hasMessage("d: cannot keep class 1; classes are distinct labels 0..3");
  }
}
