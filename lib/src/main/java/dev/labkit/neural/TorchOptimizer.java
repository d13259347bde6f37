package dev.labkit.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.optimizer.Optimizer;
import dev.labkit.model.Training;
import java.util.HashMap;
import java.util.Map;

/**
 * PyTorch's update rules ({@code torch.optim.SGD}, {@code Adam}, {@code RMSprop}, {@code Adagrad}, with
 * their defaults) written with NDArray operations, as a DJL {@link Optimizer}. We write them ourselves
 * because DJL 0.36's PyTorch engine has no RMSProp or Adagrad at all ("Not implemented"), its Adam adds
 * ε before the bias correction rather than after, its SGD momentum buffer holds lr·g rather than g (the
 * two differ as soon as the learning rate moves), and it passes the learning rate as a float. Here every
 * number stays in the parameter's own type (float64 parameters get float64 arithmetic) and the learning
 * rate is read from {@link LearningRate#current()} at each update, so schedules and jitter act at once.
 * docs/architecture.md lists the formulas.
 */
public final class TorchOptimizer extends Optimizer {
  /** PyTorch's defaults: Adam's β₁, β₂ and ε, RMSprop's α and ε, Adagrad's ε. */
  static final double BETA1 = 0.9;
  static final double BETA2 = 0.999;
  static final double ADAM_EPS = 1e-8;
  static final double RMS_ALPHA = 0.99;
  static final double RMS_EPS = 1e-8;
  static final double ADAGRAD_EPS = 1e-10;

  private final Training training;
  private final LearningRate rate;
  private final double beta1;
  private final double beta2;
  /** Per parameter: how many updates it has had, and the optimizer's running state (momentum, moments). */
  private final Map<String, Integer> steps = new HashMap<>();
  private final Map<String, NDArray[]> states = new HashMap<>();

  TorchOptimizer(Training training, LearningRate rate) {
    this(training, rate, BETA1, BETA2);
  }

  /** Adam's β₁ and β₂ given (a GAN's Adam uses β₁ 0.5); the other optimizers ignore them. */
  TorchOptimizer(Training training, LearningRate rate, double beta1, double beta2) {
    super(new Builder());
    this.training = training;
    this.rate = rate;
    this.beta1 = beta1;
    this.beta2 = beta2;
  }

  /**
   * What one parameter's optimizer state holds: its number of updates so far (Adam's t) and its buffers
   * (SGD's momentum; Adam's m and v; RMSprop's v and momentum; Adagrad's sum), as the live arrays.
   */
  public record Slot(int steps, NDArray[] buffers) {}

  /** Every parameter's state by parameter id, for a checkpoint; the arrays are the optimizer's own, not copies. */
  public Map<String, Slot> state() {
    Map<String, Slot> out = new java.util.TreeMap<>();
    steps.forEach((id, t) -> out.put(id, new Slot(t, states.get(id))));
    return out;
  }

  /**
   * Replaces the whole state by {@code saved} (what {@link #state()} gave, read back from a checkpoint), so
   * the next update of each parameter is the one it would have been. The buffers are taken over as they
   * are: they must live as long as the parameters and have their shapes.
   */
  public void restore(Map<String, Slot> saved) {
    steps.clear();
    states.clear();
    saved.forEach((id, slot) -> {
      steps.put(id, slot.steps());
      states.put(id, slot.buffers());
    });
  }

  /**
   * Changes {@code weight} in place by one step against {@code grad}. The temporaries live in a manager
   * of their own, closed at the end, so a long run does not pile them up.
   */
  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    int t = steps.merge(parameterId, 1, Integer::sum);
    double lr = rate.current();
    if (training.optimizer() == Training.Optimizer.ADAM && weight.getDataType() == DataType.FLOAT32) {
      fusedAdam(parameterId, weight, grad, t, lr);
      return;
    }
    try (NDManager scope = weight.getManager().newSubManager()) {
      NDArray g = Scoped.alias(grad, scope);
      if (training.weightDecay() > 0) {
        g = g.add(Scoped.alias(weight, scope).mul(training.weightDecay())); // L2 weight decay: g + λ·w
      }
      NDArray[] kept = states.computeIfAbsent(parameterId, id -> newState(weight));
      NDArray[] state = {Scoped.alias(kept[0], scope), Scoped.alias(kept[1], scope)};
      weight.subi(step(g, state, t, lr));
    }
  }

  /**
   * Adam on float32 parameters in one call of libtorch's fused kernel (a dozen NDArray calls a step
   * made softmax regression twice as slow). The kernel computes w ← w − a·m / (√v + e); with
   * a = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) and e = ε·√(1 − β₂ᵗ) that is exactly PyTorch's lr·m̂ / (√v̂ + ε).
   */
  private void fusedAdam(String parameterId, NDArray weight, NDArray grad, int t, double lr) {
    NDArray[] state = states.computeIfAbsent(parameterId, id -> newState(weight));
    double correction1 = 1 - Math.pow(beta1, t);
    double correction2 = Math.sqrt(1 - Math.pow(beta2, t));
    DjlInternals.adamUpdate(weight, grad, state[0], state[1], (float) lr, (float) (lr * correction2 / correction1),
        (float) training.weightDecay(), (float) beta1, (float) beta2, (float) (ADAM_EPS * correction2));
  }

  /** The amount to subtract from the weight; updates the state in place. */
  private NDArray step(NDArray g, NDArray[] state, int t, double lr) {
    double momentum = training.momentum();
    return switch (training.optimizer()) {
      case SGD -> momentum == 0 ? g.mul(lr) : state[0].muli(momentum).addi(g).mul(lr); // buf = μ·buf + g
      case ADAM -> {
        state[0].muli(beta1).addi(g.mul(1 - beta1));          // m = β₁·m + (1 − β₁)·g
        state[1].muli(beta2).addi(g.square().mul(1 - beta2)); // v = β₂·v + (1 − β₂)·g²
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = Math.sqrt(1 - Math.pow(beta2, t));
        NDArray denominator = state[1].sqrt().div(correction2).add(ADAM_EPS); // √v̂ + ε
        yield state[0].div(denominator).mul(lr / correction1);                // lr · m̂ / (√v̂ + ε)
      }
      case RMSPROP -> {
        state[0].muli(RMS_ALPHA).addi(g.square().mul(1 - RMS_ALPHA)); // v = α·v + (1 − α)·g²
        NDArray scaled = g.div(state[0].sqrt().add(RMS_EPS));          // g / (√v + ε)
        yield momentum == 0 ? scaled.mul(lr) : state[1].muli(momentum).addi(scaled).mul(lr);
      }
      case ADAGRAD -> {
        state[0].addi(g.square());                               // sum of every g² so far
        yield g.div(state[0].sqrt().add(ADAGRAD_EPS)).mul(lr);   // lr · g / (√sum + ε)
      }
    };
  }

  /** Zeroed buffers, in the weight's manager so they live as long as it: momentum, or Adam's m and v. */
  private static NDArray[] newState(NDArray weight) {
    return new NDArray[] {weight.zerosLike(), weight.zerosLike()};
  }

  /** DJL's base class wants a builder; weight decay, clipping and rescaling are left at "none". */
  private static final class Builder extends OptimizerBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }
  }
}
