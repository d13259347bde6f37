package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.UserError;
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
        .hasMessage("unknown parameter 'model.cc'; valid keys: seed, data.train_size, data.test_size, "
            + "model.penalty, model.c, model.max_iter, model.tol");
    assertThatThrownBy(() -> experiment.with("lr", "1")).hasMessageStartingWith("unknown parameter 'lr'");
  }

  @Test
  void a_bad_value_names_the_full_key() {
    assertThatThrownBy(() -> experiment.with("model.c", "-1")).hasMessageStartingWith("model.c must be > 0, got -1");
  }
}
