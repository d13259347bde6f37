package dev.labkit.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import dev.labkit.ground.Params;
import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.NeuralNet;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mini-batch training of a classifier network, written out step by step (no high-level trainer), as
 * a student would write it in PyTorch:
 *
 * <pre>
 * for each epoch:
 *     shuffle the training set (a seeded permutation)
 *     for each batch:  forward → cross-entropy loss → backward → optimizer update → zero the gradients
 *     measure the validation set; move the learning rate schedule; early stopping; overfitting flag
 * </pre>
 *
 * Speed comes from three habits (measured in bench/README.md): the dataset lives in native memory as one
 * array and each batch is one native gather; every step's temporary arrays belong to a sub-manager closed
 * at the end of the step; and the loss is not read back to Java at every step (that would make Java wait
 * for the native side each time) but kept and read once per epoch.
 */
public final class ClassifierTrainer {
  /** Rows per forward pass when measuring a whole set (validation, prediction): bounded memory. */
  static final int EVAL_CHUNK = 4096;

  private final NeuralNet spec;
  private final Shape shape;
  private final EventSink events;
  private final NDManager manager;
  private final Block net;
  private final ParameterStore store;
  private final List<Parameter> parameters;
  private final LearningRate rate;
  private final Optimizer optimizer;
  private final SplittableRandom random;
  private int stepsDone;
  private int currentEpoch; // for marks made inside a step

  private ClassifierTrainer(NeuralNet spec, Shape shape, int classes, int stepsPerEpoch, long seed,
      EventSink events, NDManager manager) {
    this.spec = spec;
    this.shape = shape;
    this.events = events;
    this.manager = manager;
    this.net = ClassifierNetworks.build(spec, shape, classes);
    ClassifierNetworks.initialize(net, manager, spec, shape, classes);
    this.store = new ParameterStore(manager, false);
    this.parameters = net.getParameters().values();
    this.rate = LearningRate.start(spec.training(), spec.epochs() * stepsPerEpoch);
    this.optimizer = Optimizers.build(spec.training(), rate);
    this.random = new SplittableRandom(seed);
  }

  /**
   * Trains {@code spec} on {@code train}, measuring {@code validation} (may be null) after every epoch, and
   * returns the fitted classifier. Every random choice (initial weights, dropout, batch order) comes
   * from {@code seed}, so the same call gives the same bits.
   */
  public static NeuralClassifier fit(NeuralNet spec, Dataset train, Dataset validation, long seed, EventSink events) {
    if (spec.batch() > train.size()) {
      throw new UserError("batch must be at most the training set's " + train.size() + " examples, got "
          + spec.batch() + " (set model.batch lower)");
    }
    long start = System.nanoTime();
    Torch.configure(spec.threads(), seed);
    int stepsPerEpoch = (train.size() + spec.batch() - 1) / spec.batch();
    try (NDManager manager = Torch.manager()) {
      ClassifierTrainer trainer = new ClassifierTrainer(spec, train.shape(), train.numClasses(), stepsPerEpoch,
          seed, events, manager);
      Tensors trainSet = Tensors.of(manager, train);
      Tensors validationSet = validation == null ? null : Tensors.of(manager, validation);
      TrainingLog log = trainer.epochs(trainSet, validationSet);
      return new NeuralClassifier(spec, train.shape(), train.numClasses(), trainer.weights(), log,
          (System.nanoTime() - start) / 1e9);
    }
  }

