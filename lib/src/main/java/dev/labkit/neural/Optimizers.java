package dev.labkit.neural;

import ai.djl.training.optimizer.Optimizer;

/**
 * The optimizer a {@link Training} asks for, as a DJL {@link Optimizer} that follows PyTorch's update
 * formulas and defaults exactly (SGD with optional momentum, Adam, RMSprop with α = 0.99, Adagrad), in
 * the parameters' own precision. The learning rate comes from {@code rate} at every update, so schedules
 * and learning-rate noise act at once. Why these are written by hand rather than taken from DJL:
 * {@link TorchOptimizer}.
 *
 * <pre>{@code
 * Optimizer optimizer = Optimizers.build(training, rate);
 * optimizer.update("w", w, w.getGradient());   // w ← w − lr · (PyTorch's step for this optimizer)
 * }</pre>
 */
public final class Optimizers {
  private Optimizers() {}

  public static Optimizer build(Training training, LearningRate rate) {
    return new TorchOptimizer(training, rate);
  }
}
