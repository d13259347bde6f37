package dev.labkit.gan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.labkit.data.Dataset;
import dev.labkit.model.Gan;
import dev.labkit.neural.Optimizers;
import dev.labkit.neural.Torch;
import dev.labkit.neural.TorchOptimizer;
import java.util.SplittableRandom;

/**
 * The adversarial game, one step at a time. D learns to score real images high and G's images low;
 * G learns to make D score its images high. Each network has its own Adam optimizer, and each step
 * updates only its own network: D's parameters are frozen while G learns through them.
 *
 * <p>All arrays of a step live in a sub-manager closed at the step's end; the dataset is one array on
 * the native side and a batch is one gather from it. Losses are read back only when asked for.
 */
public final class GanTraining {
  /**
   * What a step measured: the two losses, D's mean probability of "real" on real and on fake images, and
   * the L2 norm of each network's whole gradient (all its parameters together) in its update of the step.
   */
  public record Losses(double dLoss, double gLoss, double dReal, double dFake, double gGradNorm, double dGradNorm) {}

  private final Gan spec;
  private final NDManager manager;
  private final NDArray images;   // the whole training set, n × pixels, in [-1, 1]
  private final NDArray oneHot;   // its labels one-hot (n × classes), or null when unconditional
  private final int size;
  private final int classes;
  private final Block g;
  private final Block d;
  private final TorchOptimizer adamG;
  private final TorchOptimizer adamD;
  private final ParameterStore store;
  private final long seed;
  private SplittableRandom random; // batches and noise of the current step: Java's, so measuring never moves them
  private boolean measuring;       // whether this step's updates read their gradient norms back
  private double gGradNorm;
  private double dGradNorm;

  /**
   * Builds both networks from {@code seed} (libtorch's generator, seeded by it, draws the initial weights), and sets
   * libtorch's threads to the spec's: the thread count (and oneMKL's dynamic threading, which setting it turns
   * off) changes how sums round, so a training must not inherit whatever count ran before it in the process.
   */
  public GanTraining(Gan spec, Dataset train, long seed, NDManager manager) {
    Torch.threads(spec.threads());
    this.spec = spec;
    this.manager = manager;
    this.size = train.size();
    this.classes = spec.conditional() ? train.numClasses() : 0;
    int pixels = train.featureCount();
    this.images = Torch.floats(manager, train.features(), new Shape(size, pixels));
    this.oneHot = classes == 0 ? null : Generator.oneHot(manager, train.labels(), classes);
    this.seed = seed;
    this.random = new SplittableRandom(stepSeed(seed, 0));
    Engine.getInstance().setRandomSeed(Long.hashCode(seed));
    this.g = initialized(GanNetworks.generator(spec, train.shape(), spec.latent() + classes), spec, manager,
        spec.latent() + classes, pixels);
    this.d = initialized(GanNetworks.discriminator(spec, train.shape(), pixels + classes), spec, manager,
        pixels + classes, 1);
    // two separate optimizers, so neither shares the other's moment estimates or step counts; PyTorch's
    // Adam formula, with a state we own so that a checkpoint can save it (ε 1e-8)
    this.adamG = Optimizers.adam(spec.lr(), spec.beta1(), spec.beta2());
    this.adamD = Optimizers.adam(spec.dLr(), spec.beta1(), spec.beta2());
    this.store = new ParameterStore(manager, false);
  }

  /** {@code block} with its parameters made for inputs of {@code inputs} numbers (yours checked to give {@code outputs}). */
  private static Block initialized(Block block, Gan spec, NDManager manager, int inputs, int outputs) {
    if (spec.architecture().equals("dcgan")) { // Radford et al.: every weight from N(0, 0.02)
      block.setInitializer(new ai.djl.training.initializer.NormalInitializer(0.02f), Parameter.Type.WEIGHT);
    }
    if (spec.parts() != null) {
      OwnGan.initialize(spec.parts(), block, manager, inputs, outputs);
    } else {
      block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
    }
    return block;
  }

