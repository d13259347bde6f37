package dev.labkit.ground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AxisTest {
  /** numpy 2.4: {@code np.logspace(np.log10(lo), np.log10(hi), n)}. */
  private static final double[][] NUMPY = {
      {0.01, 0.02682695795279726, 0.07196856730011521, 0.19306977288832497, 0.517947467923121, 1.3894954943731375,
          3.727593720314938, 10.0},
      {0.001, 0.01, 0.1, 1.0, 10.0, 100.0},
      {2e-05, 6.324555320336759e-05, 0.00020000000000000004, 0.000632455532033676, 0.0020000000000000005}};

  @Test
  void logspace_matches_numpys_logspace_to_1e_12() {
    double[][] ours = {Grids.logspace(0.01, 10, 8), Grids.logspace(0.001, 100, 6), Grids.logspace(2e-5, 2e-3, 5)};
    for (int k = 0; k < NUMPY.length; k++) {
      assertThat(ours[k]).hasSameSizeAs(NUMPY[k]);
      for (int i = 0; i < NUMPY[k].length; i++) {
        assertThat(ours[k][i]).isCloseTo(NUMPY[k][i], within(NUMPY[k][i] * 1e-12));
      }
    }
  }

  @Test
  void a_log_grid_is_numpys_logspace_to_3_significant_digits_on_a_log_scale() {
    Axis axis = Axis.logGrid("model.c", 0.01, 10, 8);
    assertThat(axis.scale()).isEqualTo(Axis.Scale.LOG);
    assertThat(axis.values()).containsExactly(0.01, 0.0268, 0.072, 0.193, 0.518, 1.39, 3.73, 10.0);
    assertThat(axis.texts()).containsExactly("0.01", "0.0268", "0.072", "0.193", "0.518", "1.39", "3.73", "10");
    assertThat(axis.value("3.73")).isEqualTo(3.73);
  }

  @Test
  void the_scripts_log_grid_keeps_its_scale_even_where_the_values_would_not_look_logarithmic() {
    assertThat(Axis.of("model.lr", Axis.logPoints(0.5, 2, 3)).scale()).isEqualTo(Axis.Scale.LOG);
    assertThat(Axis.of("model.lr", 0.5, 1, 2).scale()).isEqualTo(Axis.Scale.LINEAR);
  }

  @Test
  void a_linear_grid_is_evenly_spaced_and_whole_when_asked() {
    Axis whole = Axis.linGrid("model.max_iter", 50, 200, 4, true);
    assertThat(whole.scale()).isEqualTo(Axis.Scale.LINEAR);
    assertThat(whole.values()).containsExactly(50L, 100L, 150L, 200L);
    assertThat(Axis.linGrid("model.tol", 0.1, 0.3, 3, false).values()).containsExactly(0.1, 0.2, 0.3);
  }

  @Test
  void listed_values_keep_their_type_numbers_as_numbers_categories_as_strings() {
    Axis numbers = Axis.of("model.c", 0.01, 1, 100);
    assertThat(numbers.values()).containsExactly(0.01, 1, 100);
    assertThat(numbers.scale()).isEqualTo(Axis.Scale.LOG); // explicit numbers: the one guessing rule
    Axis categories = Axis.of("model.penalty", "l1", "l2");
    assertThat(categories.scale()).isEqualTo(Axis.Scale.CATEGORICAL);
    assertThat(categories.values()).containsExactly("l1", "l2");
    Axis parsed = Axis.parse("model.c", List.of("0.1", "1", "10"));
    assertThat(parsed.values()).containsExactly(0.1, 1L, 10L);
    assertThat(parsed.texts()).containsExactly("0.1", "1", "10");
    assertThat(Axis.parse("model.generator", List.of("64x128", "256")).scale()).isEqualTo(Axis.Scale.CATEGORICAL);
    Axis written = Axis.parse("model.lr", List.of("2e-4", "1e-4")); // --set gets the text as the user wrote it
    assertThat(written.values()).containsExactly(2e-4, 1e-4);
    assertThat(written.texts()).containsExactly("2e-4", "1e-4");
    assertThat(written.value("1e-4")).isEqualTo(1e-4);
    assertThat(written.textOf(2e-4)).isEqualTo("2e-4");
  }

  @Test
  void run_json_gets_numbers_and_the_scale_name() {
    assertThat(Axis.logGrid("model.c", 0.01, 10, 4).record())
        .isEqualTo(Map.of("scale", "log", "values", List.of(0.01, 0.1, 1.0, 10.0)));
    assertThat(Axis.of("model.penalty", "l1", "l2").record().get("scale")).isEqualTo("categorical");
    assertThat(Axis.Scale.parse("linear")).isEqualTo(Axis.Scale.LINEAR);
    assertThat(Axis.Scale.parse("cubic")).isNull();
  }

  @Test
  void draws_are_seeded_and_reproducible_and_stay_in_range() {
    List<Axis> axes = List.of(Axis.logUniform("model.c", 0.01, 10), Axis.uniform("model.l1_ratio", 0, 1),
        Axis.intUniform("model.max_iter", 10, 20), Axis.choice("model.penalty", "l1", "l2"));
    List<Map<String, Object>> first = draws(axes, 7);
    assertThat(draws(axes, 7)).isEqualTo(first);
    assertThat(draws(axes, 8)).isNotEqualTo(first);
    for (Map<String, Object> point : first) {
      assertThat((Double) point.get("model.c")).isBetween(0.01, 10.0);
      assertThat((Double) point.get("model.l1_ratio")).isBetween(0.0, 1.0);
      assertThat((Integer) point.get("model.max_iter")).isBetween(10, 20);
      assertThat(point.get("model.penalty")).isIn("l1", "l2");
    }
    // the same formula as scikit-learn's loguniform: exp(uniform(log lo, log hi)) from the first nextDouble
    double u = new Random(7).nextDouble();
    assertThat((Double) first.getFirst().get("model.c")).isCloseTo(Math.exp(Math.log(0.01) + Math.log(1000) * u),
        within(1e-15));
  }

  private static List<Map<String, Object>> draws(List<Axis> axes, long seed) {
    return RandomPoints.draw(axes, 20, new Random(seed), point -> point).accepted();
  }

  @Test
  void a_finite_space_is_drawn_without_replacement_and_whole_when_smaller_than_asked() {
    List<Axis> axes = List.of(Axis.choice("model.penalty", "l1", "l2"), Axis.intUniform("model.k", 1, 3));
    List<Map<String, Object>> drawn = RandomPoints.draw(axes, 50, new Random(1), point -> point).accepted();
    assertThat(drawn).hasSize(6).doesNotHaveDuplicates();
  }

  @Test
  void rejected_points_are_drawn_again_and_the_first_reason_kept() {
    RandomPoints.Drawn<Object> drawn = RandomPoints.draw(List.of(Axis.uniform("model.c", -1, 1)), 5, new Random(3),
        point -> {
          if ((Double) point.get("model.c") <= 0) {
            throw new UserError("c must be > 0");
          }
          return point;
        });
    assertThat(drawn.accepted()).hasSize(5);
    assertThat(drawn.firstReason()).contains("c must be > 0");
  }

  @Test
  void a_grid_over_a_range_spreads_points_geometrically_for_a_log_range() {
    List<Object> grid = Axis.logUniform("model.c", 0.01, 100).grid(5);
    assertThat(grid).hasSize(5);
    List<Double> expected = List.of(0.01, 0.1, 1.0, 10.0, 100.0);
    for (int i = 0; i < 5; i++) {
      assertThat((Double) grid.get(i)).isCloseTo(expected.get(i), within(expected.get(i) * 1e-12));
    }
    assertThat(Axis.intUniform("model.k", 1, 3).grid(9)).containsExactly(1, 2, 3);
    assertThat(Axis.logUniform("model.c", 0.01, 10).finite()).isFalse();
    assertThat(Axis.logUniform("model.c", 0.01, 10).describe()).isEqualTo("model.c ~ log-uniform[0.01, 10]");
  }

  @Test
  void bad_input_is_a_one_line_user_error() {
    assertThatThrownBy(() -> Axis.logGrid("model.c", 0, 10, 8)).isInstanceOf(UserError.class)
        .hasMessageStartingWith("logGrid needs 0 < lo < hi and n ≥ 2");
    assertThatThrownBy(() -> Axis.logGrid("model.c", 10, 0.01, 8)).hasMessageStartingWith("logGrid needs 0 < lo < hi");
    assertThatThrownBy(() -> Axis.logGrid("model.c", 0.01, 10, 1)).hasMessageContaining("n ≥ 2");
    assertThatThrownBy(() -> Axis.logUniform("model.c", 0, 1)).hasMessageContaining("needs lo > 0");
    assertThatThrownBy(() -> Axis.uniform("model.c", 1, 1)).hasMessageContaining("is empty");
    assertThatThrownBy(() -> Axis.uniform("model.c", 0, Double.NaN)).hasMessageContaining("is empty");
    assertThatThrownBy(() -> Axis.intUniform("model.k", 3, 1)).hasMessageContaining("is empty");
    assertThatThrownBy(() -> Axis.of("model.c")).hasMessageContaining("has no values");
    assertThatThrownBy(() -> Axis.choice("model.c")).hasMessageContaining("no values to choose from");
    assertThatThrownBy(() -> Axis.of(" ", 1)).hasMessageContaining("needs a parameter key");
    assertThatThrownBy(() -> RandomPoints.draw(List.of(Axis.of("model.c", 1)), 0, new Random(1), p -> p))
        .hasMessageContaining("n ≥ 1");
  }

  @Test
  void text_is_the_form_set_takes() {
    List<String> texts = new ArrayList<>();
    for (Object v : List.of(0.1, 10.0, 1e-4, 3, 2e10, "l1")) {
      texts.add(Axis.text(v));
    }
    assertThat(texts).containsExactly("0.1", "10", "0.0001", "3", "20000000000", "l1");
    assertThat(Axis.number("1e-3")).isEqualTo(0.001);
    assertThat(Axis.number("NaN")).isNull();
    assertThat(Axis.number("l2")).isNull();
  }
}
