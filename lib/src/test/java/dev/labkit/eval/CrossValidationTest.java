package dev.labkit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.data.Dataset;
import dev.labkit.model.LogisticRegression;
import dev.labkit.ground.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
  private final Dataset easy = Blobs.three(300, 3, 5);
  private final LogisticRegression model = LogisticRegression.defaults();

  @Test
  void five_folds_give_five_rows_of_every_score_and_their_summary() {
    CvResult cv = CrossValidation.run(model, easy, 5, 42, event -> {});
    assertThat(cv.k()).isEqualTo(5);
    assertThat(cv.folds()).allSatisfy(fold -> {
      assertThat(fold.trainSize()).isEqualTo(240);
      assertThat(fold.testSize()).isEqualTo(60);
      assertThat(fold.scores()).containsKeys("accuracy", "macro_f1", "roc_auc", "log_loss", "train_accuracy");
    });
    // well-separated blobs (centres 3 apart, unit spread): the Bayes accuracy is about 0.93
    assertThat(cv.mean(Metric.ACCURACY)).isBetween(0.85, 1.0);
    assertThat(cv.mean(Metric.ROC_AUC)).isGreaterThan(0.95);
    assertThat(cv.mean(Metric.LOG_LOSS)).isBetween(0.05, 0.5);
  }

  @Test
  void summary_is_the_mean_and_sample_standard_deviation_of_the_folds() {
    CvResult cv = CrossValidation.run(model, easy, 4, 1, event -> {});
    double[] accuracy = cv.scores(Metric.ACCURACY);
    double mean = Arrays.stream(accuracy).average().orElseThrow();
    double variance = Arrays.stream(accuracy).map(a -> (a - mean) * (a - mean)).sum() / (accuracy.length - 1);
    assertThat(cv.summary(Metric.ACCURACY).mean()).isCloseTo(mean, within(1e-12));
    assertThat(cv.summary(Metric.ACCURACY).std()).isCloseTo(Math.sqrt(variance), within(1e-12));
    assertThat(cv.summary(Metric.ACCURACY).n()).isEqualTo(4);
  }

  @Test
  void the_same_seed_gives_the_same_scores() {
    CvResult a = CrossValidation.run(model, easy, 3, 9, event -> {});
    CvResult b = CrossValidation.run(model, easy, 3, 9, event -> {});
    assertThat(a.scores(Metric.LOG_LOSS)).containsExactly(b.scores(Metric.LOG_LOSS));
  }

  @Test
  void progress_is_one_line_per_fold_and_no_solver_scalars() {
    List<Event> events = new ArrayList<>();
    CrossValidation.run(model, easy, 3, 9, events::add);
    assertThat(events).noneMatch(e -> e instanceof Event.Scalar);
    assertThat(events).filteredOn(e -> e instanceof Event.Phase p && p.phase().equals("cv")).hasSize(3);
  }

  @Test
  void summary_statistics_of_known_values() {
    Spread summary = Spread.of(new double[] {1, 2, 3, 4});
    assertThat(summary.mean()).isEqualTo(2.5);
    assertThat(summary.std()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-15)); // numpy: np.std([1,2,3,4], ddof=1)
    assertThat(summary.min()).isEqualTo(1);
    assertThat(summary.max()).isEqualTo(4);
  }

  @Test
  void train_and_test_accuracy_and_their_gap() {
    Dataset test = Blobs.three(90, 3, 6);
    var fitted = dev.labkit.classic.Fitting.fit(model, easy, event -> {});
    TrainTestAccuracy accuracy = TrainTestAccuracy.of(fitted, new dev.labkit.data.TrainTest(easy, test));
    assertThat(accuracy.train()).isCloseTo(Metrics.accuracy(easy.labels(), fitted.predict(easy)), within(0.0));
    assertThat(accuracy.test()).isCloseTo(Metrics.accuracy(test.labels(), fitted.predict(test)), within(0.0));
    assertThat(accuracy.gap()).isEqualTo(accuracy.train() - accuracy.test());
  }
}
