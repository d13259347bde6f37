package dev.labkit.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Keeping a training step's temporaries in the step's own manager, which is closed when the step ends. */
final class Scoped {
  private Scoped() {}

  /**
   * The same numbers under a second handle that belongs to {@code scope}: in-place changes reach the
   * original, and every array computed from the alias lands in {@code scope} (DJL puts a result in the
   * manager of the array it was computed from), so nothing piles up in the run's manager.
   */
  static NDArray alias(NDArray array, NDManager scope) {
    NDArray alias = array.stopGradient();
    alias.attach(scope);
    return alias;
  }
}
