package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SweepRangeTest {
  @Test
  void a_list_keeps_its_values_as_typed() {
    assertThat(SweepRange.parse("model.penalty=l1,l2").grid()).containsExactly("l1", "l2");
  }

  @Test
  void a_log_grid_is_the_same_as_the_dsl_log_grid() {
    List<String> dsl = Arrays.stream(Sweep.logGrid(0.01, 10, 8)).mapToObj(Sweep::text).toList();
    assertThat(SweepRange.parse("model.c=log:0.01..10:8").grid()).isEqualTo(dsl);
  }

  @Test
  void a_lin_grid_between_whole_numbers_gives_whole_numbers() {
    assertThat(SweepRange.parse("model.max_iter=lin:50..200:4").grid()).containsExactly("50", "100", "150", "200");
    assertThat(SweepRange.parse("model.tol=lin:0.1..0.3:3").grid()).containsExactly("0.1", "0.2", "0.3");
  }

  @Test
  void random_draws_from_a_log_range_are_seeded_and_spread_evenly_over_its_decades() {
    SweepRange range = SweepRange.parse("model.c=log:0.01..10");
    Random random = new Random(42);
    List<Double> draws = IntStream.range(0, 3000).mapToObj(i -> Double.parseDouble(range.draw(random))).toList();
    Random again = new Random(42);
    assertThat(IntStream.range(0, 3000).mapToObj(i -> Double.parseDouble(range.draw(again))).toList()).isEqualTo(draws);
    assertThat(draws).allSatisfy(c -> assertThat(c).isBetween(0.01, 10.0));
    // three decades, each about a third of the draws (a uniform draw would put 90 % above 1)
    long belowOneTenth = draws.stream().filter(c -> c < 0.1).count();
    long aboveOne = draws.stream().filter(c -> c > 1).count();
    assertThat(belowOneTenth).isBetween(900L, 1100L);
    assertThat(aboveOne).isBetween(900L, 1100L);
  }

  @Test
  void an_empty_range_says_which_end_is_wrong() {
    assertThatThrownBy(() -> SweepRange.parse("model.c=log:10..0.01:8")).isInstanceOf(UserError.class)
        .hasMessage("--sweep model.c=log:10..0.01:8: the range is empty (low end 10 is not below high end 0.01); "
            + "write log:LO..HI with LO < HI");
    assertThatThrownBy(() -> SweepRange.parse("model.c=lin:1..1:3")).hasMessageContaining("the range is empty");
  }

  @Test
  void malformed_sweeps_are_one_line_errors_with_an_example() {
    assertThatThrownBy(() -> SweepRange.parse("model.c")).hasMessageStartingWith("--sweep takes KEY=VALUES");
    assertThatThrownBy(() -> SweepRange.parse("model.c=")).hasMessageContaining("no values");
    assertThatThrownBy(() -> SweepRange.parse("model.c=1,,2")).hasMessageContaining("an empty value");
    assertThatThrownBy(() -> SweepRange.parse("model.c=log:0..1:3")).hasMessageContaining("a log range needs a low end > 0");
    assertThatThrownBy(() -> SweepRange.parse("model.c=log:0.1-1:3")).hasMessageContaining("a range is log:LO..HI:N");
    assertThatThrownBy(() -> SweepRange.parse("model.c=log:0.1..1:1")).hasMessageContaining("at least 2 values");
    assertThatThrownBy(() -> SweepRange.parse("model.c=log:0.1..1").grid())
        .hasMessageContaining("has no count").hasMessageContaining("--random N");
  }
}
