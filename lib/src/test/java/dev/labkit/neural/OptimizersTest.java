package dev.labkit.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static dev.labkit.model.Training.Optimizer.ADAGRAD;
import static dev.labkit.model.Training.Optimizer.ADAM;
import static dev.labkit.model.Training.Optimizer.RMSPROP;


import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.labkit.model.Training;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer makes the update PyTorch's {@code torch.optim} documents, computed here by hand in plain
 * double arithmetic for two steps with different gradients (so the running state matters), on float64
 * parameters: w = [1, −2], gradients [0.5, −0.25] then [−0.3, 0.8].
 */
class OptimizersTest {
  static final double[] W0 = {1.0, -2.0};
  static final double[] G1 = {0.5, -0.25};
  static final double[] G2 = {-0.3, 0.8};
  static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  /** Runs two updates of {@code training}'s optimizer; {@code lrs} are the rates of the two steps. */
  static double[] twoSteps(Training training, double... lrs) {
    LearningRate rate = LearningRate.start(training, 10);
    Optimizer optimizer = Optimizers.build(training, rate);
    NDArray w = manager.create(W0.clone());
    rate.jitter(lrs[0] / training.lr());
    optimizer.update("w", w, manager.create(G1));
    rate.jitter(lrs[1] / training.lr());
    optimizer.update("w", w, manager.create(G2));
    assertThat(w.getDataType()).isEqualTo(DataType.FLOAT64);
    return w.toDoubleArray();
  }

