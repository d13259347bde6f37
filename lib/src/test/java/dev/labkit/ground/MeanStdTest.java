package dev.labkit.ground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mean and sample std over a trial's seeds, and the best trial chosen on the mean ({@link Selection#bestOnMean}). */
class MeanStdTest {
  @Test
  void the_std_is_the_sample_std_divided_by_n_minus_one() {
    MeanStd stats = MeanStd.of(List.of(0.80, 0.82, 0.87));
    // mean 0.83; squares 0.0009 + 0.0001 + 0.0016 = 0.0026; / (3 − 1) = 0.0013
    assertThat(stats.n()).isEqualTo(3);
    assertThat(stats.mean()).isCloseTo(0.83, within(1e-12));
    assertThat(stats.std()).isCloseTo(Math.sqrt(0.0013), within(1e-12));
    assertThat(MeanStd.of(List.of(0.5)).hasSpread()).isFalse();
    assertThat(MeanStd.of(Arrays.asList(0.5, null, Double.NaN, 0.7)).n()).isEqualTo(2);
    assertThat(MeanStd.of(List.of()).n()).isZero();
  }

  @Test
  void the_best_on_the_mean_is_not_the_trial_with_the_single_best_seed() {
    Selection selection = Selection.of(new Selection.Rule("accuracy", false),
        List.of(Map.of("val/accuracy", 0.9)));
    // trial 1 has the single best seed (0.95) but a mean of 0.75; trial 2 is steady at 0.80
    List<List<Map<String, Double>>> trials = List.of(
        List.of(Map.of("val/accuracy", 0.95), Map.of("val/accuracy", 0.65), Map.of("val/accuracy", 0.65)),
        List.of(Map.of("val/accuracy", 0.80), Map.of("val/accuracy", 0.81), Map.of("val/accuracy", 0.79)));

    assertThat(selection.best(trials.stream().flatMap(List::stream).toList())).as("the single best run").isZero();
    assertThat(selection.bestOnMean(trials)).isEqualTo(1);
    assertThat(selection.describe(3)).isEqualTo("val/accuracy (higher is better), best on the mean of 3 seeds");
    assertThat(selection.describe(1)).isEqualTo(selection.describe());
  }

  @Test
  void a_loss_is_ranked_low_on_the_mean_too() {
    Selection selection = Selection.of(new Selection.Rule("mse", true), List.of(Map.of("val/mse", 1.0)));
    List<List<Map<String, Double>>> trials = List.of(
        List.of(Map.of("val/mse", 0.1), Map.of("val/mse", 3.0)),
        List.of(Map.of("val/mse", 1.0), Map.of("val/mse", 1.2)));
    assertThat(selection.bestOnMean(trials)).isEqualTo(1);
  }
}
