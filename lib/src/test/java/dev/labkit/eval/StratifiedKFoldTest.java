package dev.labkit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StratifiedKFoldTest {
  private static final List<String> NAMES = List.of("Shirt", "Sneaker", "Bag");
  private final int[] labels = Blobs.labels(23, 11, 7);

  @Test
  void every_example_is_tested_exactly_once_and_trained_on_elsewhere() {
    List<StratifiedKFold.Fold> folds = StratifiedKFold.split(labels, NAMES, 5, 1);
    int[] tested = new int[labels.length];
    for (StratifiedKFold.Fold fold : folds) {
      Arrays.stream(fold.test()).forEach(i -> tested[i]++);
      assertThat(fold.train().length + fold.test().length).isEqualTo(labels.length);
      assertThat(Arrays.stream(fold.train()).boxed().toList()).doesNotContainAnyElementsOf(
          Arrays.stream(fold.test()).boxed().toList());
    }
    assertThat(tested).containsOnly(1);
  }

  @Test
  void each_class_is_spread_as_evenly_as_possible_across_folds() {
    // the counts per (fold, class) of scikit-learn 1.2.1's StratifiedKFold, which deals the sorted labels
    // round-robin; printed by
    //   y = np.repeat([0, 1, 2], [23, 11, 7])
    //   [np.bincount(y[test], minlength=3) for _, test in
    //    StratifiedKFold(5, shuffle=True, random_state=1).split(np.zeros(41), y)]
    // (which examples go where differs: numpy's random numbers are not Java's)
    int[][] expected = {{5, 2, 2}, {5, 2, 1}, {5, 2, 1}, {4, 3, 1}, {4, 2, 2}};
    List<StratifiedKFold.Fold> folds = StratifiedKFold.split(labels, NAMES, 5, 1);
    for (StratifiedKFold.Fold fold : folds) {
      int[] counts = new int[3];
      Arrays.stream(fold.test()).forEach(i -> counts[labels[i]]++);
      assertThat(counts).as("fold %d", fold.index()).containsExactly(expected[fold.index()]);
    }
  }

  @Test
  void the_same_seed_gives_the_same_folds_and_another_seed_other_folds() {
    List<StratifiedKFold.Fold> a = StratifiedKFold.split(labels, NAMES, 4, 7);
    List<StratifiedKFold.Fold> b = StratifiedKFold.split(labels, NAMES, 4, 7);
    List<StratifiedKFold.Fold> c = StratifiedKFold.split(labels, NAMES, 4, 8);
    for (int f = 0; f < 4; f++) {
      assertThat(a.get(f).test()).containsExactly(b.get(f).test());
    }
    assertThat(a.get(0).test()).isNotEqualTo(c.get(0).test());
  }

  @Test
  void more_folds_than_the_smallest_class_has_examples_is_a_one_line_error() {
    assertThatThrownBy(() -> StratifiedKFold.split(labels, NAMES, 10, 1))
        .isInstanceOf(UserError.class)
        .hasMessage("k = 10 folds but class 'Bag' has only 7 examples; use k ≤ 7");
  }

  @Test
  void fewer_than_two_folds_is_an_error() {
    assertThatThrownBy(() -> StratifiedKFold.split(labels, NAMES, 1, 1))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("k must be ≥ 2 folds, got 1");
  }

  @Test
  void a_class_with_no_examples_does_not_limit_k() {
    int[] twoOfThree = Blobs.labels(6, 0, 6);
    assertThat(StratifiedKFold.split(twoOfThree, NAMES, 6, 1)).hasSize(6);
  }
}
