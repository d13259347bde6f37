package dev.labkit.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.Criterion;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.model.DecisionTree;
import dev.labkit.model.GaussianNaiveBayes;
import dev.labkit.model.Knn;
import dev.labkit.model.RandomForest;
import dev.labkit.model.Svm;
import dev.labkit.ground.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Smile-backed models, through {@link Fitting}, on small separable blobs. */
class ClassicModelsTest {
  /** Three well separated Gaussian blobs in 2-D (sd 0.5, centres 4 apart). */
  static Dataset blobs(int n, long seed) {
    Random random = new Random(seed);
    double[][] centres = {{0, 0}, {4, 0}, {0, 4}};
    float[] x = new float[n * 2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      x[2 * i] = (float) (centres[y[i]][0] + 0.5 * random.nextGaussian());
      x[2 * i + 1] = (float) (centres[y[i]][1] + 0.5 * random.nextGaussian());
    }
    return new Dataset("blobs", "", Shape.flat(2), List.of("a", "b", "c"), x, y);
  }

  static double accuracy(Classifier model, Dataset data) {
    int[] predicted = model.predict(data);
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      correct += predicted[i] == data.labels()[i] ? 1 : 0;
    }
    return (double) correct / predicted.length;
  }

  static void assertProbabilities(double[] proba, int n, int k) {
    assertThat(proba).hasSize(n * k);
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int c = 0; c < k; c++) {
        assertThat(proba[i * k + c]).isBetween(0.0, 1.0);
        sum += proba[i * k + c];
      }
      assertThat(sum).isCloseTo(1.0, within(1e-9));
    }
  }

  @Test
  void every_model_separates_blobs_and_gives_probabilities_that_sum_to_one() {
    Dataset train = blobs(300, 1);
    Dataset test = blobs(150, 2);
    List<ClassifierSpec<?>> specs = List.of(Svm.defaults(), RandomForest.defaults().trees(20), Knn.defaults(),
        DecisionTree.defaults(), GaussianNaiveBayes.defaults());
    for (ClassifierSpec<?> spec : specs) {
      Classifier model = Fitting.fit(spec, train, 7, event -> {});
      assertThat(model.numClasses()).as(spec.name()).isEqualTo(3);
      assertThat(accuracy(model, test)).as(spec.name()).isGreaterThan(0.97);
      assertProbabilities(model.predictProba(test), test.size(), 3);
    }
  }

  @Test
  void fitted_models_report_fit_time_predict_time_and_memory() {
    Dataset train = blobs(90, 1);
    for (ClassifierSpec<?> spec : List.<ClassifierSpec<?>>of(Svm.defaults(), RandomForest.defaults().trees(5), Knn.defaults(),
        DecisionTree.defaults(), GaussianNaiveBayes.defaults())) {
      Measured model = (Measured) Fitting.fit(spec, train, 7, event -> {});
      assertThat(model.fitSeconds()).as(spec.name()).isPositive().isLessThan(60); // measured, in seconds (not ns, not ms)
      assertThat(model.predictSeconds()).as(spec.name()).isNaN();
      ((Classifier) model).predict(train);
      assertThat(model.predictSeconds()).as(spec.name()).isPositive().isLessThan(60);
      assertThat(model.memoryBytes()).as(spec.name()).isPositive();
    }
  }

  @Test
  void fitting_announces_the_model_and_its_fit_time() {
    List<Event> events = new ArrayList<>();
    Fitting.fit(Knn.defaults(), blobs(30, 1), 7, events::add);
    assertThat(events).extracting(e -> ((Event.Phase) e).text())
        .first().isEqualTo("fitting knn on 30 examples");
    assertThat(((Event.Phase) events.get(1)).text()).startsWith("fitted knn in ");
  }

  @Test
  void a_forest_is_the_same_for_the_same_seed_and_differs_for_another() {
    Dataset train = blobs(120, 3);
    RandomForest spec = RandomForest.defaults().trees(10);
    double[] first = Fitting.fit(spec, train, 5, e -> {}).predictProba(train);
    double[] again = Fitting.fit(spec, train, 5, e -> {}).predictProba(train);
    double[] other = Fitting.fit(spec, train, 6, e -> {}).predictProba(train);
    assertThat(again).containsExactly(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void a_tree_limited_to_depth_one_has_two_leaves() {
    TreeModel stump = TreeModel.fit(DecisionTree.defaults().maxDepth(1).criterion(Criterion.ENTROPY), blobs(90, 1));
    assertThat(stump.leaves()).isEqualTo(2);
    TreeModel two = TreeModel.fit(DecisionTree.defaults().maxDepth(2), blobs(90, 1));
    assertThat(two.leaves()).isBetween(3, 4);
  }

  @Test
  void gaussian_naive_bayes_matches_the_posterior_computed_by_hand() {
    // one feature; class 0 at {0, 2} (mean 1, variance 1), class 1 at {4, 6, 8} (mean 6, variance 8/3)
    Dataset train = new Dataset("tiny", "", Shape.flat(1), List.of("a", "b"), new float[] {0, 2, 4, 6, 8},
        new int[] {0, 0, 1, 1, 1});
    Dataset query = new Dataset("q", "", Shape.flat(1), List.of("a", "b"), new float[] {3}, new int[] {0});
    double[] proba = NaiveBayesModel.fit(new GaussianNaiveBayes(0), train).predictProba(query);
    double p0 = 0.4 * Math.exp(-0.5 * 4 / 1.0) / Math.sqrt(1.0);
    double p1 = 0.6 * Math.exp(-0.5 * 9 / (8 / 3.0)) / Math.sqrt(8 / 3.0);
    assertThat(proba[0]).isCloseTo(p0 / (p0 + p1), within(1e-9));
  }

  @Test
  void svm_gamma_scale_is_one_over_features_times_the_variance_of_all_values() {
    // values 0, 1, 2, 3: variance 1.25, two features
    Dataset train = new Dataset("g", "", Shape.flat(2), List.of("a", "b"), new float[] {0, 1, 2, 3},
        new int[] {0, 1});
    assertThat(SvmModel.scaleGamma(train)).isCloseTo(1 / (2 * 1.25), within(1e-12));
  }

  @Test
  void a_model_refuses_data_with_another_number_of_features() {
    Classifier model = Fitting.fit(GaussianNaiveBayes.defaults(), blobs(30, 1), 7, e -> {});
    Dataset wide = new Dataset("wide", "", Shape.flat(3), List.of("a", "b", "c"), new float[3], new int[1]);
    assertThatThrownBy(() -> model.predict(wide)).isInstanceOf(UserError.class)
        .hasMessage("cannot predict wide: it has 3 features, the model was fitted on 2");
  }

  @Test
  void fitting_on_an_empty_training_set_is_a_one_line_error() {
    Dataset empty = new Dataset("empty", "", Shape.flat(2), List.of("a", "b"), new float[0], new int[0]);
    assertThatThrownBy(() -> Fitting.fit(DecisionTree.defaults(), empty, 7, e -> {}))
        .isInstanceOf(UserError.class)
        .hasMessage("cannot fit decision-tree: the training set empty is empty");
  }
}
