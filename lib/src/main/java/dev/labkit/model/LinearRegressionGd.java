package dev.labkit.model;

import dev.labkit.Params;
import dev.labkit.UserError;
import dev.labkit.data.Noise;
import dev.labkit.neural.Init;
import dev.labkit.neural.Injection;
import dev.labkit.neural.Loss;
import dev.labkit.neural.Training;
import java.util.LinkedHashMap;
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
    Injection noise) implements ModelSpec<LinearRegressionGd> {

  public LinearRegressionGd {
    if (loss == null || training == null || init == null || noise == null) {
      throw new IllegalArgumentException("loss, training, init and noise must not be null");
    }
    if (steps < 1) {
      throw new UserError("steps must be ≥ 1, got " + steps + " (gradient-descent updates to make)");
    }
    if (batch < 0) {
      throw new UserError("batch must be ≥ 0, got " + batch + " (rows per step; 0 = full batch)");
    }
    if (!(tol > 0) || Double.isInfinite(tol)) {
      throw new UserError("tol must be > 0, got " + Params.show(tol) + " (relative change of the loss that counts as converged)");
    }
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
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>(loss.params());
    params.put("steps", steps);
    params.put("batch", batch);
    params.put("tol", tol);
    params.putAll(training.params());
    params.putAll(init.params());
    params.putAll(noise.params());
    return params;
  }

  @Override
  public LinearRegressionGd with(String key, String value) {
    if (Loss.has(key)) {
      return loss(loss.with(key, value));
    }
    if (Training.has(key)) {
      return training(training.with(key, value));
    }
    if (Init.has(key)) {
      return init(init.with(key, value));
    }
    if (Injection.has(key)) {
      return noise(noise.with(key, value));
    }
    return switch (key) {
      case "steps" -> steps(Params.parseInt(key, value));
      case "batch" -> batch(Params.parseInt(key, value));
      case "tol" -> tol(Params.parseDouble(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }
}
