package dev.labkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.labkit.ground.UserError;
import org.junit.jupiter.api.Test;

/** The specs of the models compared with logistic regression: SVM, forest, KNN, tree, naive Bayes. */
class ClassicSpecsTest {
  @Test
  void defaults_are_scikit_learns_and_params_list_them_in_order() {
    assertThat(Svm.defaults().params()).containsExactly(entry("c", 1.0), entry("gamma", "scale"), entry("tol", 1e-3));
    assertThat(RandomForest.defaults().params()).containsExactly(entry("trees", 100), entry("max_depth", 0),
        entry("criterion", "gini"), entry("mtry", 0));
    assertThat(Knn.defaults().params()).containsExactly(entry("k", 5), entry("weights", "uniform"));
    assertThat(DecisionTree.defaults().params()).containsExactly(entry("max_depth", 0), entry("criterion", "gini"));
    assertThat(GaussianNaiveBayes.defaults().params()).containsExactly(entry("var_smoothing", 1e-9));
  }

  @Test
  void every_param_is_settable_from_text() {
    assertThat(Svm.defaults().with("c", "10").with("gamma", "0.01").with("tol", "1e-2"))
        .isEqualTo(new Svm(10, 0.01, 0.01));
    assertThat(Svm.defaults().gamma(0.5).with("gamma", "scale").gamma()).isEqualTo(Svm.SCALE);
    assertThat(RandomForest.defaults().with("trees", "50").with("max_depth", "12").with("criterion", "entropy")
        .with("mtry", "20")).isEqualTo(new RandomForest(50, 12, Criterion.ENTROPY, 20));
    assertThat(Knn.defaults().with("k", "3").with("weights", "distance"))
        .isEqualTo(new Knn(3, Knn.Weights.DISTANCE));
    assertThat(DecisionTree.defaults().with("max_depth", "4").with("criterion", "entropy"))
        .isEqualTo(new DecisionTree(4, Criterion.ENTROPY));
    assertThat(GaussianNaiveBayes.defaults().with("var_smoothing", "0.01").varSmoothing()).isEqualTo(0.01);
  }

  @Test
  void forking_a_spec_leaves_the_base_unchanged() {
    RandomForest base = RandomForest.defaults();
    RandomForest small = base.trees(10).maxDepth(5);
    assertThat(base.trees()).isEqualTo(100);
    assertThat(base.maxDepth()).isZero();
    assertThat(small).isEqualTo(new RandomForest(10, 5, Criterion.GINI, 0));
  }

  @Test
  void names_are_the_params_model_values() {
    assertThat(java.util.List.of(Svm.defaults().name(), RandomForest.defaults().name(), Knn.defaults().name(),
        DecisionTree.defaults().name(), GaussianNaiveBayes.defaults().name()))
        .containsExactly("svm", "random-forest", "knn", "decision-tree", "gaussian-naive-bayes");
  }

  @Test
  void bad_values_get_one_line_errors_naming_the_parameter() {
    assertThatThrownBy(() -> Svm.defaults().c(0)).isInstanceOf(UserError.class)
        .hasMessage("c must be > 0, got 0 (try 1)");
    assertThatThrownBy(() -> Svm.defaults().gamma(-1)).hasMessage("gamma must be > 0 or scale, got -1");
    assertThatThrownBy(() -> Svm.defaults().gamma(0))
        .hasMessage("gamma must be > 0, got 0; for 1 / (features · variance) use gammaScale()");
    assertThatThrownBy(() -> Svm.defaults().with("gamma", "auto")).hasMessage("gamma must be a number, got 'auto'");
    assertThatThrownBy(() -> Svm.defaults().tol(0)).hasMessage("tol must be > 0, got 0");
    assertThatThrownBy(() -> RandomForest.defaults().trees(0)).hasMessage("trees must be ≥ 1, got 0 (try 100)");
    assertThatThrownBy(() -> RandomForest.defaults().maxDepth(-2))
        .hasMessage("max_depth must be ≥ 1, or 0 for no limit, got -2");
    assertThatThrownBy(() -> RandomForest.defaults().mtry(-1)).hasMessage("mtry must be ≥ 1, or 0 for √features, got -1");
    assertThatThrownBy(() -> RandomForest.defaults().with("criterion", "mse"))
        .hasMessage("criterion must be one of gini, entropy, got 'mse'");
    assertThatThrownBy(() -> Knn.defaults().k(0))
        .hasMessage("k must be ≥ 1, got 0 (the number of neighbours that vote; try 5)");
    assertThatThrownBy(() -> Knn.defaults().with("weights", "inverse"))
        .hasMessage("weights must be one of uniform, distance, got 'inverse'");
    assertThatThrownBy(() -> DecisionTree.defaults().maxDepth(-1))
        .hasMessage("max_depth must be ≥ 1, or 0 for no limit, got -1");
    assertThatThrownBy(() -> GaussianNaiveBayes.defaults().varSmoothing(-1))
        .hasMessage("var_smoothing must be ≥ 0, got -1 (try 1e-9)");
  }

  @Test
  void unknown_keys_list_the_valid_ones() {
    assertThatThrownBy(() -> Knn.defaults().with("n_neighbors", "3"))
        .hasMessage("unknown parameter 'n_neighbors'; valid keys: k, weights");
    assertThatThrownBy(() -> RandomForest.defaults().with("n_estimators", "3"))
        .hasMessage("unknown parameter 'n_estimators'; valid keys: trees, max_depth, criterion, mtry");
    assertThatThrownBy(() -> Svm.defaults().with("kernel", "rbf")).hasMessage("unknown parameter 'kernel'; valid keys: c, gamma, tol");
  }
}
