package dev.labkit.neural;

import ai.djl.training.optimizer.Optimizer;

/**
 * DJL optimizers built from a {@link Training}, with PyTorch's defaults where DJL's differ (RMSProp's
 * decay ρ = 0.99 rather than MXNet's 0.9), so results compare with a PyTorch notebook's. The learning
 * rate comes from {@code rate} at every update, so schedules and learning-rate noise act at once.
 */
public final class Optimizers {
  private Optimizers() {}

  public static Optimizer build(Training training, LearningRate rate) {
    float decay = (float) training.weightDecay();
    return switch (training.optimizer()) {
      case SGD -> Optimizer.sgd().setLearningRateTracker(rate).optMomentum((float) training.momentum())
          .optWeightDecays(decay).build();
      case ADAM -> Optimizer.adam().optLearningRateTracker(rate).optBeta1(0.9f).optBeta2(0.999f).optEpsilon(1e-8f)
          .optWeightDecays(decay).build();
      // DJL's PyTorch engine has no native RMSProp or Adagrad update: TorchUpdates writes PyTorch's
      case RMSPROP -> new TorchUpdates.RmsProp(rate, 0.99f, 1e-8f, (float) training.momentum(), decay);
      case ADAGRAD -> new TorchUpdates.Adagrad(rate, 1e-10f, decay);
    };
  }
}
