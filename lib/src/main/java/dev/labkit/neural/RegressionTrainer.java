package dev.labkit.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import dev.labkit.ground.UserError;
import dev.labkit.data.RegressionData;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.util.Locale;

/**
 * Fits ŷ = X·w + b by gradient descent, one readable step at a time (forward, loss, backward, update,
 * zero the gradients), in float64 with DJL's PyTorch engine. It emits events ({@code train/loss} every
 * step, {@code train/lr} when the rate moves, {@code mark/lr_drop} and {@code mark/early_stop}) and never
 * prints or writes files. Every random choice (a normal init, mini-batches, injected noise) comes from the
 * run's seed, each from its own stream, so the same seed gives the same bits. A new rate is logged (and
 * marked) at the first step that uses it; {@code train/lr} also holds the old rate at the step before.
 *
 * <pre>{@code RegressionFit fit = RegressionTrainer.fit(linearRegression().lr(0.01), data, 42, events);}</pre>
 */
public final class RegressionTrainer {
  private final LinearRegressionGd spec;
  private final RegressionData data;
  private final EventSink events;
  private final NDManager manager;
  private final Streams random;
  private final NDArray x;
  private final NDArray y;
  private final NDArray w;
  private final NDArray b;
  private final LearningRate rate;
  private final Optimizer optimizer;
  private final EarlyStopping stopping;
  private final Batches batches;
  private final RegressionWatch progress = new RegressionWatch();

  private RegressionTrainer(LinearRegressionGd spec, RegressionData data, long seed, EventSink events,
      NDManager manager) {
    this.spec = spec;
    this.data = data;
    this.events = events;
    this.manager = manager;
    this.random = new Streams(seed);
    int n = data.size();
    int d = data.featureCount();
    x = manager.create(data.features(), new Shape(n, d)); // float64: double[] makes float64 arrays
    y = manager.create(data.targets());
    double[] start = spec.init().start(d, random.init());
    w = manager.create(java.util.Arrays.copyOf(start, d));
    b = manager.create(start[d]);
    w.setRequiresGradient(true); // ask autograd to keep dLoss/dw and dLoss/db
    b.setRequiresGradient(true);
    rate = LearningRate.start(spec.training(), spec.steps());
    optimizer = Optimizers.build(spec.training(), rate);
    stopping = new EarlyStopping(spec.training());
    batches = new Batches(n, spec.batch(), random.batches());
  }

  /** Trains {@code spec} on {@code data}; a batch larger than the data is a one-line error. */
  public static RegressionFit fit(LinearRegressionGd spec, RegressionData data, long seed, EventSink events) {
    if (spec.batch() > data.size()) {
      throw new UserError(String.format(Locale.ROOT, "batch %d is larger than the data (%,d rows); use batch ≤ %d, "
          + "or 0 for full batch", spec.batch(), data.size(), data.size()));
    }
    // a line fit's arrays are small: one libtorch thread is fastest, and two threads spinning on a busy
    // two-core machine made a 2,000-step run take 5 to 30 s instead of 0.3 s (measured here)
    Torch.threads(1);
    try (NDManager manager = Torch.manager()) {
      return new RegressionTrainer(spec, data, seed, events, manager).train();
    }
  }

  private RegressionFit train() {
    events.accept(new Event.Scalar(1, "train/lr", rate.value()));
    int step = 1;
    for (; step <= spec.steps(); step++) {
      double loss = step();
      if (!Double.isFinite(loss)) {
        progress.divergedAt = step;
        events.accept(new Event.Phase("fit", "diverged at step " + step + ": the loss became " + loss));
        break;
      }
      events.accept(new Event.Scalar(step, "train/loss", loss));
      progress.observe(step, loss, spec.tol());
      report(step, loss);
      if (afterStep(step, loss)) {
        break;
      }
    }
    int steps = Math.min(step, spec.steps());
    events.accept(new Event.Scalar(steps, "train/lr", rate.value())); // the rate's line reaches the end
    return finish(steps);
  }

