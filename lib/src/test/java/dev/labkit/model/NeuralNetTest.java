package dev.labkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeuralNetTest {
  @Test
  void softmax_regression_shows_the_training_keys_among_its_own() {
    NeuralNet spec = NeuralNet.softmaxRegression();
    assertThat(spec.name()).isEqualTo("softmax-regression");
    assertThat(spec.params().keySet()).startsWith("epochs", "batch", "threads", "overfit_patience", "optimizer", "lr")
        .contains("schedule", "early_stop", "restore_best").doesNotContain("hidden", "dropout");
    assertThat(spec.params()).containsEntry("optimizer", "adam").containsEntry("lr", 1e-3).containsEntry("batch", 128);
  }

  @Test
  void an_mlp_adds_its_layers_activation_and_dropout() {
    NeuralNet spec = NeuralNet.mlp(256, 128).activation(NeuralNet.Activation.LEAKY_RELU).dropout(0.2);
    assertThat(spec.name()).isEqualTo("mlp");
    assertThat(spec.params()).containsEntry("hidden", "256,128").containsEntry("activation", "leaky-relu")
        .containsEntry("dropout", 0.2);
    assertThat(spec.params().keySet()).startsWith("hidden", "activation", "dropout", "epochs");
  }

  @Test
  void keys_set_from_text_reach_the_network_and_the_training() {
    NeuralNet spec = NeuralNet.softmaxRegression().with("optimizer", "rmsprop").with("lr", "0.01")
        .with("hidden", "64,32").with("activation", "tanh").with("epochs", "3");
    assertThat(spec.training().optimizer()).isEqualTo(Training.Optimizer.RMSPROP);
    assertThat(spec.training().lr()).isEqualTo(0.01);
    assertThat(spec.hidden()).isEqualTo(List.of(64, 32));
    assertThat(spec.with("hidden", "none").name()).isEqualTo("softmax-regression");
  }

  @Test
  void forks_are_independent_and_smoke_shortens_training() {
    NeuralNet base = NeuralNet.softmaxRegression();
    NeuralNet longer = base.epochs(20);
    assertThat(base.epochs()).isEqualTo(10);
    assertThat(longer.smoke().epochs()).isEqualTo(NeuralNet.SMOKE_EPOCHS);
    assertThat(base.epochs(1).smoke().epochs()).isEqualTo(1);
  }

  @Test
  void bad_values_are_one_line_errors_that_name_the_key() {
    assertThatThrownBy(() -> NeuralNet.softmaxRegression().with("lr", "0")).isInstanceOf(UserError.class)
        .hasMessageStartingWith("lr must be > 0, got 0");
    assertThatThrownBy(() -> NeuralNet.softmaxRegression().lr(-1)).hasMessageStartingWith("lr must be > 0, got -1");
    assertThatThrownBy(() -> NeuralNet.softmaxRegression().with("optimizer", "adamw"))
        .hasMessage("optimizer must be one of sgd, adam, rmsprop, adagrad, got 'adamw'");
    assertThatThrownBy(() -> NeuralNet.softmaxRegression().batch(0)).hasMessageStartingWith("batch must be ≥ 1, got 0");
    assertThatThrownBy(() -> NeuralNet.mlp(64).dropout(1)).hasMessageStartingWith("dropout must be in [0, 1), got 1");
    assertThatThrownBy(() -> NeuralNet.softmaxRegression().with("activation", "gelu"))
        .hasMessage("activation must be one of relu, tanh, sigmoid, leaky-relu, got 'gelu'");
    assertThatThrownBy(() -> NeuralNet.softmaxRegression().with("hidden", "64,x"))
        .hasMessage("hidden must be a whole number, got 'x'");
    assertThatThrownBy(() -> NeuralNet.softmaxRegression().with("layers", "2"))
        .hasMessageStartingWith("unknown parameter 'layers'; valid keys: epochs, batch");
  }
}
