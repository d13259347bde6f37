package dev.labkit.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.Criterion;
import dev.labkit.model.RandomForest;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** labkit's own random forest: its binning, its split search against numbers worked by hand, its determinism. */
class ForestModelTest {
  /** One feature, values 1..7, labels 0 0 1 0 1 1 1. */
  static Dataset seven() {
    return new Dataset("seven", "", Shape.flat(1), List.of("a", "b"), new float[] {1, 2, 3, 4, 5, 6, 7},
        new int[] {0, 0, 1, 0, 1, 1, 1});
  }

  static BinnedTree stump(Dataset data, Criterion criterion) {
    int[] once = new int[data.size()];
    Arrays.fill(once, 1); // no bootstrap: every example once
    return new TreeGrower(FeatureBins.of(data), data.labels(), data.numClasses(), criterion,
        TreeGrower.table(criterion, data.size()), 1, 1).grow(once, new SplittableRandom(1));
  }

  @Test
  void the_root_split_minimises_the_gini_impurity_worked_out_by_hand() {
    // n_L·gini_L + n_R·gini_R at each threshold: 1.5 → 2.67, 2.5 → 1.6 ({1,0,1,1,1}: 5·8/25), 3.5 → 2.83,
    // 4.5 → 1.5 ({0,0,1,0}: 4·6/16, then {1,1,1}: 0), 5.5 → 2.4, 6.5 → 3: the best is 4.5
    BinnedTree tree = stump(seven(), Criterion.GINI);
    assertThat(tree.feature()[0]).isEqualTo(0);
    assertThat(tree.threshold()[0]).isEqualTo(4.5f);
    // the left leaf holds 3 of class a and 1 of b; the right one is pure b
    double[] left = new double[2];
    tree.addShares(new float[] {1}, 0, left, 0, 2);
    assertThat(left).containsExactly(0.75, 0.25);
    double[] right = new double[2];
    tree.addShares(new float[] {7}, 0, right, 0, 2);
    assertThat(right).containsExactly(0.0, 1.0);
  }

  @Test
  void entropy_picks_the_split_of_least_entropy_worked_out_by_hand() {
    // n·H: 2.5 → 5·H(1/5) = 2.502, 4.5 → 4·H(1/4) = 2.249 (the others are larger): 4.5 again
    assertThat(stump(seven(), Criterion.ENTROPY).threshold()[0]).isEqualTo(4.5f);
    // and a threshold that leaves both sides pure (entropy 0) is taken over every other
    Dataset pure = new Dataset("p", "", Shape.flat(1), List.of("a", "b"), new float[] {1, 2, 3, 4},
        new int[] {0, 0, 0, 1});
    assertThat(stump(pure, Criterion.ENTROPY).threshold()[0]).isEqualTo(3.5f);
  }

  @Test
  void eight_bit_values_get_one_bin_each_and_thresholds_halfway_between_them() {
    float[] column = new float[1000];
    for (int i = 0; i < column.length; i++) {
      column[i] = (i * 37 % 256) / 255f;
    }
    float[] distinct = FeatureBins.fewDistinct(column);
    assertThat(distinct).hasSize(256);
    assertThat(distinct[0]).isZero();
    assertThat(distinct[255]).isEqualTo(1f);
    Dataset data = new Dataset("c", "", Shape.flat(1), List.of("a"), column, new int[column.length]);
    FeatureBins bins = FeatureBins.of(data);
    assertThat(bins.count(0)).isEqualTo(256);
    assertThat(bins.bins[1] & 0xFF).isEqualTo(37);
    assertThat(bins.threshold(0, 10, 12)).isEqualTo((float) (10 / 255f / 2.0 + 12 / 255f / 2.0));
  }

  @Test
  void a_feature_with_many_values_gets_256_quantile_bins() {
    float[] column = new float[25600];
    for (int i = 0; i < column.length; i++) {
      column[i] = (float) Math.sqrt(i); // all distinct
    }
    FeatureBins bins = FeatureBins.of(new Dataset("q", "", Shape.flat(1), List.of("a"), column,
        new int[column.length]));
    assertThat(bins.count(0)).isEqualTo(256);
    int[] perBin = new int[256];
    for (byte b : bins.bins) {
      perBin[b & 0xFF]++;
    }
    assertThat(perBin).containsOnly(100); // n / 256 each
    // the threshold after bin 0 lies between its largest value (√99) and bin 1's smallest (√100)
    assertThat(bins.threshold(0, 0, 1)).isBetween((float) Math.sqrt(99), 10f);
  }

  /** Class 0 below 0.47, class 1 above 0.53, on two 8-bit features that both tell; train on even levels. */
  static Dataset separable(int parity) {
    int n = 0;
    float[] x = new float[512];
    int[] y = new int[256];
    for (int level = parity; level < 256; level += 2) {
      if (level >= 120 && level < 136) {
        continue;
      }
      x[2 * n] = level / 255f;
      x[2 * n + 1] = (255 - level) / 255f;
      y[n++] = level < 128 ? 0 : 1;
    }
    return new Dataset("separable", "", Shape.flat(2), List.of("a", "b"), Arrays.copyOf(x, 2 * n),
        Arrays.copyOf(y, n));
  }

  @Test
  void a_separable_set_is_classified_without_error_and_probabilities_sum_to_one() {
    ForestModel forest = ForestModel.fit(RandomForest.defaults().trees(10), separable(0), 3);
    Dataset test = separable(1);
    assertThat(forest.predict(test)).containsExactly(test.labels());
    double[] proba = forest.predictProba(test);
    for (int i = 0; i < test.size(); i++) {
      assertThat(proba[2 * i] + proba[2 * i + 1]).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void the_same_seed_gives_the_same_forest_on_one_thread_or_all() throws Exception {
    Dataset train = ClassicModelsTest.blobs(300, 4);
    RandomForest spec = RandomForest.defaults().trees(12).criterion(Criterion.ENTROPY);
    double[] all = ForestModel.fit(spec, train, 9).predictProba(train);
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      double[] single = one.submit(() -> ForestModel.fit(spec, train, 9).predictProba(train)).get();
      assertThat(single).containsExactly(all);
    } finally {
      one.shutdown();
    }
    assertThat(ForestModel.fit(spec, train, 10).predictProba(train)).isNotEqualTo(all);
  }

  @Test
  void a_depth_limit_stops_every_tree_at_that_depth() {
    ForestModel stumps = ForestModel.fit(RandomForest.defaults().trees(7).maxDepth(1), ClassicModelsTest.blobs(90, 2), 1);
    assertThat(stumps.trees()).isEqualTo(7);
    assertThat(stumps.leaves()).isEqualTo(14);
  }
}
