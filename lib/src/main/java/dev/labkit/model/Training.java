package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.UserError;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import dev.labkit.ground.Values;
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
    int lrStep, double lrFactor, int lrPatience, double minLr, int earlyStop, double minDelta, boolean restoreBest) implements DeclaredSpec<Training> {

  /** The optimizers labkit trains with. */
  public enum Optimizer { SGD, ADAM, RMSPROP, ADAGRAD }

  /** How the learning rate moves during training. */
  public enum Schedule { CONSTANT, STEP, COSINE, PATIENCE }

  private static final Declare<Training> P = Declare.of(Training.class);

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<Training> PARAMS = ParamTable.of(
      P.choice("optimizer", Optimizer.class, Training::optimizer, Training::optimizer,
          "`sgd` (with optional momentum), `adam`, `rmsprop` or `adagrad` (PyTorch's update formulas and defaults)"),
      P.number("lr", Training::lr, Training::lr, "the (initial) learning rate")
          .check(v -> v > 0 && !v.isInfinite(), "> 0", "the learning rate; try 0.01"),
      P.number("momentum", Training::momentum, Training::momentum, "SGD's and RMSProp's momentum")
          .check(v -> v >= 0 && v < 1, "in [0, 1)", "0 is plain SGD; 0.9 is usual"),
      P.number("weight_decay", Training::weightDecay, Training::weightDecay,
          "L2 weight decay added to the gradient (as PyTorch's `weight_decay`)")
          .check(v -> v >= 0 && !v.isInfinite(), "≥ 0"),
      P.choice("schedule", Schedule.class, Training::schedule, Training::schedule,
          "`constant`, `step` (× `lr_factor` every `lr_step` steps), `cosine` (from `lr` down to `min_lr` over the "
          + "run) or `patience` (× `lr_factor` after `lr_patience` checks without improvement)"),
      P.integer("lr_step", Training::lrStep, Training::lrStep, "steps between decays of the step schedule")
          .check(v -> v >= 1, "≥ 1", "steps between decays of the step schedule"),
      P.number("lr_factor", Training::lrFactor, Training::lrFactor, "what a decay multiplies the learning rate by")
          .check(v -> v > 0 && v < 1, "in (0, 1)", "0.5 halves the learning rate"),
      P.integer("lr_patience", Training::lrPatience, Training::lrPatience,
          "checks without improvement before the patience schedule decays").check(v -> v >= 1, "≥ 1"),
      P.number("min_lr", Training::minLr, Training::minLr,
          "the floor no schedule goes below (and where cosine ends), ≥ 0 and below `lr`"),
      P.integer("early_stop", Training::earlyStop, Training::earlyStop,
          "stop after this many checks without improvement; 0 trains to the end")
          .check(v -> v >= 0, "≥ 0", "0 trains to the end"),
      P.number("min_delta", Training::minDelta, Training::minDelta,
          "how much a loss must fall to count as an improvement for early stopping")
          .check(v -> v >= 0 && !v.isInfinite(), "≥ 0"),
      P.bool("restore_best", Training::restoreBest, Training::restoreBest,
          "on an early stop, go back to the weights of the best check"));

  public Training {
    PARAMS.validate(optimizer, lr, momentum, weightDecay, schedule, lrStep, lrFactor, lrPatience, minLr, earlyStop,
        minDelta, restoreBest);
    if (!(minLr >= 0 && minLr < lr)) {
      throw new UserError("min_lr must be ≥ 0 and below lr (" + Values.show(lr) + "), got " + Values.show(minLr));
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

  @Override
  public ParamTable<Training> paramTable() {
    return PARAMS;
  }

  /** Whether {@code key} is one of {@link #params()}' keys, so a model spec knows to route it here. */
  public static boolean has(String key) {
    return PARAMS.has(key);
  }

}
