package dev.labkit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.model.LogisticRegression;
import dev.labkit.ground.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NestedCvTest {
  private final Dataset data = Blobs.three(240, 1.5, 4);
  private final RandomSearch search = new RandomSearch(SearchSpace.of().logUniform("c", 0.001, 10), 3, 6);

  private NestedCvResult run(List<Event> events) {
    return NestedCv.run(LogisticRegression.defaults(), data, 3, 2, search, Metric.ACCURACY, 13, events::add);
  }

  @Test
  void each_outer_fold_reports_its_chosen_parameters_and_its_held_out_scores() {
    List<Event> events = new ArrayList<>();
    NestedCvResult result = run(events);
    assertThat(result.folds()).hasSize(3).allSatisfy(fold -> {
      assertThat(fold.chosen()).containsOnlyKeys("c");
      assertThat(fold.scores().testSize()).isEqualTo(80);
      assertThat(fold.scores().trainSize()).isEqualTo(160);
      assertThat(fold.innerScore().n()).isEqualTo(2);
    });
    double mean = Arrays.stream(result.scores(Metric.ACCURACY)).average().orElseThrow();
    assertThat(result.summary(Metric.ACCURACY).mean()).isCloseTo(mean, within(1e-12));
    assertThat(events).filteredOn(e -> e instanceof Event.Phase p && p.phase().equals("nested-cv")).hasSize(3);
  }

  @Test
  void the_chosen_value_is_one_the_inner_search_drew() {
    NestedCvResult result = run(new ArrayList<>());
    List<Object> drawn = search.candidates(LogisticRegression.defaults()).stream()
        .map(c -> c.params().get("c")).toList();
    assertThat(result.folds()).allSatisfy(fold -> assertThat(drawn).contains(fold.chosen().get("c")));
  }

  @Test
  void the_same_seeds_give_the_same_result() {
    assertThat(run(new ArrayList<>()).scores(Metric.LOG_LOSS)).containsExactly(run(new ArrayList<>()).scores(Metric.LOG_LOSS));
  }

  @Test
  void a_space_with_no_valid_point_fails_before_any_fitting() {
    RandomSearch invalid = new RandomSearch(SearchSpace.of().uniform("c", -1, 0), 3, 6);
    List<Event> events = new ArrayList<>();
    assertThatThrownBy(() -> NestedCv.run(LogisticRegression.defaults(), data, 3, 2, invalid, Metric.ACCURACY, 1,
        events::add)).isInstanceOf(UserError.class).hasMessageStartingWith("search space has no valid c");
    assertThat(events).isEmpty();
  }
}
