package dev.labkit.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.labkit.ground.UserError;
import dev.labkit.classic.LinearWeights;
import dev.labkit.classic.Measured;
import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.NeuralNet;
import java.util.List;
import java.util.Map;

/**
 * A trained classifier network: its parameters as plain Java arrays (so it holds no native memory
 * between uses) and how its training went. A prediction rebuilds the network in a short-lived native
 * manager, runs it without dropout and turns the scores into probabilities with a softmax.
 */
public final class NeuralClassifier implements LinearWeights, Measured {
  private final NeuralNet spec;
  private final Shape shape;
  private final int features;
  private final int classes;
  private final List<float[]> parameters;
  private final Map<String, Double> facts;
  private final double fitSeconds;
  private volatile double predictSeconds = Double.NaN;

  NeuralClassifier(NeuralNet spec, Shape shape, int classes, List<float[]> parameters, TrainingLog log,
      double fitSeconds) {
    this.spec = spec;
    this.shape = shape;
    this.features = shape.size();
    this.classes = classes;
    this.parameters = parameters.stream().map(float[]::clone).toList();
    this.facts = log.facts();
    this.fitSeconds = fitSeconds;
  }

  @Override
  public int numClasses() {
    return classes;
  }

  /** Epochs trained, updates made, the best epoch, and when overfitting or early stopping happened. */
  public Map<String, Double> facts() {
    return facts;
  }

  @Override
  public double[] predictProba(Dataset data) {
    if (data.featureCount() != features) {
      throw new UserError("cannot predict " + data.id() + ": it has " + data.featureCount()
          + " features, the network was trained on " + features);
    }
    long start = System.nanoTime();
    Torch.threads(spec.threads());
    double[] proba = new double[data.size() * classes];
    try (NDManager manager = Torch.manager()) {
      Block net = rebuild(manager);
      ParameterStore store = new ParameterStore(manager, false);
      Tensors all = Tensors.of(manager, data);
      for (int from = 0; from < data.size(); from += ClassifierTrainer.EVAL_CHUNK) {
        int to = Math.min(data.size(), from + ClassifierTrainer.EVAL_CHUNK);
        try (NDManager scope = manager.newSubManager()) {
          NDArray x = all.x().get(scope, new NDIndex(from + ":" + to));
          float[] p = net.forward(store, new NDList(ClassifierNetworks.input(x, spec, shape)), false).singletonOrThrow()
              .softmax(1).toFloatArray();
          for (int i = 0; i < p.length; i++) {
            proba[from * classes + i] = p[i];
          }
        }
      }
    }
    predictSeconds = (System.nanoTime() - start) / 1e9;
    return proba;
  }

  private Block rebuild(NDManager manager) {
    Block net = ClassifierNetworks.build(spec, shape, classes);
    ClassifierNetworks.initialize(net, manager, spec, shape, classes);
    List<Parameter> slots = net.getParameters().values();
    for (int i = 0; i < slots.size(); i++) {
      ClassifierNetworks.copyInto(slots.get(i), parameters.get(i));
    }
    return net;
  }

  /**
   * Softmax regression's weights, one row of {@code features} per class (DJL's linear layer stores them
   * as {@code classes × features}). A network with hidden layers has no such weights: asking is an error.
   */
  @Override
  public double[][] weights() {
    if (!spec.linear()) {
      throw new UserError("weightHeatmaps() needs a linear model: " + spec.name() + " has hidden layers (use "
          + "softmaxRegression())");
    }
    float[] w = parameters.getFirst();
    double[][] rows = new double[classes][features];
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < features; j++) {
        rows[c][j] = w[c * features + j];
      }
    }
    return rows;
  }

  @Override
  public double fitSeconds() {
    return fitSeconds;
  }

  @Override
  public double predictSeconds() {
    return predictSeconds;
  }

  /** Four bytes per parameter (float32). */
  @Override
  public long memoryBytes() {
    return 4L * parameters.stream().mapToLong(p -> p.length).sum();
  }
}
