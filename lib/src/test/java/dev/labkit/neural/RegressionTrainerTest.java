package dev.labkit.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.data.Datasets;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.Noise;
import dev.labkit.data.RegressionData;
import dev.labkit.ground.Event;
import dev.labkit.ground.UserError;
import dev.labkit.model.Init;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.model.Training.Schedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegressionTrainerTest {
  static final RegressionData LINE = Datasets.line().loadRegression(LoadOptions.quiet(42)); // 10,000 points

  /** Every scalar a fit emits, in order. */
  static List<Event.Scalar> scalars(LinearRegressionGd spec, RegressionData data, long seed) {
    List<Event.Scalar> scalars = new ArrayList<>();
    RegressionTrainer.fit(spec, data, seed, e -> {
      if (e instanceof Event.Scalar s) {
        scalars.add(s);
      }
    });
    return scalars;
  }

  @Test
  void mse_gradient_descent_converges_to_the_closed_form_least_squares_line() {
    double n = LINE.size();
    double mx = 0;
    double my = 0;
    for (int i = 0; i < LINE.size(); i++) {
      mx += LINE.features()[i] / n;
      my += LINE.targets()[i] / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < LINE.size(); i++) {
      sxy += (LINE.features()[i] - mx) * (LINE.targets()[i] - my);
      sxx += (LINE.features()[i] - mx) * (LINE.features()[i] - mx);
    }
    double slope = sxy / sxx;
    RegressionFit fit = RegressionTrainer.fit(LinearRegressionGd.defaults().lr(0.01), LINE, 42, e -> { });
    assertThat(fit.w()[0]).isCloseTo(slope, within(1e-3));
    assertThat(fit.b()).isCloseTo(my - slope * mx, within(1e-3));
    assertThat(fit.stepsToConverge()).isBetween(100, 2000);
  }

  @Test
  void the_same_seed_gives_bit_identical_weights_and_losses_even_with_every_noise_and_mini_batches() {
    LinearRegressionGd noisy = LinearRegressionGd.defaults().steps(300).batch(256)
        .noise(Noise.LAPLACE, 0.5, 0.01, 0.5).init(Init.normal(1));
    List<Event.Scalar> first = scalars(noisy, LINE, 7);
    List<Event.Scalar> second = scalars(noisy, LINE, 7);
    assertThat(second).isEqualTo(first); // records compare their doubles bit for bit
    assertThat(scalars(noisy, LINE, 8)).isNotEqualTo(first);
    RegressionFit a = RegressionTrainer.fit(noisy, LINE, 7, e -> { });
    RegressionFit b = RegressionTrainer.fit(noisy, LINE, 7, e -> { });
    assertThat(Double.doubleToRawLongBits(a.w()[0])).isEqualTo(Double.doubleToRawLongBits(b.w()[0]));
    assertThat(Double.doubleToRawLongBits(a.b())).isEqualTo(Double.doubleToRawLongBits(b.b()));
  }

  @Test
  void a_learning_rate_of_10_diverges_and_says_at_which_step_after_which_finite_loss() {
    RegressionFit fit = RegressionTrainer.fit(LinearRegressionGd.defaults().lr(10), LINE, 42, e -> { });
    assertThat(fit.diverged()).isTrue();
    assertThat(fit.divergedAt()).isBetween(2, 2000);
    assertThat(fit.steps()).isEqualTo(fit.divergedAt());
    assertThat(fit.lastFiniteLoss()).isFinite().isGreaterThan(1e100);
  }

  @Test
  void the_patience_schedule_halves_the_rate_and_marks_each_drop() {
    // MSE at lr 0.01 has converged by step ~500: from then on the loss stops moving and the rate is halved
    List<Event.Scalar> scalars = scalars(LinearRegressionGd.defaults().lr(0.01)
        .training(t -> t.schedule(Schedule.PATIENCE).lrPatience(5).minLr(1e-5)), LINE, 42);
    List<Event.Scalar> drops = scalars.stream().filter(s -> s.name().equals("mark/lr_drop")).toList();
    assertThat(drops).isNotEmpty();
    assertThat(drops.getFirst().value()).isEqualTo(0.005);
    assertThat(drops.getLast().value()).isEqualTo(1e-5); // the floor
    List<Event.Scalar> rates = scalars.stream().filter(s -> s.name().equals("train/lr")).toList();
    assertThat(rates.getFirst()).isEqualTo(new Event.Scalar(1, "train/lr", 0.01));
    assertThat(rates.getLast()).isEqualTo(new Event.Scalar(2000, "train/lr", 1e-5));
    assertThat(rates).contains(new Event.Scalar(drops.getFirst().step() - 1, "train/lr", 0.01),
        new Event.Scalar(drops.getFirst().step(), "train/lr", 0.005)); // a step down, not a slope
    assertThat(scalars.stream().filter(s -> s.name().equals("train/loss")).count()).isEqualTo(2000);
  }

  @Test
  void early_stopping_stops_marks_the_best_loss_and_restores_its_weights() {
    // noise on the weights makes the loss wobble, so it stops improving by min_delta at some point
    LinearRegressionGd spec = LinearRegressionGd.defaults().lr(0.05).noise(Noise.GAUSSIAN, 0, 0.05, 0)
        .training(t -> t.earlyStop(20).minDelta(1e-3));
    List<Event.Scalar> scalars = new ArrayList<>();
    RegressionFit fit = RegressionTrainer.fit(spec, LINE, 42, e -> {
      if (e instanceof Event.Scalar s) {
        scalars.add(s);
      }
    });
    assertThat(fit.stoppedEarly()).isTrue();
    assertThat(fit.steps()).isLessThan(2000);
    Event.Scalar mark = scalars.stream().filter(s -> s.name().equals("mark/early_stop")).findFirst().orElseThrow();
    assertThat(mark.step()).isEqualTo(fit.steps());
    assertThat(fit.finalLoss()).isEqualTo(mark.value()); // the restored weights have the best loss, to the bit
  }

  @Test
  void a_batch_larger_than_the_data_is_a_one_line_error() {
    assertThatThrownBy(() -> RegressionTrainer.fit(LinearRegressionGd.defaults().batch(20_000), LINE, 42, e -> { }))
        .isInstanceOf(UserError.class)
        .hasMessage("batch 20000 is larger than the data (10,000 rows); use batch ≤ 10000, or 0 for full batch");
  }

  @Test
  void every_initialisation_starts_where_it_says() {
    List<Event.Scalar> zeros = scalars(LinearRegressionGd.defaults().steps(1), LINE, 1);
    List<Event.Scalar> atAnswer = scalars(LinearRegressionGd.defaults().steps(1).init(Init.constant(3, 2)), LINE, 1);
    double meanSquare = 0;
    for (double y : LINE.targets()) {
      meanSquare += y * y / LINE.size();
    }
    assertThat(zeros.get(1).value()).isCloseTo(meanSquare, within(1e-9)); // W = b = 0: the loss is mean(y²)
    assertThat(atAnswer.get(1).value()).isCloseTo(1.0, within(0.05));     // on the true line: the noise's variance
  }
}