  static void assertClose(double[] actual, double[] expected) {
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("w[%d]", i).isCloseTo(expected[i], within(1e-15 * Math.max(1, Math.abs(expected[i]))));
    }
  }

  @Test
  void sgd_subtracts_lr_times_the_gradient() {
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      expected[i] = W0[i] - 0.1 * G1[i] - 0.1 * G2[i];
    }
    assertClose(twoSteps(Training.defaults().lr(0.1), 0.1, 0.1), expected);
  }

  @Test
  void sgd_momentum_keeps_the_gradients_in_its_buffer_and_applies_the_current_lr_as_pytorch_does() {
    // PyTorch: buf = μ·buf + g; w -= lr·buf. DJL keeps lr·g in the buffer, which differs once lr moves (0.1 → 0.05).
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      double buf = G1[i];
      double w = W0[i] - 0.1 * buf;
      buf = 0.9 * buf + G2[i];
      expected[i] = w - 0.05 * buf;
    }
    assertClose(twoSteps(Training.defaults().lr(0.1).momentum(0.9), 0.1, 0.05), expected);
  }

  /** Adam by hand in double, two steps at lr 0.01: m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ), w −= lr·m̂/(√v̂ + 1e-8). */
  static double[] adamByHand(double beta1, double beta2) {
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      double m = 0;
      double v = 0;
      double w = W0[i];
      double[] g = {G1[i], G2[i]};
      for (int t = 1; t <= 2; t++) {
        m = beta1 * m + (1 - beta1) * g[t - 1];
        v = beta2 * v + (1 - beta2) * g[t - 1] * g[t - 1];
        double mHat = m / (1 - Math.pow(beta1, t));
        double vHat = v / (1 - Math.pow(beta2, t));
        w -= 0.01 * mHat / (Math.sqrt(vHat) + 1e-8);
      }
      expected[i] = w;
    }
    return expected;
  }

  @Test
  void adam_bias_corrects_both_moments_and_adds_epsilon_after_the_correction() {
    double[] expected = adamByHand(0.9, 0.999);
    assertClose(twoSteps(Training.defaults().optimizer(ADAM).lr(0.01), 0.01, 0.01), expected);
  }

  @Test
  void rmsprop_divides_by_the_root_of_a_running_mean_of_squares_with_alpha_0_99() {
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      double v = 0;
      double w = W0[i];
      for (double g : new double[] {G1[i], G2[i]}) {
        v = 0.99 * v + 0.01 * g * g;
        w -= 0.01 * g / (Math.sqrt(v) + 1e-8);
      }
      expected[i] = w;
    }
    assertClose(twoSteps(Training.defaults().optimizer(RMSPROP).lr(0.01), 0.01, 0.01), expected);
  }

  @Test
  void rmsprop_with_momentum_accumulates_the_scaled_step() {
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      double v = 0;
      double buf = 0;
      double w = W0[i];
      for (double g : new double[] {G1[i], G2[i]}) {
        v = 0.99 * v + 0.01 * g * g;
        buf = 0.5 * buf + g / (Math.sqrt(v) + 1e-8);
        w -= 0.01 * buf;
      }
      expected[i] = w;
    }
    assertClose(twoSteps(Training.defaults().optimizer(RMSPROP).lr(0.01).momentum(0.5), 0.01, 0.01), expected);
  }

  @Test
  void adagrad_divides_by_the_root_of_the_sum_of_every_squared_gradient() {
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      double sum = 0;
      double w = W0[i];
      for (double g : new double[] {G1[i], G2[i]}) {
        sum += g * g;
        w -= 0.1 * g / (Math.sqrt(sum) + 1e-10);
      }
      expected[i] = w;
    }
    assertClose(twoSteps(Training.defaults().optimizer(ADAGRAD).lr(0.1), 0.1, 0.1), expected);
  }

  @Test
  void weight_decay_adds_lambda_times_the_weight_to_the_gradient() {
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      double w = W0[i] - 0.1 * (G1[i] + 0.01 * W0[i]);
      expected[i] = w - 0.1 * (G2[i] + 0.01 * w);
    }
    assertClose(twoSteps(Training.defaults().lr(0.1).weightDecay(0.01), 0.1, 0.1), expected);
  }

  @Test
  void float32_parameters_stay_float32() {
    Training training = Training.defaults().optimizer(ADAM);
    Optimizer optimizer = Optimizers.build(training, LearningRate.start(training, 10));
    NDArray w = manager.create(new float[] {1f, 2f});
    optimizer.update("w", w, manager.create(new float[] {0.5f, 0.5f}));
    assertThat(w.getDataType()).isEqualTo(DataType.FLOAT32);
    assertThat(w.toFloatArray()[0]).isCloseTo(0.99f, within(1e-6f)); // Adam's first step is lr·sign(g)
  }

  @Test
  void adam_on_float32_parameters_uses_libtorchs_fused_kernel_with_the_same_formula() {
    for (double decay : new double[] {0, 0.1}) {
      Training training = Training.defaults().optimizer(ADAM).lr(0.01).weightDecay(decay);
      double[] exact = twoSteps(training, 0.01, 0.005);
      LearningRate rate = LearningRate.start(training, 10);
      Optimizer optimizer = Optimizers.build(training, rate);
      NDArray w = manager.create(new float[] {1f, -2f});
      float[][] grads = {{0.5f, -0.25f}, {-0.3f, 0.8f}};
      for (int step = 0; step < 2; step++) {
        rate.jitter(step == 0 ? 1 : 0.5);
        optimizer.update("w", w, manager.create(grads[step]));
      }
      float[] fused = w.toFloatArray();
      for (int i = 0; i < 2; i++) {
        assertThat((double) fused[i]).as("w[%d] with weight decay %s", i, decay).isCloseTo(exact[i], within(1e-6));
      }
    }
  }

  @Test
  void a_gans_adam_takes_its_own_betas_in_float64_and_in_the_fused_float32_kernel() {
    double[] expected = adamByHand(0.5, 0.99);
    TorchOptimizer adam = Optimizers.adam(0.01, 0.5, 0.99);
    NDArray w = manager.create(W0.clone());
    adam.update("w", w, manager.create(G1));
    adam.update("w", w, manager.create(G2));
    assertClose(w.toDoubleArray(), expected);
    TorchOptimizer fused = Optimizers.adam(0.01, 0.5, 0.99);
    NDArray w32 = manager.create(new float[] {1f, -2f});
    fused.update("w", w32, manager.create(new float[] {0.5f, -0.25f}));
    fused.update("w", w32, manager.create(new float[] {-0.3f, 0.8f}));
    for (int i = 0; i < 2; i++) {
      assertThat((double) w32.toFloatArray()[i]).as("w[%d]", i).isCloseTo(expected[i], within(1e-6));
    }
  }

  @Test
  void a_state_saved_and_restored_into_a_fresh_optimizer_makes_the_same_next_update_bit_for_bit() {
    float[][] grads = {{0.5f, -0.25f}, {-0.3f, 0.8f}, {0.1f, 0.2f}};
    TorchOptimizer straight = Optimizers.adam(0.01, 0.5, 0.999);
    NDArray w = manager.create(new float[] {1f, -2f});
    for (float[] g : grads) {
      straight.update("w", w, manager.create(g));
    }
    TorchOptimizer before = Optimizers.adam(0.01, 0.5, 0.999);
    NDArray w2 = manager.create(new float[] {1f, -2f});
    before.update("w", w2, manager.create(grads[0]));
    before.update("w", w2, manager.create(grads[1]));
    java.util.Map<String, TorchOptimizer.Slot> saved = new java.util.TreeMap<>();
    before.state().forEach((id, slot) -> saved.put(id, new TorchOptimizer.Slot(slot.steps(),
        java.util.Arrays.stream(slot.buffers()).map(b -> manager.decode(b.encode())).toArray(NDArray[]::new))));
    assertThat(saved.get("w").steps()).isEqualTo(2);
    NDArray w3 = w2.duplicate();
    TorchOptimizer after = Optimizers.adam(0.01, 0.5, 0.999);
    after.restore(saved);
    after.update("w", w2, manager.create(grads[2]));
    assertThat(w2.toFloatArray()).isEqualTo(w.toFloatArray());
    Optimizers.adam(0.01, 0.5, 0.999).update("w", w3, manager.create(grads[2])); // no state: a first step again
    assertThat(w3.toFloatArray()).isNotEqualTo(w.toFloatArray());
  }

  @Test
  void djls_own_rmsprop_is_not_implemented_on_the_pytorch_engine_which_is_why_we_write_the_rules() {
    Optimizer djl = Optimizer.rmsprop().optLearningRateTracker(Tracker.fixed(0.01f)).build();
    assertThatThrownBy(() -> djl.update("w", manager.create(new double[] {1}), manager.create(new double[] {1})))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