  /** One step of gradient descent; returns the loss of the weights it started from. */
  private double step() {
    try (NDManager scope = manager.newSubManager()) { // everything this step makes is freed at its end
      Batches.Batch batch = batches.next(x, y, scope);
      NDArray inputs = spec.noise().data() > 0 ? batch.x().add(noise(scope, batch.x().getShape(),
          spec.noise().data(), random.data())) : batch.x();
      NDArray loss;
      try (GradientCollector tape = Engine.getInstance().newGradientCollector()) { // records what autograd needs
        NDArray prediction = inputs.matMul(w).add(b);     // 1. forward: ŷ = X·w + b for every row of the batch
        loss = spec.loss().apply(prediction, batch.y());  // 2. loss: one number saying how wrong ŷ is
        tape.backward(loss);                              // 3. backward: dLoss/dw and dLoss/db by autograd
      }
      double value = loss.getDouble();
      if (!Double.isFinite(value)) {
        return value; // diverged: never update with a NaN gradient
      }
      if (spec.noise().lr() > 0) { // noise on the learning rate: this update uses lr · max(0, 1 + ε)
        rate.jitter(Math.max(0, 1 + spec.noise().type().sample(random.lr(), spec.noise().lr())));
      }
      if (spec.training().earlyStop() > 0 && spec.training().restoreBest()) {
        progress.start = new double[][] {w.toDoubleArray(), b.toDoubleArray()}; // the weights this loss is of
      }
      NDArray dw = Scoped.alias(w.getGradient(), scope);
      NDArray db = Scoped.alias(b.getGradient(), scope);
      optimizer.update("w", w, dw);                     // 4. update: w ← w − lr·(the optimizer's step)
      optimizer.update("b", b, db);
      dw.subi(dw);                                      // 5. zero the gradients: PyTorch adds each backward's
      db.subi(db);                                      //    gradients to the old ones, so clear them
      if (spec.noise().weights() > 0) {                 // noise on the weights, after the update
        w.addi(noise(scope, w.getShape(), spec.noise().weights(), random.weights()));
        b.addi(noise(scope, b.getShape(), spec.noise().weights(), random.weights()));
      }
      return value;
    }
  }

  /** Moves the schedule on and checks early stopping; true when training should stop now. */
  private boolean afterStep(int step, double loss) {
    double before = rate.value();
    boolean dropped = rate.afterStep(step) | rate.afterCheck(loss);
    if (dropped) { // the old rate made this step's update, the new one makes the next: drawn as a step down
      progress.lrDrops++;
      events.accept(new Event.Scalar(step, "train/lr", before));
      events.accept(new Event.Scalar(step + 1, "train/lr", rate.value()));
      events.accept(new Event.Scalar(step + 1, "mark/lr_drop", rate.value()));
    }
    if (spec.training().earlyStop() == 0) {
      return false;
    }
    if (stopping.observe(step, loss) && spec.training().restoreBest()) {
      progress.best = progress.start;
    }
    if (!stopping.shouldStop()) {
      return false;
    }
    progress.stoppedEarly = true;
    events.accept(new Event.Scalar(step, "mark/early_stop", stopping.bestLoss()));
    events.accept(new Event.Phase("fit", String.format(Locale.ROOT, "early stop at step %d: best loss %.6g at step %d%s",
        step, stopping.bestLoss(), stopping.bestCheck(), spec.training().restoreBest() ? " (restored)" : "")));
    if (progress.best != null) { // the weights the best loss was measured at
      w.set(progress.best[0]);
      b.set(progress.best[1]);
    }
    return true;
  }

  private void report(int step, double loss) {
    events.accept(new Event.Progress("step", step, spec.steps(), String.format(Locale.ROOT, "loss %.4g", loss)));
    int every = Math.max(1, spec.steps() / 10);
    if (step % every == 0 || step == 1) {
      events.accept(new Event.Phase("fit", String.format(Locale.ROOT, "step %d/%d  loss %.6g  lr %.3g", step,
          spec.steps(), loss, rate.value())));
    }
  }

  /** The final weights, and their loss and errors on the whole data with no injected noise. */
  private RegressionFit finish(int steps) {
    double[] weights = w.toDoubleArray();
    double bias = b.getDouble();
    double finalLoss;
    try (NDManager scope = manager.newSubManager()) {
      NDArray prediction = Scoped.alias(x, scope).matMul(w).add(b);
      finalLoss = spec.loss().apply(prediction, y).getDouble();
    }
    double[] errors = RegressionWatch.errors(data, weights, bias);
    return new RegressionFit(weights, bias, finalLoss, errors[0], errors[1], steps, progress.stepsToConverge(steps),
        progress.stoppedEarly, progress.lrDrops, progress.divergedAt, progress.lastFinite);
  }

  /** Noise of the injection's type with standard deviation {@code scale}, shaped like {@code shape}. */
  private NDArray noise(NDManager scope, Shape shape, double scale, java.util.random.RandomGenerator stream) {
    double[] values = spec.noise().type().samples(stream, scale, (int) Math.max(1, shape.size()));
    return scope.create(values, shape);
  }
}
