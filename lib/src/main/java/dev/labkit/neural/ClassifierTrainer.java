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
import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.NeuralNet;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
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
  final NDManager manager;
  final Block net;
  private final ParameterStore store;
  private final List<Parameter> parameters;
  private final List<String> names; // the optimizer keys its state by name: a checkpoint finds it again
  private final LearningRate rate;
  final TorchOptimizer optimizer;
  private final SplittableRandom random;
  private final long seed;
  private final TrainingLog log;
  private final EarlyStopping stopping;
  private final OverfitWatch overfit;
  private final NetNoise noise;
  List<float[]> best; // the best epoch's weights, kept when early stopping may restore them
  int stepsDone;
  final String architecture;
  private int currentEpoch; // for marks made inside a step
  private LinearEpochs linear; // softmax regression's epochs on the JVM; null: libtorch's steps

  private ClassifierTrainer(NeuralNet spec, Shape shape, int classes, int stepsPerEpoch, long seed,
      boolean validated, EventSink events, NDManager manager) {
    this.spec = spec;
    this.shape = shape;
    this.events = events;
    this.manager = manager;
    this.net = ClassifierNetworks.build(spec, shape, classes);
    ClassifierNetworks.initialize(net, manager, spec, shape, classes);
    this.store = new ParameterStore(manager, false);
    this.parameters = net.getParameters().values();
    this.names = net.getParameters().keys();
    this.rate = LearningRate.start(spec.training(), spec.epochs() * stepsPerEpoch);
    this.optimizer = Optimizers.build(spec.training(), rate);
    this.random = new SplittableRandom(seed);
    this.seed = seed;
    this.log = new TrainingLog(spec, events);
    this.stopping = new EarlyStopping(spec.training());
    this.overfit = new OverfitWatch(validated ? spec.overfitPatience() : 0);
    this.noise = new NetNoise(spec.noise());
    this.architecture = NetCheckpoint.architecture(spec, shape, classes, net);
  }

  /**
   * Where a run keeps its checkpoint ({@link NetCheckpoint}), one file replaced after every epoch but the
   * last, and whether the run goes on from it.
   */
  public record Checkpoints(Path file, boolean resume) {}

  /**
   * Trains {@code spec} on {@code train}, measuring {@code validation} (may be null) after every epoch, and
   * returns the fitted classifier. Every random choice (initial weights, dropout, batch order) comes
   * from {@code seed}, so the same call gives the same bits.
   */
  public static NeuralClassifier fit(NeuralNet spec, Dataset train, Dataset validation, long seed, EventSink events) {
    return fit(spec, train, validation, seed, events, null);
  }

  /**
   * The same, keeping a checkpoint after every epoch but the last in {@code checkpoints} (null: none), or
   * going on from the one there.
   */
  public static NeuralClassifier fit(NeuralNet spec, Dataset train, Dataset validation, long seed, EventSink events,
      Checkpoints checkpoints) {
    if (spec.batch() > train.size()) {
      throw new UserError("batch must be at most the training set's " + train.size() + " examples, got "
          + spec.batch() + " (set model.batch lower)");
    }
    long start = System.nanoTime();
    Torch.configure(spec.threads(), seed);
    int stepsPerEpoch = (train.size() + spec.batch() - 1) / spec.batch();
    try (NDManager manager = Torch.manager()) {
      ClassifierTrainer trainer = new ClassifierTrainer(spec, train.shape(), train.numClasses(), stepsPerEpoch,
          seed, validation != null, events, manager);
      trainer.linear = LinearEpochs.of(spec, train, trainer.parameters, trainer.names);
      // the JVM epochs read the dataset's own arrays: libtorch then needs no copy of the training set
      Tensors trainSet = trainer.linear != null ? new Tensors(null, null, train.size()) : Tensors.of(manager, train);
      Tensors validationSet = validation == null ? null : Tensors.of(manager, validation);
      int done = 0;
      String data = checkpoints == null ? null : CheckpointFile.dataFingerprint(train);
      if (checkpoints != null && checkpoints.resume()) {
        done = NetCheckpoint.restore(checkpoints.file(), trainer, data).epoch();
        for (int epoch = 1; epoch <= done; epoch++) {
          Batches.permutation(train.size(), trainer.random); // the batch orders of the epochs done: the generator moves on
        }
        events.accept(new Event.Phase("fit", "going on after epoch " + done + " from " + checkpoints.file()));
      }
      TrainingLog log = trainer.epochs(trainSet, validationSet, done + 1, checkpoints, data);
      return new NeuralClassifier(spec, train.shape(), train.numClasses(), ClassifierNetworks.values(trainer.parameters), log,
          (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * The epoch loop from epoch {@code first}: train, measure, then let the schedule, early stopping and the
   * overfitting flag look; a checkpoint after every epoch that is not the last.
   */
  private TrainingLog epochs(Tensors train, Tensors validation, int first, Checkpoints checkpoints, String data) {
    for (int epoch = first; epoch <= spec.epochs(); epoch++) {
      Engine.getInstance().setRandomSeed(Torch.epochSeed(seed, epoch)); // dropout: the seed and the epoch decide
      noise.epoch(seed, epoch);
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
        best = spec.training().restoreBest() && spec.training().earlyStop() > 0 ? ClassifierNetworks.values(parameters) : null;
      }
      if (stopping.shouldStop()) {
        if (best != null) {
          ClassifierNetworks.copyInto(parameters, best);
        }
        log.earlyStop(epoch, stopping.bestCheck(), stopping.bestLoss(), best != null);
        break;
      }
      if (checkpoints != null && epoch < spec.epochs()) {
        NetCheckpoint.write(checkpoints.file(), this, epoch, data);
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
    if (linear != null) {
      long[] correct = new long[1];
      float[] stepLoss = linear.epoch(Batches.permutation(train.size(), random), optimizer, rate, this::stepDone,
          correct);
      return Scores.ofEpoch(stepLoss, correct[0], spec.batch(), train.size(), epoch, stepsBefore);
    }
    try (NDManager epochScope = manager.newSubManager()) {
      NDArray order = epochScope.create(Batches.permutation(train.size(), random));
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
      NDArray x = noise.inputs(train.x().get(scope, new NDIndex("{}", rows)), scope);
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
      loss = NetLoss.float32(loss);
      // update: each parameter takes a step against its gradient, sized by the optimizer and the current
      // learning rate; then zero the gradient (PyTorch's optimizer.zero_grad()), since autograd adds each
      // backward's gradient to whatever the gradient already holds
      noise.learningRate(rate);
      for (int i = 0; i < parameters.size(); i++) {
        Parameter parameter = parameters.get(i);
        try (NDArray gradient = parameter.getArray().getGradient()) {
          optimizer.update(names.get(i), parameter.getArray(), gradient);
          gradient.subi(gradient);
        }
      }
      noise.parameters(parameters, scope);
      stepDone();
      // keep the loss and scores for the epoch's means: they outlive this step's manager
      loss.attach(epochScope);
      scores.attach(epochScope);
      losses.add(loss);
      logits.add(scores);
    }
  }

  /** Counts an update and moves the step and cosine schedules, marking a drop. */
  private void stepDone() {
    stepsDone++;
    if (rate.afterStep(stepsDone)) {
      events.accept(new Event.Scalar(currentEpoch, "mark/lr_drop", rate.value()));
    }
  }

  /** The batch's loss: cross-entropy, or the script's own, which must give one number. */
  private NDArray loss(NDArray scores, NDArray labels) {
    return NetLoss.of(spec, scores, labels, "at epoch " + currentEpoch + ", step " + (stepsDone + 1));
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
        lossSum += NetLoss.float32(loss(logits, y)).getFloat() * (double) (to - from);
        correct += logits.argMax(1).eq(y).sum().getLong();
      }
    }
    return new Scores(lossSum / data.size(), correct / (double) data.size());
  }

  /** Writes where the loop's bookkeeping stands, for a checkpoint. */
  void saveLoop(DataOutputStream out) throws IOException {
    rate.save(out);
    stopping.save(out);
    overfit.save(out);
    log.save(out);
  }

  /** Takes back what {@link #saveLoop} wrote, after {@code steps} updates. */
  void loadLoop(DataInputStream in, int steps) throws IOException {
    stepsDone = steps;
    rate.load(in);
    stopping.load(in);
    overfit.load(in);
    log.load(in);
  }
}