  /**
   * The architecture {@link Fingerprint} of the networks {@code spec} builds for {@code train},
   * built in {@code scratch} and trained not at all: what a resumed run checks its checkpoint against first.
   */
  public static String architecture(Gan spec, Dataset train, NDManager scratch) {
    int classes = spec.conditional() ? train.numClasses() : 0;
    int pixels = train.featureCount();
    Block generator = initialized(GanNetworks.generator(spec, train.shape(), spec.latent() + classes), spec, scratch,
        spec.latent() + classes, pixels);
    Block discriminator = initialized(GanNetworks.discriminator(spec, train.shape(), pixels + classes), spec, scratch,
        pixels + classes, 1);
    return Fingerprint.architecture(spec, generator, discriminator);
  }

  public Generator generator() {
    return new Generator(g, manager, spec.latent(), (int) images.getShape().get(1), classes);
  }

  Block discriminatorBlock() {
    return d;
  }

  /** G's optimizer and D's, whose states a {@link Checkpoint} saves; keyed by parameter name. */
  TorchOptimizer optimizer(Block block) {
    return block == g ? adamG : adamD;
  }

  NDManager manager() {
    return manager;
  }

  /**
   * Training step number {@code step} (from 1): {@code d_steps} updates of D, then one of G. Returns the
   * losses of the step's last D update and of its G update when {@code measure} is true, else null
   * (reading a number back waits for the native side, so the loop asks only when it logs).
   *
   * <p>Its random draws (batches, noise, classes, dropout masks) come from generators seeded by the run's
   * seed and {@code step} alone, so step k draws the same numbers whatever ran before it: a run resumed
   * from a checkpoint at step k − 1 goes on exactly as the uninterrupted run did, and sampling or
   * measuring between steps never moves the training.
   */
  public Losses step(long step, boolean measure) {
    reseed(step);
    measuring = false;
    try (NDManager sub = manager.newSubManager()) {
      for (int k = 1; k < spec.dSteps(); k++) {
        Batch fakes = fakes(sub);
        discriminatorStep(sub, fakes.images().stopGradient(), fakes.oneHot());
      }
      try (GradientCollector tape = Engine.getInstance().newGradientCollector()) {
        // 1. G draws a batch from fresh noise; the tape records how, so G can learn from it in step 3.
        Batch fakes = fakes(sub);
        measuring = measure; // the norms of the step's last D update and of its G update
        // 2. D learns on real images and on the fakes cut loose from G (stopGradient): no G gradient here.
        NDArray[] dOut = discriminatorStep(sub, fakes.images().stopGradient(), fakes.oneHot(), tape);
        // 3. G learns through a frozen D: the gradient flows back through D into G, but only G moves.
        NDArray gLoss = generatorStep(fakes, tape);
        return measure ? new Losses(dOut[0].getFloat(), gLoss.getFloat(), mean(dOut[1]), mean(dOut[2]), gGradNorm,
            dGradNorm) : null;
      }
    }
  }

  private void reseed(long step) {
    long stepSeed = stepSeed(seed, step);
    random = new SplittableRandom(stepSeed);
    Engine.getInstance().setRandomSeed(Long.hashCode(stepSeed)); // libtorch's generator: dropout masks
  }

  /**
   * Step {@code step}'s seed: the run's seed and the step mixed (MurmurHash3's finaliser, twice), so that
   * neighbouring steps get unrelated streams, not one stream shifted by a draw.
   */
  static long stepSeed(long seed, long step) {
    return mix(mix(seed) + step);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** D's update alone, on fresh fakes: what a test checks leaves G untouched. */
  void discriminatorOnly() {
    try (NDManager sub = manager.newSubManager()) {
      Batch fakes = fakes(sub);
      discriminatorStep(sub, fakes.images().stopGradient(), fakes.oneHot());
    }
  }

  /** G's update alone: what a test checks leaves D untouched, with no gradient left in D. */
  void generatorOnly() {
    try (NDManager sub = manager.newSubManager(); GradientCollector tape = Engine.getInstance().newGradientCollector()) {
      generatorStep(fakes(sub), tape);
    }
  }

  private record Batch(NDArray images, NDArray oneHot) {}

  /** G's images from a batch of fresh noise (and random classes, when conditional). */
  private Batch fakes(NDManager sub) {
    int n = spec.batch();
    int[] labels = null;
    if (classes > 0) {
      labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = random.nextInt(classes);
      }
    }
    NDArray input = generator().input(sub, Generator.noise(random, n, spec.latent()), n, labels);
    NDArray fake = g.forward(store, new NDList(input), true).singletonOrThrow();
    return new Batch(fake, labels == null ? null : Generator.oneHot(sub, labels, classes));
  }

