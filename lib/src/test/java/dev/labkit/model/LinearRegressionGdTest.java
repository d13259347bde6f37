package dev.labkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import dev.labkit.classic.Fitting;
import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearRegressionGdTest {
  @Test
  void its_keys_include_the_shared_training_keys_and_each_routes_to_its_part() {
    LinearRegressionGd spec = LinearRegressionGd.defaults();
    assertThat(spec.params().keySet()).containsSubsequence("loss", "huber_delta", "hybrid_alpha", "steps", "batch",
        "tol", "optimizer", "lr", "schedule", "lr_patience", "early_stop", "restore_best", "init", "init_w", "init_b",
        "init_std", "noise_type", "noise_data", "noise_weights", "noise_lr");
    LinearRegressionGd changed = spec.with("lr", "0.001").with("schedule", "patience").with("loss", "huber")
        .with("init", "constant").with("init_w", "0.5").with("noise_lr", "0.2").with("steps", "500");
    assertThat(changed.training().lr()).isEqualTo(0.001);
    assertThat(changed.training().schedule()).isEqualTo(Training.Schedule.PATIENCE);
    assertThat(changed.params().get("loss")).isEqualTo("huber");
    assertThat(changed.init().w()).isEqualTo(0.5);
    assertThat(changed.noise().lr()).isEqualTo(0.2);
    assertThat(changed.steps()).isEqualTo(500);
    assertThat(spec.steps()).isEqualTo(2000); // forking leaves the original alone
  }

  @Test
  void bad_values_are_one_line_errors() {
    assertThatThrownBy(() -> LinearRegressionGd.defaults().lr(-1)).isInstanceOf(UserError.class)
        .hasMessageStartingWith("lr must be > 0, got -1");
    assertThatThrownBy(() -> LinearRegressionGd.defaults().batch(-2)).hasMessageStartingWith("batch must be ≥ 0");
    assertThatThrownBy(() -> LinearRegressionGd.defaults().with("init", "xavier"))
        .hasMessage("init must be one of zeros, constant, normal, got 'xavier'");
    assertThatThrownBy(() -> LinearRegressionGd.defaults().with("momentum_x", "1"))
        .hasMessageStartingWith("unknown parameter 'momentum_x'; did you mean momentum? valid keys: loss, huber_delta");
  }
}
