package dev.labkit.neural;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RMSProp and Adagrad for the PyTorch engine. DJL 0.36 builds both optimizers, but its PyTorch engine has
 * no native update for them ({@code rmspropUpdate} and {@code adagradUpdate} throw "Not implemented"), so
 * these write the update of {@code torch.optim.RMSprop} and {@code torch.optim.Adagrad} (defaults:
 * not centred, no learning-rate decay, zero initial accumulator) as NDArray operations. Like DJL's own
 * SGD and Adam on this engine, an update zeroes the gradient it used.
 */
final class TorchUpdates {
  private TorchUpdates() {}

  /**
   * {@code v ← ρ·v + (1−ρ)·g²;  w ← w − lr·g / (√v + ε)}, or with momentum μ:
   * {@code b ← μ·b + g / (√v + ε);  w ← w − lr·b}. Weight decay adds {@code wd·w} to g first.
   */
  static final class RmsProp extends Optimizer {
    private final ParameterTracker rate;
    private final float rho;
    private final float epsilon;
    private final float momentum;
    private final Map<String, Map<Device, NDArray>> meanSquare = new ConcurrentHashMap<>();
    private final Map<String, Map<Device, NDArray>> buffer = new ConcurrentHashMap<>();

    RmsProp(ParameterTracker rate, float rho, float epsilon, float momentum, float weightDecay) {
      super(new Settings().optWeightDecays(weightDecay));
      this.rate = rate;
      this.rho = rho;
      this.epsilon = epsilon;
      this.momentum = momentum;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
      float lr = rate.getNewValue(parameterId, updateCount(parameterId));
      NDArray v = withDefaultState(meanSquare, parameterId, weight.getDevice(), k -> weight.zerosLike());
      try (NDManager scope = weight.getManager().newSubManager()) {
        NDArray g = decayed(grad, weight, getWeightDecay(), scope);
        v.muli(rho).addi(g.square().muli(1 - rho));
        NDArray denominator = owned(v.sqrt(), scope).addi(epsilon);
        if (momentum > 0) {
          NDArray b = withDefaultState(buffer, parameterId, weight.getDevice(), k -> weight.zerosLike());
          b.muli(momentum).addi(g.div(denominator));
          weight.subi(owned(b.mul(lr), scope));
        } else {
          weight.subi(g.div(denominator).muli(lr));
        }
      }
      JniUtils.zeroGrad((PtNDArray) weight);
    }
  }

  /** {@code s ← s + g²;  w ← w − lr·g / (√s + ε)}. Weight decay adds {@code wd·w} to g first. */
  static final class Adagrad extends Optimizer {
    private final ParameterTracker rate;
    private final float epsilon;
    private final Map<String, Map<Device, NDArray>> sumSquares = new ConcurrentHashMap<>();

    Adagrad(ParameterTracker rate, float epsilon, float weightDecay) {
      super(new Settings().optWeightDecays(weightDecay));
      this.rate = rate;
      this.epsilon = epsilon;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
      float lr = rate.getNewValue(parameterId, updateCount(parameterId));
      NDArray s = withDefaultState(sumSquares, parameterId, weight.getDevice(), k -> weight.zerosLike());
      try (NDManager scope = weight.getManager().newSubManager()) {
        NDArray g = decayed(grad, weight, getWeightDecay(), scope);
        s.addi(g.square());
        weight.subi(g.div(owned(s.sqrt(), scope).addi(epsilon)).muli(lr));
      }
      JniUtils.zeroGrad((PtNDArray) weight);
    }
  }

  /**
   * The gradient plus weight decay, as a new array owned by {@code scope}: every array computed from it
   * then belongs to {@code scope} too and is freed when the update ends.
   */
  private static NDArray decayed(NDArray grad, NDArray weight, float weightDecay, NDManager scope) {
    NDArray g = owned(grad.duplicate(), scope);
    return weightDecay == 0 ? g : g.addi(owned(weight.mul(weightDecay), scope));
  }

  /** Moves a temporary computed from long-lived state into {@code scope}, so it is freed with it. */
  private static NDArray owned(NDArray temporary, NDManager scope) {
    temporary.attach(scope);
    return temporary;
  }

  /** DJL's optimizer settings (weight decay, gradient clipping) with nothing added. */
  private static final class Settings extends Optimizer.OptimizerBuilder<Settings> {
    @Override
    protected Settings self() {
      return this;
    }
  }
}