  private NDArray[] discriminatorStep(NDManager sub, NDArray fake, NDArray fakeOneHot) {
    try (GradientCollector tape = Engine.getInstance().newGradientCollector()) {
      return discriminatorStep(sub, fake, fakeOneHot, tape);
    }
  }

  /** D's update: BCE(D(real), 1 − smoothing) + BCE(D(fake), 0). Returns {loss, D(real) logits, D(fake) logits}. */
  private NDArray[] discriminatorStep(NDManager sub, NDArray fake, NDArray fakeOneHot, GradientCollector tape) {
    int[] rows = new int[spec.batch()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = random.nextInt(size); // sampling with replacement: every step is an independent draw
    }
    NDArray index = sub.create(rows);
    NDArray real = images.get(sub, new NDIndex("{}", index)); // one native gather
    if (classes > 0) {
      real = real.concat(oneHot.get(sub, new NDIndex("{}", index)), 1);
      fake = fake.concat(fakeOneHot, 1);
    }
    NDArray realLogits = d.forward(store, new NDList(real), true).singletonOrThrow();
    NDArray fakeLogits = d.forward(store, new NDList(fake), true).singletonOrThrow();
    NDArray loss = bce(realLogits, 1 - (float) spec.labelSmoothing()).add(bce(fakeLogits, 0));
    tape.backward(loss);
    dGradNorm = update(d, adamD);
    return new NDArray[] {loss, realLogits, fakeLogits};
  }

  /** G's update, non-saturating: minimise BCE(D(G(z)), 1), i.e. maximise log D(G(z)), which keeps
   *  G's gradient strong while D still rejects its images (minimising log(1 − D(G(z))) would not). */
  private NDArray generatorStep(Batch fakes, GradientCollector tape) {
    NDArray fake = classes > 0 ? fakes.images().concat(fakes.oneHot(), 1) : fakes.images();
    // D's weights take no gradient, so nothing piles up in D while G learns (batch norm's running
    // statistics never take one: they are left out, or unfreezing would make them ask for one)
    d.freezeParameters(true, GanTraining::learned);
    try {
      NDArray logits = d.forward(store, new NDList(fake), true).singletonOrThrow();
      NDArray loss = bce(logits, 1);
      tape.backward(loss);
      gGradNorm = update(g, adamG);
      return loss;
    } finally {
      d.freezeParameters(false, GanTraining::learned);
    }
  }

  /**
   * Binary cross-entropy on logits x against target t, averaged: softplus(x) − t·x, written as
   * max(x, 0) + log(1 + e^−|x|) − t·x so that no exp overflows however sure D is.
   */
  static NDArray bce(NDArray logits, float target) {
    NDArray softplus = Activation.relu(logits).add(logits.abs().neg().exp().add(1).log());
    return softplus.sub(logits.mul(target)).mean();
  }

  /** Applies one Adam update to every trainable parameter of {@code block}, then zeroes its gradient:
   *  DJL, like PyTorch, adds each backward pass's gradient to the last one. The optimizer keys its state
   *  by parameter name, which stays the same from run to run (DJL's parameter ids are random). Returns the
   *  gradient's L2 norm over all parameters when the step measures (reading it back waits), else NaN. */
  private double update(Block block, TorchOptimizer adam) {
    double squares = 0;
    for (Pair<String, Parameter> entry : block.getParameters()) {
      NDArray weight = entry.getValue().getArray();
      if (!weight.hasGradient()) {
        continue; // batch norm's running statistics are parameters without gradients
      }
      try (NDArray grad = weight.getGradient()) {
        if (measuring) {
          try (NDArray square = grad.square(); NDArray sum = square.sum()) {
            squares += sum.getFloat();
          }
        }
        adam.update(entry.getKey(), weight, grad);
        grad.subi(grad);
      }
    }
    return measuring ? Math.sqrt(squares) : Double.NaN;
  }

  /** Weights, biases, batch norm's scale and shift: what an optimizer changes (not running statistics). */
  private static boolean learned(Parameter p) {
    return p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR;
  }

  private static double mean(NDArray logits) {
    return Activation.sigmoid(logits).mean().getFloat();
  }
}
