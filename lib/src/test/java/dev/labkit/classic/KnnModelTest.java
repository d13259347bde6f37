package dev.labkit.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.Knn;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnnModelTest {
  static Dataset random(String id, int n, int d, long seed) {
    Random random = new Random(seed);
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    int[] y = IntStream.range(0, n).map(i -> random.nextInt(4)).toArray();
    return new Dataset(id, "", Shape.flat(d), List.of("a", "b", "c", "d"), x, y);
  }

  /** The k nearest by a plain double loop and a full sort: what the blocked search must reproduce. */
  static int[] bruteForce(Dataset train, Dataset query, int i, int k) {
    int d = train.featureCount();
    double[] dist = new double[train.size()];
    for (int j = 0; j < train.size(); j++) {
      double s = 0;
      for (int t = 0; t < d; t++) {
        double diff = query.features()[i * d + t] - train.features()[j * d + t];
        s += diff * diff;
      }
      dist[j] = s;
    }
    return IntStream.range(0, train.size()).boxed().sorted(Comparator.comparingDouble(j -> dist[j]))
        .limit(k).mapToInt(Integer::intValue).toArray();
  }

  @Test
  void neighbours_are_those_a_plain_double_search_finds_for_ragged_sizes() {
    // sizes that are not multiples of 4 (the block) nor of 64 (the tile), and d not a multiple of a vector
    Dataset train = random("train", 203, 37, 1);
    Dataset query = random("query", 71, 37, 2);
    KnnModel model = KnnModel.fit(Knn.defaults().k(7), train);
    KnnModel.Neighbours found = model.neighbours(query);
    for (int i = 0; i < query.size(); i++) {
      assertThat(Arrays.copyOfRange(found.index(), i * 7, i * 7 + 7)).as("query %d", i)
          .containsExactly(bruteForce(train, query, i, 7));
    }
  }

  @Test
  void squared_distances_are_reported_nearest_first() {
    Dataset train = new Dataset("t", "", Shape.flat(2), List.of("a", "b"), new float[] {0, 0, 3, 4, 1, 0},
        new int[] {0, 1, 0});
    Dataset query = new Dataset("q", "", Shape.flat(2), List.of("a", "b"), new float[] {0, 0}, new int[] {0});
    KnnModel.Neighbours found = KnnModel.fit(Knn.defaults().k(3), train).neighbours(query);
    assertThat(found.index()).containsExactly(0, 2, 1);
    assertThat(found.distance()).containsExactly(0f, 1f, 25f);
  }

  @Test
  void uniform_votes_are_shares_and_distance_votes_are_weighted_by_one_over_distance() {
    // query at 0; neighbours at 1 (class a), 2 (class b), 4 (class b)
    Dataset train = new Dataset("t", "", Shape.flat(1), List.of("a", "b"), new float[] {1, 2, 4},
        new int[] {0, 1, 1});
    Dataset query = new Dataset("q", "", Shape.flat(1), List.of("a", "b"), new float[] {0}, new int[] {0});
    assertThat(KnnModel.fit(Knn.defaults().k(3), train).predictProba(query))
        .containsExactly(new double[] {1 / 3.0, 2 / 3.0}, within(1e-12));
    double a = 1;
    double b = 1 / 2.0 + 1 / 4.0;
    assertThat(KnnModel.fit(new Knn(3, Knn.Weights.DISTANCE), train).predictProba(query))
        .containsExactly(new double[] {a / (a + b), b / (a + b)}, within(1e-6));
  }

  @Test
  void with_distance_weights_an_exact_match_takes_all_the_votes() {
    Dataset train = new Dataset("t", "", Shape.flat(1), List.of("a", "b"), new float[] {0, 0.1f, 0.2f},
        new int[] {0, 1, 1});
    Dataset query = new Dataset("q", "", Shape.flat(1), List.of("a", "b"), new float[] {0}, new int[] {0});
    assertThat(KnnModel.fit(new Knn(3, Knn.Weights.DISTANCE), train).predictProba(query))
        .containsExactly(1.0, 0.0);
  }

  @Test
  void one_neighbour_reproduces_the_training_labels() {
    Dataset train = random("train", 50, 5, 3);
    assertThat(KnnModel.fit(Knn.defaults().k(1), train).predict(train)).containsExactly(train.labels());
  }

  @Test
  void k_larger_than_the_training_set_is_a_one_line_error() {
    Dataset train = random("tiny/train", 3, 2, 1);
    assertThatThrownBy(() -> KnnModel.fit(Knn.defaults(), train)).isInstanceOf(UserError.class)
        .hasMessage("k 5 is more than the 3 examples of tiny/train; choose k ≤ 3");
  }

  @Test
  void memory_is_the_kept_training_rows_norms_and_labels_with_padding() {
    KnnModel model = KnnModel.fit(Knn.defaults(), random("train", 10, 3, 1));
    int padded = (10 + 31) / 32 * 32; // one panel of up to 32 rows (16-float vectors), or more with narrower vectors
    assertThat(model.memoryBytes()).isBetween(4L * (10 * 3 + 10 + 10), 4L * (padded * 3 + padded + 10));
  }
}
