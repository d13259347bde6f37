package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import dev.labkit.data.Noise;
import java.util.Map;

/**
 * Linear regression ŷ = X·w + b fitted by gradient descent with DJL, for the lab that is about gradient
 * descent itself: which loss, which learning rate and schedule, where to start, how long, and what noise
 * does. Its keys are its own ({@code loss}, {@code steps}, {@code init}, …) plus those of its
 * {@link Training} ({@code lr}, {@code optimizer}, {@code schedule}, {@code lr_patience}, {@code early_stop}, …).
 *
 * <pre>{@code
 * linearRegression()                                         // MSE, SGD, lr 0.01, 2,000 full-batch steps from W = b = 0
 * linearRegression().loss(Loss.Kind.HUBER).huberDelta(1).lr(0.001)
 * linearRegression().training(t -> t.schedule(Schedule.PATIENCE).lrPatience(20))
 * linearRegression().init(Init.constant(0.5, 0.5)).steps(500)
 * }</pre>
 *
 * @param steps  updates to make (fewer when early stopping ends the run)
 * @param batch  rows per step, drawn without replacement epoch by epoch; 0 = the whole data (full batch)
 * @param tol    the run has converged from the step after which the loss never again changed by more
 *               than {@code tol} times itself in one step ({@code steps_to_converge})
 */
public record LinearRegressionGd(Loss loss, int steps, int batch, double tol, Training training, Init init,
    Injection noise) implements RegressorSpec<LinearRegressionGd>, DeclaredSpec<LinearRegressionGd> {

  private static final Declare<LinearRegressionGd> P = Declare.of(LinearRegressionGd.class);

  /** Every knob, declared once: the loss's, then its own, then the training's, the start's and the noise's. */
  public static final ParamTable<LinearRegressionGd> PARAMS = ParamTable.of(
      P.group(LinearRegressionGd::loss, LinearRegressionGd::loss, Loss.PARAMS),
      P.integer("steps", LinearRegressionGd::steps, LinearRegressionGd::steps,
          "updates to make (fewer when early stopping ends the run)")
          .check(v -> v >= 1, "≥ 1", "gradient-descent updates to make"),
      P.integer("batch", LinearRegressionGd::batch, LinearRegressionGd::batch,
          "rows per step, drawn without replacement epoch by epoch; 0 = the whole data (full batch)")
          .check(v -> v >= 0, "≥ 0", "rows per step; 0 = full batch"),
      P.number("tol", LinearRegressionGd::tol, LinearRegressionGd::tol,
          "converged from the step after which the loss never again changed by more than tol times itself")
          .check(v -> v > 0 && !v.isInfinite(), "> 0", "relative change of the loss that counts as converged"),
      P.group(LinearRegressionGd::training, LinearRegressionGd::training, Training.PARAMS),
      P.group(LinearRegressionGd::init, LinearRegressionGd::init, Init.PARAMS),
      P.group(LinearRegressionGd::noise, LinearRegressionGd::noise, Injection.PARAMS));

  public LinearRegressionGd {
    if (loss == null || training == null || init == null || noise == null) {
      throw new IllegalArgumentException("loss, training, init and noise must not be null");
    }
    PARAMS.validate(steps, batch, tol);
  }

  /** MSE, plain SGD at lr 0.01, 2,000 full-batch steps from W = b = 0, tol 1e-6, no noise. */
  public static LinearRegressionGd defaults() {
    return new LinearRegressionGd(Loss.mse(), 2000, 0, 1e-6, Training.defaults(), Init.zeros(), Injection.none());
  }

  @Override
  public String name() {
    return "linear-regression";
  }

  public LinearRegressionGd loss(Loss value) {
    return new LinearRegressionGd(value, steps, batch, tol, training, init, noise);
  }

  public LinearRegressionGd loss(Loss.Kind value) {
    return loss(loss.kind(value));
  }

  /** A loss of your own over (prediction, target), e.g. {@code (p, t) -> p.sub(t).cosh().log().mean()}. */
  public LinearRegressionGd loss(String name, java.util.function.BinaryOperator<ai.djl.ndarray.NDArray> function) {
    return loss(Loss.custom(name, function).huberDelta(loss.huberDelta()).hybridAlpha(loss.hybridAlpha()));
  }

  public LinearRegressionGd huberDelta(double value) {
    return loss(loss.huberDelta(value));
  }

  public LinearRegressionGd hybridAlpha(double value) {
    return loss(loss.hybridAlpha(value));
  }

  public LinearRegressionGd steps(int value) {
    return new LinearRegressionGd(loss, value, batch, tol, training, init, noise);
  }

  public LinearRegressionGd batch(int value) {
    return new LinearRegressionGd(loss, steps, value, tol, training, init, noise);
  }

  public LinearRegressionGd tol(double value) {
    return new LinearRegressionGd(loss, steps, batch, value, training, init, noise);
  }

  public LinearRegressionGd training(Training value) {
    return new LinearRegressionGd(loss, steps, batch, tol, value, init, noise);
  }

  /** Changes the training settings: {@code .training(t -> t.optimizer(Optimizer.ADAM).lr(0.1))}. */
  public LinearRegressionGd training(java.util.function.UnaryOperator<Training> change) {
    return training(change.apply(training));
  }

  public LinearRegressionGd lr(double value) {
    return training(training.lr(value));
  }

  public LinearRegressionGd optimizer(Training.Optimizer value) {
    return training(training.optimizer(value));
  }

  public LinearRegressionGd schedule(Training.Schedule value) {
    return training(training.schedule(value));
  }

  public LinearRegressionGd init(Init value) {
    return new LinearRegressionGd(loss, steps, batch, tol, training, value, noise);
  }

  public LinearRegressionGd noise(Injection value) {
    return new LinearRegressionGd(loss, steps, batch, tol, training, init, value);
  }

  /** Noise of {@code type} injected into the data, the weights and the learning rate (standard deviations). */
  public LinearRegressionGd noise(Noise type, double data, double weights, double lr) {
    return noise(new Injection(type, data, weights, lr));
  }

  @Override
  public ParamTable<LinearRegressionGd> paramTable() {
    return PARAMS;
  }

}
