package dev.labkit.neural;

import ai.djl.training.optimizer.Optimizer;
import dev.labkit.model.Training;

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

  public static TorchOptimizer build(Training training, LearningRate rate) {
    return new TorchOptimizer(training, rate);
  }

  /**
   * PyTorch's Adam at a fixed rate with the given β₁ and β₂ (ε 1e-8, no weight decay), whose state can be
   * saved and restored ({@link TorchOptimizer#state()}): what each of a GAN's two networks trains with.
   */
  public static TorchOptimizer adam(double lr, double beta1, double beta2) {
    Training training = Training.defaults().optimizer(Training.Optimizer.ADAM).minLr(0).lr(lr);
    return new TorchOptimizer(training, LearningRate.start(training, 1), beta1, beta2);
  }
}
