package dev.labkit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private final SearchSpace space = SearchSpace.of().logUniform("c", 0.01, 10);

  @Test
  void nested_cv_is_ranked_by_accuracy_unless_told_otherwise() {
    assertThat(new Evaluation.NestedCv(6, 3, space, 10).scoring()).isEqualTo(Metric.ACCURACY);
    assertThat(new Evaluation.NestedCv(6, 3, space, 10, Metric.LOG_LOSS).scoring()).isEqualTo(Metric.LOG_LOSS);
  }

  @Test
  void fewer_than_two_folds_is_a_one_line_error() {
    assertThatThrownBy(() -> new Evaluation.CrossValidation(1))
        .isInstanceOf(UserError.class).hasMessage("crossValidation: k must be ≥ 2 folds, got 1");
    assertThatThrownBy(() -> new Evaluation.NestedCv(6, 0, space, 10))
        .isInstanceOf(UserError.class).hasMessage("nestedCv: inner must be ≥ 2 folds, got 0");
  }

  @Test
  void nested_cv_needs_a_space_and_at_least_one_point() {
    assertThatThrownBy(() -> new Evaluation.NestedCv(6, 3, SearchSpace.of(), 10))
        .isInstanceOf(UserError.class).hasMessageStartingWith("nestedCv needs a search space");
    assertThatThrownBy(() -> new Evaluation.NestedCv(6, 3, space, 0))
        .isInstanceOf(UserError.class).hasMessage("nestedCv: n_iter must be ≥ 1 points to try, got 0");
  }

  @Test
  void metric_names_are_the_run_folder_names() {
    assertThat(Metric.of("roc_auc")).isEqualTo(Metric.ROC_AUC);
    assertThatThrownBy(() -> Metric.of("auc")).isInstanceOf(UserError.class).hasMessage(
        "unknown metric 'auc'; valid metrics: accuracy, macro_precision, macro_recall, macro_f1, weighted_f1, "
            + "roc_auc, log_loss");
  }
}
