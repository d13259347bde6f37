package dev.labkit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.ground.UserError;
import dev.labkit.ground.Axis;
import dev.labkit.model.LogisticRegression;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
  private final LogisticRegression base = LogisticRegression.defaults();

  /** Share of 20,000 seeded draws of c below 1; its standard error is about 0.0035, the tolerance 0.02. */
  private static double shareBelowOne(Axis dimension) {
    Random random = new Random(11);
    int below = 0;
    for (int i = 0; i < 20_000; i++) {
      below += ((Double) dimension.draw(random)) < 1 ? 1 : 0;
    }
    return below / 20_000.0;
  }

  @Test
  void log_uniform_gives_every_decade_the_same_share_where_uniform_favours_the_top_one() {
    // on [0.01, 10]: uniform puts (1 − 0.01)/(10 − 0.01) ≈ 9.9 % below 1; log-uniform 2 of 3 decades
    assertThat(shareBelowOne(Axis.uniform("c", 0.01, 10))).isCloseTo(0.099, within(0.02));
    assertThat(shareBelowOne(Axis.logUniform("c", 0.01, 10))).isCloseTo(2.0 / 3, within(0.02));
  }

  @Test
  void a_log_grid_is_evenly_spaced_in_orders_of_magnitude() {
    SearchSpace space = SearchSpace.of().logGrid("c", 0.01, 100, 5);
    List<Object> values = space.axes().getFirst().values();
    assertThat(values).hasSize(5);
    double[] expected = {0.01, 0.1, 1, 10, 100};
    for (int i = 0; i < 5; i++) {
      assertThat((Double) values.get(i)).isCloseTo(expected[i], within(expected[i] * 1e-12));
    }
  }

  @Test
  void a_grid_is_every_combination_with_the_first_axis_varying_slowest() {
    SearchSpace space = SearchSpace.of().choice("penalty", "l2", "none").intGrid("max_iter", 10, 30, 10);
    assertThat(space.grid(5)).containsExactly(
        Map.of("penalty", "l2", "max_iter", 10), Map.of("penalty", "l2", "max_iter", 20),
        Map.of("penalty", "l2", "max_iter", 30), Map.of("penalty", "none", "max_iter", 10),
        Map.of("penalty", "none", "max_iter", 20), Map.of("penalty", "none", "max_iter", 30));
  }

  @Test
  void a_point_reaches_the_spec_through_its_params_keys() {
    LogisticRegression spec = (LogisticRegression) SearchSpace.apply(base, Map.of("c", 0.25, "penalty", "none"));
    assertThat(spec.c()).isEqualTo(0.25);
    assertThat(spec.penalty()).isEqualTo(LogisticRegression.Penalty.NONE);
  }

  @Test
  void an_empty_log_uniform_range_is_a_one_line_error_naming_the_parameter() {
    assertThatThrownBy(() -> SearchSpace.of().logUniform("c", 10, 0.01))
        .isInstanceOf(UserError.class)
        .hasMessage("search space: logUniform c range [10, 0.01] is empty; give finite lo < hi, "
            + "e.g. logUniform(\"c\", 0.01, 10)");
  }

  @Test
  void a_log_uniform_range_through_zero_is_an_error() {
    assertThatThrownBy(() -> SearchSpace.of().logUniform("c", 0, 1))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("search space: logUniform c needs lo > 0");
  }

  @Test
  void a_range_the_spec_rejects_everywhere_is_a_one_line_error_with_the_specs_reason() {
    SearchSpace space = SearchSpace.of().uniform("c", -1, 0);
    assertThatThrownBy(() -> space.check(base))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("search space has no valid c: every value of c ~ uniform[-1, 0] is rejected "
            + "(c must be > 0, got -1");
    assertThatThrownBy(() -> new GridSearch(SearchSpace.of().choice("c", -1, 0)).candidates(base))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("search space has no valid c: every value of c in [-1, 0] is rejected");
  }

  @Test
  void a_key_the_spec_does_not_have_is_an_error_listing_the_keys() {
    assertThatThrownBy(() -> SearchSpace.of().logUniform("C", 0.01, 10).check(base))
        .isInstanceOf(UserError.class)
        .hasMessage("search space: logistic-regression has no parameter 'C'; valid keys: penalty, c, l1_ratio, multi_class, max_iter, tol, solver");
  }

  @Test
  void a_parameter_given_twice_is_an_error() {
    assertThatThrownBy(() -> SearchSpace.of().choice("c", 1.0).logUniform("c", 0.1, 1))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("search space: c is given twice");
  }

  @Test
  void random_search_skips_rejected_draws_and_keeps_drawing() {
    // half of uniform[-1, 1] is invalid for c; every candidate kept has c > 0
    List<Search.Candidate> candidates = new RandomSearch(SearchSpace.of().uniform("c", -1, 1), 10, 3)
        .candidates(base);
    assertThat(candidates).hasSize(10)
        .allSatisfy(candidate -> assertThat(((LogisticRegression) candidate.spec()).c()).isPositive());
  }

  @Test
  void random_search_draws_the_same_points_for_the_same_seed() {
    SearchSpace space = SearchSpace.of().logUniform("c", 0.001, 100);
    assertThat(new RandomSearch(space, 5, 8).candidates(base)).extracting(Search.Candidate::params)
        .containsExactlyElementsOf(new RandomSearch(space, 5, 8).candidates(base).stream()
            .map(Search.Candidate::params).toList());
  }

  @Test
  void random_search_over_a_finite_space_draws_without_replacement() {
    SearchSpace space = SearchSpace.of().choice("c", 0.1, 1.0, 10.0).choice("penalty", "l2", "none");
    List<Search.Candidate> five = new RandomSearch(space, 5, 2).candidates(base);
    assertThat(five).extracting(Search.Candidate::params).doesNotHaveDuplicates().hasSize(5);
    // more points asked for than the space has: each of the 6 once
    assertThat(new RandomSearch(space, 50, 2).candidates(base)).extracting(Search.Candidate::params)
        .doesNotHaveDuplicates().hasSize(6);
  }

  @Test
  void a_search_space_takes_the_dotted_keys_of_sweep_and_the_models_short_form_alike() {
    SearchSpace dotted = SearchSpace.of().logUniform("model.c", 0.001, 100).choice("model.penalty", "l2", "none");
    SearchSpace short_ = SearchSpace.of().logUniform("c", 0.001, 100).choice("penalty", "l2", "none");
    List<Search.Candidate> a = new RandomSearch(dotted, 5, 8).candidates(base);
    List<Search.Candidate> b = new RandomSearch(short_, 5, 8).candidates(base);
    assertThat(a).extracting(Search.Candidate::spec).isEqualTo(b.stream().map(Search.Candidate::spec).toList());
    assertThat(a.getFirst().params()).containsOnlyKeys("model.c", "model.penalty");
    assertThatThrownBy(() -> SearchSpace.of().choice("model.c", 1.0).logUniform("c", 0.1, 1))
        .hasMessageContaining("given twice");
  }
}
