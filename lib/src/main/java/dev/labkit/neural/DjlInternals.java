package dev.labkit.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The only two places labkit reaches past DJL's public API into its PyTorch engine's JNI layer, kept here so a
 * DJL upgrade that changes them breaks one class (and {@code DjlInternalsTest}, which checks their signatures
 * and what they compute) rather than the trainers:
 * <ul>
 *   <li>{@code JniUtils.setNumThreads}: libtorch's intra-op thread count, changed at once inside a JVM (the
 *       system property works only before the engine starts);</li>
 *   <li>{@code JniUtils.adamUpdate}: libtorch's fused Adam kernel, one native call a parameter a step.</li>
 * </ul>
 */
final class DjlInternals {
  private DjlInternals() {}

  /** Sets libtorch's intra-op threads for the whole process (the engine must be loaded). */
  static void setNumThreads(int threads) {
    JniUtils.setNumThreads(threads);
  }

  /** libtorch's intra-op thread count now. */
  static int numThreads() {
    return JniUtils.getNumThreads();
  }

  /**
   * One step of libtorch's fused Adam on float32 arrays of the PyTorch engine, in place:
   * {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²}, {@code w ← w − a·m / (√v + e)} (weight decay λ
   * added to g first; {@code lr} is only passed along).
   */
  static void adamUpdate(NDArray weight, NDArray grad, NDArray mean, NDArray variance, float lr, float a,
      float weightDecay, float beta1, float beta2, float e) {
    JniUtils.adamUpdate((PtNDArray) weight, (PtNDArray) grad, (PtNDArray) mean, (PtNDArray) variance,
        lr, a, weightDecay, 1f, -1f, beta1, beta2, e, false);
  }
}
