package dev.labkit.gan;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.labkit.data.Dataset;
import dev.labkit.ground.AtomicFiles;
import dev.labkit.neural.Torch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A small classifier of real images that judges generated ones: which class a sample looks like (the
 * class histogram) and a 128-number description of it (its penultimate layer), on which FID and
 * precision/recall are computed. An MLP pixels→256→128→classes (784 for Fashion-MNIST, 3,072 for
 * CIFAR-10) with ReLU, trained with Adam (1e-3, batch 128, 3 epochs, seed 0) on the real training set,
 * ≈ 0.88 test accuracy on Fashion-MNIST (an MLP on CIFAR-10's pixels is a much weaker judge). It is
 * trained once per training set: its weights are cached under a key made of the set's SHA-256, size,
 * shape and classes, so every GAN run on that data is judged by the same classifier.
 */
public final class ReferenceClassifier implements AutoCloseable {
  public static final int FEATURES = 128;
  private static final String VERSION = "mlp-256-128-v1";

  private final NDManager manager = Torch.manager();
  private final SequentialBlock features;
  private final SequentialBlock model;
  private final int pixels;
  private final int classes;

  private ReferenceClassifier(int pixels, int classes) {
    this.pixels = pixels;
    this.classes = classes;
    this.features = new SequentialBlock()
        .add(Linear.builder().setUnits(256).build()).add(Activation::relu)
        .add(Linear.builder().setUnits(FEATURES).build()).add(Activation::relu);
    this.model = new SequentialBlock().add(features).add(Linear.builder().setUnits(classes).build());
    Engine.getInstance().setRandomSeed(0);
    model.initialize(manager, DataType.FLOAT32, new Shape(1, pixels));
  }

  /** The cached classifier of {@code train}, or a new one trained now (and cached) when there is none. */
  public static ReferenceClassifier forData(Dataset train, Path cacheDir, int epochs, Consumer<String> progress) {
    ReferenceClassifier classifier = new ReferenceClassifier(train.featureCount(), train.numClasses());
    Path file = cacheDir.resolve(key(train, epochs) + ".params");
    if (Files.isRegularFile(file) && classifier.load(file)) {
      progress.accept("reference classifier from the cache " + file);
      return classifier;
    }
    progress.accept("training the reference classifier (" + epochs + " epochs on " + train.size() + " real images)");
    classifier.train(train, epochs);
    classifier.save(file);
    return classifier;
  }

  static String key(Dataset train, int epochs) {
    String identity = train.id() + "|" + train.sha256() + "|" + train.size() + "|" + train.shape() + "|"
        + train.classNames() + "|" + epochs + "|" + VERSION;
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).substring(0, 24);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void train(Dataset train, int epochs) {
    Optimizer adam = Adam.builder().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
    ParameterStore store = new ParameterStore(manager, false);
    SplittableRandom random = new SplittableRandom(0);
    int n = train.size();
    try (NDManager data = manager.newSubManager()) {
      NDArray x = Torch.floats(data, train.features(), new Shape(n, pixels));
      NDArray y = Generator.oneHot(data, train.labels(), classes);
      for (int step = 0; step < epochs * Math.max(1, n / 128); step++) {
        try (NDManager sub = manager.newSubManager(); GradientCollector tape = Engine.getInstance().newGradientCollector()) {
          int[] rows = random.ints(Math.min(128, n), 0, n).toArray();
          NDArray index = sub.create(rows);
          NDArray logits = model.forward(store, new NDList(x.get(sub, new NDIndex("{}", index))), true).singletonOrThrow();
          NDArray loss = logits.logSoftmax(1).mul(y.get(sub, new NDIndex("{}", index))).sum(new int[] {1}).mean().neg();
          tape.backward(loss); // cross-entropy: minus the log-probability of the true class
          for (Pair<String, Parameter> p : model.getParameters()) {
            try (NDArray grad = p.getValue().getArray().getGradient()) {
              adam.update(p.getValue().getId(), p.getValue().getArray(), grad);
              grad.subi(grad);
            }
          }
        }
      }
    }
  }

  /** Penultimate-layer features of {@code images} (rows of pixels), {@code n × 128}, row after row. */
  public float[] features(float[] images) {
    return forward(features, images, FEATURES);
  }

  /** The most likely class of each image. */
  public int[] predict(float[] images) {
    float[] logits = forward(model, images, classes);
    int[] out = new int[logits.length / classes];
    for (int i = 0; i < out.length; i++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        best = logits[i * classes + c] > logits[i * classes + best] ? c : best;
      }
      out[i] = best;
    }
    return out;
  }

  /** Share of {@code test} classified right. */
  public double accuracy(Dataset test) {
    int[] predicted = predict(test.features());
    int right = 0;
    for (int i = 0; i < predicted.length; i++) {
      right += predicted[i] == test.labels()[i] ? 1 : 0;
    }
    return (double) right / predicted.length;
  }

  private float[] forward(ai.djl.nn.Block block, float[] images, int width) {
    int n = images.length / pixels;
    float[] out = new float[n * width];
    for (int from = 0; from < n; from += 2000) {
      int m = Math.min(2000, n - from);
      try (NDManager sub = manager.newSubManager()) {
        float[] part = java.util.Arrays.copyOfRange(images, from * pixels, (from + m) * pixels);
        NDArray x = Torch.floats(sub, part, new Shape(m, pixels));
        float[] y = block.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow().toFloatArray();
        System.arraycopy(y, 0, out, from * width, y.length);
      }
    }
    return out;
  }

  private boolean load(Path file) {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      model.loadParameters(manager, in);
      return true;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      return false; // a stale or broken cache file: train again and overwrite it
    }
  }

  private void save(Path file) {
    try {
      AtomicFiles.write(file, out -> {
        DataOutputStream data = new DataOutputStream(out);
        model.saveParameters(data);
        data.flush();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cache the reference classifier in " + file.getParent(), e);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
