package dev.labkit.neural;

import dev.labkit.Params;
import dev.labkit.UserError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a network is trained, apart from what it is: the optimizer and its learning rate, how the
 * learning rate changes over training, and when to stop early. Shared by every trainer in labkit (the
 * regression lab's gradient descent, softmax regression, the MLP), so the same keys mean the same thing
 * everywhere: a model spec embeds one and shows its {@link #params()} among its own.
 *
 * <pre>{@code
 * Training.defaults().optimizer(Optimizer.ADAM).lr(1e-3)
 * Training.defaults().lr(0.01).schedule(Schedule.PATIENCE).lrPatience(50)    // halve after 50 checks without progress
 * Training.defaults().earlyStop(5)                                           // stop after 5 checks without progress
 * }</pre>
 *
 * "A check" is whatever the trainer measures progress on: one step of full-batch gradient descent, or
 * one epoch of mini-batch training (on the validation loss when there is a validation set).
 *
 * @param optimizer   {@code sgd} (with optional momentum), {@code adam}, {@code rmsprop} or {@code adagrad}
 * @param lr          the (initial) learning rate, > 0
 * @param momentum    SGD's and RMSProp's momentum, in [0, 1)
 * @param weightDecay L2 weight decay added to the gradient (as PyTorch's {@code weight_decay}), ≥ 0
 * @param schedule    {@code constant}, {@code step} (× lr_factor every lr_step steps), {@code cosine}
 *                    (from lr down to min_lr over the run) or {@code patience} (× lr_factor after lr_patience
 *                    checks without improvement)
 * @param lrStep      steps between decays of the step schedule, ≥ 1
 * @param lrFactor    what a decay multiplies the learning rate by, in (0, 1); 0.5 halves it
 * @param lrPatience  checks without improvement before the patience schedule decays, ≥ 1
 * @param minLr       the floor no schedule goes below (and where cosine ends), ≥ 0 and < lr
 * @param earlyStop   stop after this many checks without improvement; 0 trains to the end
 * @param minDelta    how much a loss must fall to count as an improvement for early stopping, ≥ 0
 * @param restoreBest on an early stop, go back to the weights of the best check
 */
public record Training(Optimizer optimizer, double lr, double momentum, double weightDecay, Schedule schedule,
    int lrStep, double lrFactor, int lrPatience, double minLr, int earlyStop, double minDelta, boolean restoreBest) {

  /** The optimizers labkit trains with. */
  public enum Optimizer { SGD, ADAM, RMSPROP, ADAGRAD }

  /** How the learning rate moves during training. */
  public enum Schedule { CONSTANT, STEP, COSINE, PATIENCE }

  public Training {
    if (optimizer == null) {
      throw new UserError("optimizer must be one of sgd, adam, rmsprop, adagrad, got nothing");
    }
    if (schedule == null) {
      throw new UserError("schedule must be one of constant, step, cosine, patience, got nothing");
    }
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new UserError("lr must be > 0, got " + Params.show(lr) + " (the learning rate; try 0.01)");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new UserError("momentum must be in [0, 1), got " + Params.show(momentum) + " (0 is plain SGD; 0.9 is usual)");
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new UserError("weight_decay must be ≥ 0, got " + Params.show(weightDecay));
    }
    if (lrStep < 1) {
      throw new UserError("lr_step must be ≥ 1, got " + lrStep + " (steps between decays of the step schedule)");
    }
    if (!(lrFactor > 0 && lrFactor < 1)) {
      throw new UserError("lr_factor must be in (0, 1), got " + Params.show(lrFactor) + " (0.5 halves the learning rate)");
    }
    if (lrPatience < 1) {
      throw new UserError("lr_patience must be ≥ 1, got " + lrPatience);
    }
    if (!(minLr >= 0 && minLr < lr)) {
      throw new UserError("min_lr must be ≥ 0 and below lr (" + Params.show(lr) + "), got " + Params.show(minLr));
    }
    if (earlyStop < 0) {
      throw new UserError("early_stop must be ≥ 0, got " + earlyStop + " (0 trains to the end)");
    }
    if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
      throw new UserError("min_delta must be ≥ 0, got " + Params.show(minDelta));
    }
  }

  /**
   * Plain SGD at lr 0.01, no momentum, no weight decay, constant learning rate, no early stop; for the
   * other schedules: halve every 1000 steps (step), after 10 checks without improvement (patience),
   * never below 1e-6; early stopping, when switched on, restores the best weights.
   */
  public static Training defaults() {
    return new Training(Optimizer.SGD, 0.01, 0, 0, Schedule.CONSTANT, 1000, 0.5, 10, 1e-6, 0, 0, true);
  }

  public Training optimizer(Optimizer value) {
    return new Training(value, lr, momentum, weightDecay, schedule, lrStep, lrFactor, lrPatience, minLr, earlyStop,
        minDelta, restoreBest);
  }

  public Training lr(double value) {
    return new Training(optimizer, value, momentum, weightDecay, schedule, lrStep, lrFactor, lrPatience, minLr,
        earlyStop, minDelta, restoreBest);
  }

  public Training momentum(double value) {
    return new Training(optimizer, lr, value, weightDecay, schedule, lrStep, lrFactor, lrPatience, minLr, earlyStop,
        minDelta, restoreBest);
  }

  public Training weightDecay(double value) {
    return new Training(optimizer, lr, momentum, value, schedule, lrStep, lrFactor, lrPatience, minLr, earlyStop,
        minDelta, restoreBest);
  }

  public Training schedule(Schedule value) {
    return new Training(optimizer, lr, momentum, weightDecay, value, lrStep, lrFactor, lrPatience, minLr, earlyStop,
        minDelta, restoreBest);
  }

  public Training lrStep(int value) {
    return new Training(optimizer, lr, momentum, weightDecay, schedule, value, lrFactor, lrPatience, minLr, earlyStop,
        minDelta, restoreBest);
  }

  public Training lrFactor(double value) {
    return new Training(optimizer, lr, momentum, weightDecay, schedule, lrStep, value, lrPatience, minLr, earlyStop,
        minDelta, restoreBest);
  }

  public Training lrPatience(int value) {
    return new Training(optimizer, lr, momentum, weightDecay, schedule, lrStep, lrFactor, value, minLr, earlyStop,
        minDelta, restoreBest);
  }

  public Training minLr(double value) {
    return new Training(optimizer, lr, momentum, weightDecay, schedule, lrStep, lrFactor, lrPatience, value, earlyStop,
        minDelta, restoreBest);
  }

  public Training earlyStop(int value) {
    return new Training(optimizer, lr, momentum, weightDecay, schedule, lrStep, lrFactor, lrPatience, minLr, value,
        minDelta, restoreBest);
  }

  public Training minDelta(double value) {
    return new Training(optimizer, lr, momentum, weightDecay, schedule, lrStep, lrFactor, lrPatience, minLr, earlyStop,
        value, restoreBest);
  }

  public Training restoreBest(boolean value) {
    return new Training(optimizer, lr, momentum, weightDecay, schedule, lrStep, lrFactor, lrPatience, minLr, earlyStop,
        minDelta, value);
  }

  /** The keys, in the order a model spec shows them (it may put its own keys before and after). */
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("optimizer", Params.name(optimizer));
    params.put("lr", lr);
    params.put("momentum", momentum);
    params.put("weight_decay", weightDecay);
    params.put("schedule", Params.name(schedule));
    params.put("lr_step", lrStep);
    params.put("lr_factor", lrFactor);
    params.put("lr_patience", lrPatience);
    params.put("min_lr", minLr);
    params.put("early_stop", earlyStop);
    params.put("min_delta", minDelta);
    params.put("restore_best", restoreBest);
    return params;
  }

  /** Whether {@code key} is one of {@link #params()}' keys, so a model spec knows to route it here. */
  public static boolean has(String key) {
    return defaults().params().containsKey(key);
  }

  /** A copy with one key set from its text form; the caller has checked {@link #has}. */
  public Training with(String key, String value) {
    return switch (key) {
      case "optimizer" -> optimizer(Params.parseEnum(key, value, Optimizer.class));
      case "lr" -> lr(Params.parseDouble(key, value));
      case "momentum" -> momentum(Params.parseDouble(key, value));
      case "weight_decay" -> weightDecay(Params.parseDouble(key, value));
      case "schedule" -> schedule(Params.parseEnum(key, value, Schedule.class));
      case "lr_step" -> lrStep(Params.parseInt(key, value));
      case "lr_factor" -> lrFactor(Params.parseDouble(key, value));
      case "lr_patience" -> lrPatience(Params.parseInt(key, value));
      case "min_lr" -> minLr(Params.parseDouble(key, value));
      case "early_stop" -> earlyStop(Params.parseInt(key, value));
      case "min_delta" -> minDelta(Params.parseDouble(key, value));
      case "restore_best" -> restoreBest(Params.parseBoolean(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }
}
