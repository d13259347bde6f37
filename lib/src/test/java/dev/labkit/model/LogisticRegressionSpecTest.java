package dev.labkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
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
        org.assertj.core.api.Assertions.entry("l1_ratio", 0.5),
        org.assertj.core.api.Assertions.entry("multi_class", "multinomial"),
        org.assertj.core.api.Assertions.entry("max_iter", 50),
        org.assertj.core.api.Assertions.entry("tol", 1e-4),
        org.assertj.core.api.Assertions.entry("solver", "lbfgs"));
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
        .hasMessage("unknown parameter 'cc'; did you mean c? valid keys: penalty, c, l1_ratio, multi_class, max_iter, "
            + "tol, solver");
    assertThatThrownBy(() -> LogisticRegression.defaults().with("penalty", "l3"))
        .hasMessage("penalty must be one of l2, l1, elastic-net, none, got 'l3'");
    assertThatThrownBy(() -> LogisticRegression.defaults().with("solver", "sag"))
        .hasMessage("solver must be one of lbfgs, newton-cg, got 'sag'");
    assertThatThrownBy(() -> LogisticRegression.defaults().with("l1_ratio", "2"))
        .hasMessage("l1_ratio must be in [0, 1], got 2 (the L1 share of the elastic-net penalty)");
    assertThatThrownBy(() -> LogisticRegression.defaults().with("multi_class", "auto"))
        .hasMessage("multi_class must be one of multinomial, ovr, got 'auto'");
    assertThatThrownBy(() -> LogisticRegression.defaults().with("c", "abc"))
        .hasMessage("c must be a number, got 'abc'");
  }

  @Test
  void penalties_split_into_l1_and_l2_shares_as_scikit_learn_does() {
    LogisticRegression net = LogisticRegression.defaults().with("penalty", "elastic-net").with("l1_ratio", "0.3");
    assertThat(net.l1Share()).isEqualTo(0.3);
    assertThat(net.l2Share()).isEqualTo(0.7);
    assertThat(net.penalty(LogisticRegression.Penalty.L1).l2Share()).isZero();
    // l1_ratio only matters for elastic-net
    assertThat(net.penalty(LogisticRegression.Penalty.L2).l1Share()).isZero();
    assertThat(net.with("multi_class", "ovr").multiClass()).isEqualTo(LogisticRegression.MultiClass.OVR);
  }
}
