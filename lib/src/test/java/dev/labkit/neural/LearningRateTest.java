package dev.labkit.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.ground.UserError;
import dev.labkit.model.Training.Schedule;
import dev.labkit.model.Training;
import org.junit.jupiter.api.Test;

class LearningRateTest {
  @Test
  void patience_schedule_halves_after_lr_patience_checks_without_progress_and_stops_at_the_floor() {
    Training training = Training.defaults().lr(0.1).schedule(Schedule.PATIENCE).lrPatience(2).minLr(0.03);
    LearningRate rate = LearningRate.start(training, 100);
    assertThat(rate.afterCheck(1.0)).isFalse();   // first loss: the best so far
    assertThat(rate.afterCheck(0.5)).isFalse();   // progress
    assertThat(rate.afterCheck(0.5)).isFalse();   // 1 without progress
    assertThat(rate.afterCheck(0.6)).isTrue();    // 2 without progress: halve
    assertThat(rate.value()).isEqualTo(0.05);
    assertThat(rate.afterCheck(0.7)).isFalse();   // the count starts again
    assertThat(rate.afterCheck(0.7)).isTrue();
    assertThat(rate.value()).isEqualTo(0.03);     // 0.025 would be under the floor
    rate.afterCheck(0.7);
    assertThat(rate.afterCheck(0.7)).isFalse();   // at the floor: no more drops
    assertThat(rate.value()).isEqualTo(0.03);
  }

  @Test
  void a_gain_smaller_than_the_relative_threshold_is_not_progress() {
    LearningRate rate = LearningRate.start(Training.defaults().lr(1).schedule(Schedule.PATIENCE).lrPatience(1), 10);
    rate.afterCheck(1.0);
    assertThat(rate.afterCheck(1.0 - 1e-6)).isTrue();
  }

  @Test
  void step_schedule_multiplies_by_the_factor_every_lr_step_updates() {
    LearningRate rate = LearningRate.start(Training.defaults().lr(0.8).schedule(Schedule.STEP).lrStep(10)
        .lrFactor(0.5), 100);
    assertThat(rate.afterStep(9)).isFalse();
    assertThat(rate.value()).isEqualTo(0.8);
    assertThat(rate.afterStep(10)).isTrue();
    assertThat(rate.value()).isEqualTo(0.4);
    rate.afterStep(35);
    assertThat(rate.value()).isEqualTo(0.1);
  }

  @Test
  void cosine_goes_from_lr_to_min_lr_through_the_midpoint() {
    LearningRate rate = LearningRate.start(Training.defaults().lr(1).minLr(0.2).schedule(Schedule.COSINE), 100);
    rate.afterStep(50);
    assertThat(rate.value()).isCloseTo(0.6, within(1e-12));
    rate.afterStep(100);
    assertThat(rate.value()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void jitter_scales_what_the_optimizer_reads_but_not_the_schedule() {
    LearningRate rate = LearningRate.start(Training.defaults().lr(0.5), 10);
    rate.jitter(1.5);
    assertThat(rate.getNewValue("weight", 3)).isEqualTo(0.75f);
    assertThat(rate.value()).isEqualTo(0.5);
  }

  @Test
  void early_stopping_stops_after_the_patience_and_remembers_the_best_check() {
    EarlyStopping stop = new EarlyStopping(Training.defaults().earlyStop(2).minDelta(0.01));
    assertThat(stop.observe(0, 1.0)).isTrue();
    assertThat(stop.observe(1, 0.995)).isFalse();  // less than min_delta better
    assertThat(stop.shouldStop()).isFalse();
    assertThat(stop.observe(2, 0.9)).isTrue();
    stop.observe(3, 0.95);
    stop.observe(4, 0.91);
    assertThat(stop.shouldStop()).isTrue();
    assertThat(stop.bestCheck()).isEqualTo(2);
    assertThat(stop.bestLoss()).isEqualTo(0.9);
  }

  @Test
  void early_stopping_switched_off_never_stops() {
    EarlyStopping stop = new EarlyStopping(Training.defaults());
    for (int i = 0; i < 100; i++) {
      stop.observe(i, 1.0);
    }
    assertThat(stop.shouldStop()).isFalse();
  }

  @Test
  void bad_settings_are_one_line_errors_that_name_the_key() {
    assertThatThrownBy(() -> Training.defaults().lr(0)).isInstanceOf(UserError.class)
        .hasMessageStartingWith("lr must be > 0, got 0");
    assertThatThrownBy(() -> Training.defaults().with("optimizer", "adamw")).isInstanceOf(UserError.class)
        .hasMessage("optimizer must be one of sgd, adam, rmsprop, adagrad, got 'adamw'");
    assertThatThrownBy(() -> Training.defaults().lrFactor(1)).hasMessageStartingWith("lr_factor must be in (0, 1)");
    assertThatThrownBy(() -> Training.defaults().with("lr", "fast")).hasMessage("lr must be a number, got 'fast'");
  }
}
