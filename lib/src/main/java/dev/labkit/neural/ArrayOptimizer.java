package dev.labkit.neural;

import dev.labkit.model.Training;

/**
 * {@link TorchOptimizer}'s update rules (PyTorch's SGD, Adam, RMSprop and Adagrad with their defaults) on
 * float arrays, for {@link LinearEpochs}: the same formulas, in float32 as for a float32 parameter. A
 * parameter's state is its number of updates and two buffers, laid out as {@link TorchOptimizer.Slot}'s:
 * SGD's momentum; Adam's m and v; RMSprop's v and momentum; Adagrad's sum of squares.
 */
final class ArrayOptimizer {
  private final Training training;
  private final float beta1;
  private final float beta2;

  ArrayOptimizer(Training training) {
    this.training = training;
    this.beta1 = (float) TorchOptimizer.BETA1;
    this.beta2 = (float) TorchOptimizer.BETA2;
  }

  /**
   * One update of {@code w[from, from + n)} against {@code g[gFrom, gFrom + n)} at learning rate {@code lr};
   * {@code t} is the parameter's update count including this one; {@code s0} and {@code s1} its buffers.
   */
  void update(float[] w, int from, float[] g, int gFrom, int n, float[] s0, float[] s1, int t, double lr) {
    float decay = (float) training.weightDecay();
    float momentum = (float) training.momentum();
    float rate = (float) lr;
    switch (training.optimizer()) {
      case SGD -> {
        for (int i = 0; i < n; i++) {
          float gi = g[gFrom + i] + decay * w[from + i];
          if (momentum != 0) {
            s0[from + i] = momentum * s0[from + i] + gi; // buf = μ·buf + g
            gi = s0[from + i];
          }
          w[from + i] -= rate * gi;
        }
      }
      case ADAM -> { // w ← w − a·m / (√v + e), a = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ), e = ε·√(1 − β₂ᵗ): lr·m̂ / (√v̂ + ε)
        double correction1 = 1 - Math.pow(TorchOptimizer.BETA1, t);
        double correction2 = Math.sqrt(1 - Math.pow(TorchOptimizer.BETA2, t));
        float a = (float) (lr * correction2 / correction1);
        float e = (float) (TorchOptimizer.ADAM_EPS * correction2);
        for (int i = 0; i < n; i++) {
          float gi = g[gFrom + i] + decay * w[from + i];
          float m = beta1 * s0[from + i] + (1 - beta1) * gi;
          float v = beta2 * s1[from + i] + (1 - beta2) * gi * gi;
          s0[from + i] = m;
          s1[from + i] = v;
          w[from + i] -= a * m / ((float) Math.sqrt(v) + e);
        }
      }
      case RMSPROP -> {
        float alpha = (float) TorchOptimizer.RMS_ALPHA;
        for (int i = 0; i < n; i++) {
          float gi = g[gFrom + i] + decay * w[from + i];
          float v = alpha * s0[from + i] + (1 - alpha) * gi * gi; // v = α·v + (1 − α)·g²
          s0[from + i] = v;
          float scaled = gi / ((float) Math.sqrt(v) + (float) TorchOptimizer.RMS_EPS);
          if (momentum != 0) {
            s1[from + i] = momentum * s1[from + i] + scaled;
            scaled = s1[from + i];
          }
          w[from + i] -= rate * scaled;
        }
      }
      case ADAGRAD -> {
        for (int i = 0; i < n; i++) {
          float gi = g[gFrom + i] + decay * w[from + i];
          s0[from + i] += gi * gi; // the sum of every g² so far
          w[from + i] -= rate * gi / ((float) Math.sqrt(s0[from + i]) + (float) TorchOptimizer.ADAGRAD_EPS);
        }
      }
    }
  }
}
