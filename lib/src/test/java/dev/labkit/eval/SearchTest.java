package dev.labkit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.data.Dataset;
import dev.labkit.model.LogisticRegression;
import org.junit.jupiter.api.Test;

class SearchTest {
  // overlapping blobs (centres 1.5 apart): how strongly the weights are penalised matters
  private final Dataset data = Blobs.three(240, 1.5, 21);
  private final LogisticRegression base = LogisticRegression.defaults();

  @Test
  void grid_search_tries_every_point_and_picks_the_best_mean() {
    SearchSpace space = SearchSpace.of().choice("c", 1e-4, 1.0, 100.0);
    SearchResult result = new GridSearch(space).run(base, data, 3, Metric.LOG_LOSS, 5, event -> {});
    assertThat(result.trials()).hasSize(3);
    assertThat(result.trials()).extracting(t -> t.params().get("c")).containsExactly(1e-4, 1.0, 100.0);
    // c = 1e-4 shrinks every weight to almost 0: probabilities near 1/3, log-loss near log 3 ≈ 1.10
    assertThat(result.trials().getFirst().score().mean()).isGreaterThan(1.0);
    SearchTrial best = result.trials().stream()
        .min((a, b) -> Double.compare(a.score().mean(), b.score().mean())).orElseThrow();
    assertThat(result.bestParams()).isEqualTo(best.params());
    assertThat(result.best()).isEqualTo(best.score());
    assertThat(((LogisticRegression) result.bestSpec()).c()).isEqualTo(best.params().get("c"));
    assertThat(result.bestParams().get("c")).isNotEqualTo(1e-4);
  }

  @Test
  void a_higher_is_better_metric_picks_the_highest_mean() {
    SearchResult result = new GridSearch(SearchSpace.of().logGrid("c", 1e-4, 1, 3))
        .run(base, data, 3, Metric.ROC_AUC, 5, event -> {});
    double bestMean = result.trials().stream().mapToDouble(t -> t.score().mean()).max().orElseThrow();
    assertThat(result.best().mean()).isEqualTo(bestMean);
  }

  @Test
  void random_search_records_every_trial_with_mean_and_std_over_the_inner_folds() {
    SearchResult result = new RandomSearch(SearchSpace.of().logUniform("c", 0.001, 10), 4, 1)
        .run(base, data, 3, Metric.ACCURACY, 2, event -> {});
    assertThat(result.trials()).hasSize(4).allSatisfy(trial -> {
      assertThat(trial.cv().k()).isEqualTo(3);
      assertThat(trial.score()).isEqualTo(trial.cv().summary(Metric.ACCURACY));
      assertThat((Double) trial.params().get("c")).isBetween(0.001, 10.0);
    });
    assertThat(result.metric()).isEqualTo(Metric.ACCURACY);
  }
}
