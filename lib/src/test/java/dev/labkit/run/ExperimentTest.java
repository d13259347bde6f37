package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import dev.labkit.model.LogisticRegression;
import org.junit.jupiter.api.Test;

class ExperimentTest {
  final Experiment experiment = new ExperimentStart("exp").data(new BlobData(300, 100))
      .model(LogisticRegression.defaults());

  @Test
  void params_gather_every_knob_under_dotted_names() {
    assertThat(experiment.params()).containsKeys("seed", "data", "data.train_size", "model", "model.c",
        "model.max_iter");
    assertThat(experiment.params().get("model")).isEqualTo("logistic-regression");
  }

  @Test
  void set_routes_each_key_to_its_spec() {
    Experiment changed = experiment.with("model.c", "0.1").with("seed", "7").with("data.train_size", "50");
    assertThat(changed.params()).containsEntry("model.c", 0.1).containsEntry("seed", 7L)
        .containsEntry("data.train_size", 50);
    assertThat(experiment.params()).containsEntry("model.c", 1.0);
  }

  @Test
  void an_unknown_key_lists_every_valid_key() {
    assertThatThrownBy(() -> experiment.with("model.cc", "1"))
        .isInstanceOf(UserError.class)
        .hasMessage("unknown parameter 'model.cc'; did you mean model.c? valid keys: seed, data, data.train_size, "
            + "data.test_size, validation, model.penalty, model.c, model.l1_ratio, model.multi_class, model.max_iter, model.tol, model.solver");
    assertThatThrownBy(() -> experiment.with("lr", "1")).hasMessageStartingWith("unknown parameter 'lr'");
  }

  @Test
  void a_sweep_crosses_its_values_into_trials_in_order() {
    Experiment swept = experiment.sweep("model.penalty", "l2", "none").sweep("model.c", 0.1, 1);
    assertThat(swept.trials()).extracting(Trial::assignment).containsExactly(
        java.util.Map.of("model.penalty", "l2", "model.c", "0.1"), java.util.Map.of("model.penalty", "l2", "model.c", "1"),
        java.util.Map.of("model.penalty", "none", "model.c", "0.1"), java.util.Map.of("model.penalty", "none", "model.c", "1"));
    assertThat(swept.trials().get(1).experiment().params()).containsEntry("model.c", 1.0)
        .containsEntry("model.penalty", "l2");
  }

  @Test
  void setting_a_swept_key_runs_that_value_alone() {
    Experiment swept = experiment.sweep("model.c", 0.1, 1, 10);
    assertThat(swept.with("model.c", "0.5").trials()).singleElement()
        .satisfies(t -> assertThat(t.experiment().params()).containsEntry("model.c", 0.5));
  }

  @Test
  void a_sweep_value_the_spec_refuses_is_an_error_before_anything_runs() {
    assertThatThrownBy(() -> experiment.sweep("model.c", 1, -1)).hasMessageStartingWith("model.c must be > 0, got -1");
    assertThatThrownBy(() -> experiment.sweep("model.cc", 1)).hasMessageStartingWith("unknown parameter 'model.cc'");
  }

  @Test
  void a_log_grid_is_evenly_spaced_in_log_and_rounded_to_three_digits() {
    assertThat(Sweep.logGrid(0.01, 10, 4)).containsExactly(0.01, 0.1, 1, 10);
    assertThat(Sweep.logGrid(0.01, 10, 8)).containsExactly(0.01, 0.0268, 0.0720, 0.193, 0.518, 1.39, 3.73, 10);
  }

  @Test
  void set_data_chooses_another_dataset_by_name() {
    assertThat(experiment.with("data", "mnist-sample").params()).containsEntry("data", "mnist-sample");
    assertThatThrownBy(() -> experiment.with("data", "imagenet")).isInstanceOf(UserError.class)
        .hasMessageContaining("imagenet");
  }

  @Test
  void a_comparison_runs_each_model_and_set_reaches_the_models_that_have_the_key() {
    Experiment compared = new ExperimentStart("cmp").data(new BlobData(30, 10))
        .compare(LogisticRegression.defaults(), dev.labkit.model.Knn.defaults());
    assertThat(compared.trials()).extracting(t -> t.assignment().get("model"))
        .containsExactly("logistic-regression", "knn");
    Experiment k3 = compared.with("model.k", "3");
    assertThat(k3.trials().get(1).experiment().params()).containsEntry("model.k", 3);
    assertThat(k3.trials().get(0).experiment().params()).containsEntry("model.c", 1.0);
    assertThat(compared.with("model", "knn").trials()).singleElement()
        .satisfies(t -> assertThat(t.experiment().model().name()).isEqualTo("knn"));
    assertThatThrownBy(() -> compared.with("model", "svm"))
        .hasMessage("model must be one of logistic-regression, knn, got 'svm'");
    assertThatThrownBy(() -> compared.with("model.gamma", "1")).hasMessageStartingWith("unknown parameter 'model.gamma'");
  }

  @Test
  void a_bad_value_names_the_full_key() {
    assertThatThrownBy(() -> experiment.with("model.c", "-1")).hasMessageStartingWith("model.c must be > 0, got -1");
  }
}