  /** The epoch loop: train, measure, then let the schedule, early stopping and the overfitting flag look. */
  private TrainingLog epochs(Tensors train, Tensors validation) {
    TrainingLog log = new TrainingLog(spec, events);
    EarlyStopping stopping = new EarlyStopping(spec.training());
    OverfitWatch overfit = new OverfitWatch(validation == null ? 0 : spec.overfitPatience());
    List<float[]> best = null;
    for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
      Scores trained = trainEpoch(train, epoch);
      Scores measured = validation == null ? null : measure(validation);
      log.epoch(epoch, trained, measured, rate.value());
      double monitored = measured == null ? trained.loss() : measured.loss(); // what "progress" means
      if (rate.afterCheck(monitored)) {
        log.lrDrop(epoch, rate.value());
      }
      if (measured != null) {
        log.overfitting(overfit.observe(epoch, trained.loss(), measured.loss(), measured.accuracy()));
      }
      if (stopping.observe(epoch, monitored)) {
        best = spec.training().restoreBest() && spec.training().earlyStop() > 0 ? weights() : null;
      }
      if (stopping.shouldStop()) {
        if (best != null) {
          restore(best);
        }
        log.earlyStop(epoch, stopping.bestCheck(), stopping.bestLoss(), best != null);
        break;
      }
    }
    return log.finish(stepsDone, stopping.bestCheck(), validation != null);
  }

  /**
   * One pass over the training set in a new random order. Each step's loss and scores are kept as they are
   * (moved into the epoch's manager, which costs no native call) and read back together at the end of the
   * epoch: reading a loss at every step would make Java wait for the native side every time.
   */
  private Scores trainEpoch(Tensors train, int epoch) {
    this.currentEpoch = epoch;
    int stepsBefore = stepsDone;
    try (NDManager epochScope = manager.newSubManager()) {
      NDArray order = epochScope.create(permutation(train.size(), random));
      NDList losses = new NDList();
      NDList logits = new NDList();
      for (int from = 0; from < train.size(); from += spec.batch()) {
        step(train, order, from, Math.min(train.size(), from + spec.batch()), epochScope, losses, logits);
      }
      float[] stepLoss = NDArrays.stack(losses).toFloatArray();
      // the epoch's predictions against the labels in the order they were seen
      NDArray labels = train.y().get(epochScope, new NDIndex("{}", order));
      long correct = NDArrays.concat(logits).argMax(1).eq(labels).sum().getLong();
      return Scores.ofEpoch(stepLoss, correct, spec.batch(), train.size(), epoch, stepsBefore);
    }
  }

  /** One update on the rows {@code order[from, to)} of the training set; keeps its loss and logits. */
  private void step(Tensors train, NDArray order, int from, int to, NDManager epochScope, NDList losses,
      NDList logits) {
    try (NDManager scope = manager.newSubManager()) {
      // the batch: a slice of this epoch's permutation, then one native gather of those rows
      NDArray rows = order.get(scope, new NDIndex(from + ":" + to));
      NDArray x = train.x().get(scope, new NDIndex("{}", rows));
      NDArray y = train.y().get(scope, new NDIndex("{}", rows));
      NDArray scores;
      NDArray loss;
      try (GradientCollector tape = Engine.getInstance().newGradientCollector()) {
        // forward: one score (logit) per class for every example; dropout is on while training
        scores = net.forward(store, new NDList(ClassifierNetworks.input(x, spec, shape)), true).singletonOrThrow();
        // loss: the batch's mean cross-entropy, -log softmax(scores)[true class] (or the script's own loss)
        loss = loss(scores, y);
        // backward: autograd fills each parameter's gradient with d loss / d parameter (and frees the
        // intermediate results it saved, so keeping the loss and scores below keeps no batch alive)
        tape.backward(loss);
      }
      loss = float32(loss);
      // update: each parameter takes a step against its gradient, sized by the optimizer and the current
      // learning rate; then zero the gradient (PyTorch's optimizer.zero_grad()), since autograd adds each
      // backward's gradient to whatever the gradient already holds
      for (Parameter parameter : parameters) {
        try (NDArray gradient = parameter.getArray().getGradient()) {
          optimizer.update(parameter.getId(), parameter.getArray(), gradient);
          gradient.subi(gradient);
        }
      }
      stepsDone++;
      if (rate.afterStep(stepsDone)) {
        events.accept(new Event.Scalar(currentEpoch, "mark/lr_drop", rate.value())); // the step and cosine schedules
      }
      // keep the loss and scores for the epoch's means: they outlive this step's manager
      loss.attach(epochScope);
      scores.attach(epochScope);
      losses.add(loss);
      logits.add(scores);
    }
  }

  /** The batch's loss: cross-entropy, or the script's own, which must give one number. */
  private NDArray loss(NDArray scores, NDArray labels) {
    if (spec.loss() == null) {
      return crossEntropy(scores, labels);
    }
    String where = "at epoch " + currentEpoch + ", step " + (stepsDone + 1);
    NDArray value;
    try {
      value = spec.loss().function().apply(scores, labels);
    } catch (RuntimeException e) {
      throw new UserError("your loss " + spec.loss().name() + " failed " + where + ": " + e, e);
    }
    if (value == null || value.getShape().size() != 1) {
      throw new UserError("your loss " + spec.loss().name() + " gave " + (value == null ? "null" : "an array of shape "
          + value.getShape()) + " " + where + "; it must give one number (end it with .mean() or .sum())");
    }
    return value.reshape();
  }

  /** A loss as the loop keeps it: a Java double in the script's formula (mul(0.9)) makes it float64. */
  private static NDArray float32(NDArray loss) {
    return loss.getDataType() == DataType.FLOAT32 ? loss : loss.toType(DataType.FLOAT32, false);
  }

  /**
   * Mean cross-entropy of a batch: for each example, minus the log of the softmax probability the network
   * gives its true class. log-softmax is computed directly (max-shifted), which stays finite where
   * {@code log(softmax(z))} would underflow to log 0.
   */
  static NDArray crossEntropy(NDArray logits, NDArray labels) {
    NDArray logProbabilities = logits.logSoftmax(1);
    NDArray ofTrueClass = logProbabilities.gather(labels.reshape(-1, 1), 1);
    return ofTrueClass.mean().neg();
  }

  /** Loss and accuracy of the current network on a whole set, without dropout and without gradients. */
  private Scores measure(Tensors data) {
    double lossSum = 0;
    long correct = 0;
    for (int from = 0; from < data.size(); from += EVAL_CHUNK) {
      int to = Math.min(data.size(), from + EVAL_CHUNK);
      try (NDManager scope = manager.newSubManager()) {
        NDArray x = data.x().get(scope, new NDIndex(from + ":" + to));
        NDArray y = data.y().get(scope, new NDIndex(from + ":" + to));
        NDArray logits = net.forward(store, new NDList(ClassifierNetworks.input(x, spec, shape)), false)
            .singletonOrThrow();
        lossSum += float32(loss(logits, y)).getFloat() * (double) (to - from);
        correct += logits.argMax(1).eq(y).sum().getLong();
      }
    }
    return new Scores(lossSum / data.size(), correct / (double) data.size());
  }

  /** A Fisher–Yates shuffle of 0..n-1 from the run's generator: a new batch order every epoch. */
  static long[] permutation(int n, SplittableRandom random) {
    long[] order = new long[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** A copy of every parameter's values, in the network's order. */
  private List<float[]> weights() {
    return parameters.stream().map(p -> p.getArray().toFloatArray()).toList();
  }

  private void restore(List<float[]> values) {
    for (int i = 0; i < parameters.size(); i++) {
      ClassifierNetworks.copyInto(parameters.get(i), values.get(i));
    }
  }

  /** Mean loss and accuracy over a set. */
  record Scores(double loss, double accuracy) {
    /**
     * The epoch's means from each step's loss and correct count (the last batch may be smaller). A loss
     * that is NaN or infinite means training diverged: stop, saying at which step and what to change.
     */
    static Scores ofEpoch(float[] stepLoss, long correct, int batch, int n, int epoch, int firstStep) {
      double sum = 0;
      for (int s = 0; s < stepLoss.length; s++) {
        if (!Float.isFinite(stepLoss[s])) {
          throw diverged(stepLoss, s, epoch, firstStep);
        }
        sum += stepLoss[s] * (double) Math.min(batch, n - s * batch);
      }
      return new Scores(sum / n, correct / (double) n);
    }

    private static UserError diverged(float[] stepLoss, int s, int epoch, int firstStep) {
      String last = s > 0 ? "last finite loss " + Params.show(stepLoss[s - 1]) : "no finite loss this epoch";
      return new UserError("training diverged at epoch " + epoch + ", step " + (firstStep + s + 1) + ": the loss is "
          + stepLoss[s] + " (" + last + "); lower the learning rate (model.lr)");
    }
  }
}
