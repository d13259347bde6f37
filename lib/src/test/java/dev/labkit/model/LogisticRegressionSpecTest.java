package dev.labkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.UserError;
import org.junit.jupiter.api.Test;

class LogisticRegressionSpecTest {
  @Test
  void c_must_be_positive_and_the_error_says_so() {
    assertThatThrownBy(() -> LogisticRegression.defaults().c(-1))
        .isInstanceOf(UserError.class).hasMessageStartingWith("c must be > 0, got -1");
    assertThatThrownBy(() -> LogisticRegression.defaults().c(0)).isInstanceOf(UserError.class);
  }

  @Test
  void params_are_ordered_and_settable_from_text() {
    LogisticRegression spec = LogisticRegression.defaults().with("c", "0.25").with("max_iter", "50");
    assertThat(spec.params()).containsExactly(
        org.assertj.core.api.Assertions.entry("penalty", "l2"),
        org.assertj.core.api.Assertions.entry("c", 0.25),
        org.assertj.core.api.Assertions.entry("max_iter", 50),
        org.assertj.core.api.Assertions.entry("tol", 1e-4));
  }

  @Test
  void forking_a_spec_leaves_the_base_unchanged() {
    LogisticRegression base = LogisticRegression.defaults();
    LogisticRegression strong = base.c(0.01);
    assertThat(base.c()).isEqualTo(1.0);
    assertThat(strong.c()).isEqualTo(0.01);
  }

  @Test
  void unknown_keys_and_bad_values_get_one_line_errors() {
    assertThatThrownBy(() -> LogisticRegression.defaults().with("cc", "1"))
        .isInstanceOf(UserError.class)
        .hasMessage("unknown parameter 'cc'; valid keys: penalty, c, max_iter, tol");
    assertThatThrownBy(() -> LogisticRegression.defaults().with("penalty", "l3"))
        .hasMessage("penalty must be one of l2, none, got 'l3'");
    assertThatThrownBy(() -> LogisticRegression.defaults().with("c", "abc"))
        .hasMessage("c must be a number, got 'abc'");
  }
}
