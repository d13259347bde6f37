package dev.labkit.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.labkit.classic.RowKernels;
import dev.labkit.data.Dataset;
import dev.labkit.model.NeuralNet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Softmax regression's training epochs on the JVM: the same loop as {@link ClassifierTrainer}'s steps (the
 * same batches in the same order, forward, mean cross-entropy, backward, one update of PyTorch's rule per
 * parameter, the schedule moved after each step) with the logistic-regression kernels ({@link RowKernels},
 * Vector API) instead of libtorch. A step of a 784 → 10 layer is so small (128 × 784 × 10) that libtorch's
 * fixed cost per call, about twenty calls a step through JNI, was most of it: this way an epoch takes a
 * third of PyTorch's (bench/README.md). The weights and the optimizer's state stay libtorch arrays between
 * epochs (read at an epoch's start, written back at its end), so validation, checkpoints, early stopping
 * and prediction are the trainer's own. Sums run in a fixed order on one thread: the same seed gives the same
 * bits. The last digits differ from libtorch's (another summation order), not the accuracy.
 */
final class LinearEpochs {
  private final float[] x;
  private final int[] y;
  private final int d;
  private final int k;
  private final int batch;
  private final Parameter weight;
  private final Parameter bias;
  private final String weightName;
  private final String biasName;
  private final ArrayOptimizer rule;
  private final float[] rows; // the batch's rows, gathered
  private final RowKernels kernels;
  private final float[] z;
  private final float[] lanes = new float[RowKernels.lanes()];
  private final float[] g;

  private LinearEpochs(NeuralNet spec, Dataset train, Parameter weight, Parameter bias, String weightName,
      String biasName) {
    this.x = train.features();
    this.y = train.labels();
    this.d = train.featureCount();
    this.k = train.numClasses();
    this.batch = spec.batch();
    this.weight = weight;
    this.bias = bias;
    this.weightName = weightName;
    this.biasName = biasName;
    this.rule = new ArrayOptimizer(spec.training());
    this.rows = new float[batch * d];
    this.kernels = new RowKernels(rows, d, k);
    this.z = new float[batch * k];
    this.g = new float[k * (d + 1)];
  }

  /**
   * The JVM epochs for this network, or null where they do not apply and libtorch trains: a network with
   * hidden layers, convolutions or your own block, your own loss, noise injection, or other parameters than
   * one float32 weight matrix (classes × features) and bias.
   */
  static LinearEpochs of(NeuralNet spec, Dataset train, List<Parameter> parameters, List<String> names) {
    if (!spec.linear() || spec.loss() != null || noisy(spec) || parameters.size() != 2) {
      return null;
    }
    NDArray w = parameters.get(0).getArray();
    NDArray b = parameters.get(1).getArray();
    boolean shapes = w.getShape().equals(new Shape(train.numClasses(), train.featureCount()))
        && b.getShape().equals(new Shape(train.numClasses()));
    if (!shapes || w.getDataType() != DataType.FLOAT32 || b.getDataType() != DataType.FLOAT32) {
      return null;
    }
    return new LinearEpochs(spec, train, parameters.get(0), parameters.get(1), names.get(0), names.get(1));
  }

  private static boolean noisy(NeuralNet spec) {
    return spec.noise().data() > 0 || spec.noise().weights() > 0 || spec.noise().lr() > 0;
  }


  /**
   * One epoch over the rows in {@code order}; returns each step's mean loss, and through {@code correct} the
   * number of training rows the network classified right as it met them (before its update).
   */
  float[] epoch(long[] order, TorchOptimizer optimizer, LearningRate rate, Runnable afterStep, long[] correct) {
    float[] w = weight.getArray().toFloatArray();
    float[] b = bias.getArray().toFloatArray();
    Map<String, TorchOptimizer.Slot> state = optimizer.state();
    Buffers wState = Buffers.of(state.get(weightName), w.length);
    Buffers bState = Buffers.of(state.get(biasName), b.length);
    int steps = (order.length + batch - 1) / batch;
    float[] losses = new float[steps];
    long right = 0;
    for (int s = 0; s < steps; s++) {
      int from = s * batch;
      int n = Math.min(batch, order.length - from);
      for (int r = 0; r < n; r++) {
        System.arraycopy(x, (int) order[from + r] * d, rows, r * d, d);
      }
      Arrays.fill(g, 0f);
      double loss = 0;
      int r = 0;
      for (; r + 4 <= n; r += 4) {
        kernels.logits4(r * d, w, b, z, lanes);
        for (int q = 0; q < 4; q++) {
          int label = y[(int) order[from + r + q]];
          right += argMax(z, q * k) == label ? 1 : 0;
          loss += RowKernels.softmaxDelta(z, q * k, k, label, 1f / n);
        }
        kernels.accumulate4(r * d, z, g);
      }
      for (; r < n; r++) {
        kernels.logits1(r * d, w, b, z, lanes);
        int label = y[(int) order[from + r]];
        right += argMax(z, 0) == label ? 1 : 0;
        loss += RowKernels.softmaxDelta(z, 0, k, label, 1f / n);
        kernels.accumulate1(r * d, z, g);
      }
      losses[s] = (float) (loss / n);
      double lr = rate.current();
      wState.steps++;
      bState.steps++;
      for (int c = 0; c < k; c++) {
        rule.update(w, c * d, g, c * (d + 1), d, wState.first, wState.second, wState.steps, lr);
        rule.update(b, c, g, c * (d + 1) + d, 1, bState.first, bState.second, bState.steps, lr);
      }
      afterStep.run(); // the trainer counts the update and moves the step and cosine schedules
    }
    ClassifierNetworks.copyInto(weight, w);
    ClassifierNetworks.copyInto(bias, b);
    Map<String, TorchOptimizer.Slot> updated = new TreeMap<>(state);
    updated.put(weightName, wState.slot(weight.getArray()));
    updated.put(biasName, bState.slot(bias.getArray()));
    optimizer.restore(updated);
    correct[0] = right;
    return losses;
  }

  /** The first largest logit's class, as libtorch's argmax picks it. */
  private int argMax(float[] logits, int at) {
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (logits[at + c] > logits[at + best]) {
        best = c;
      }
    }
    return best;
  }


  /** A parameter's optimizer state as arrays: its update count and its two buffers (zeros before the first). */
  private static final class Buffers {
    int steps;
    final float[] first;
    final float[] second;
    final TorchOptimizer.Slot kept;

    private Buffers(int steps, float[] first, float[] second, TorchOptimizer.Slot kept) {
      this.steps = steps;
      this.first = first;
      this.second = second;
      this.kept = kept;
    }

    static Buffers of(TorchOptimizer.Slot slot, int size) {
      if (slot == null) {
        return new Buffers(0, new float[size], new float[size], null);
      }
      return new Buffers(slot.steps(), slot.buffers()[0].toFloatArray(), slot.buffers()[1].toFloatArray(), slot);
    }

    /** The state written back into libtorch arrays: the optimizer's own where it had them, new ones otherwise. */
    TorchOptimizer.Slot slot(NDArray parameter) {
      NDArray[] arrays = kept != null ? kept.buffers()
          : new NDArray[] {parameter.zerosLike(), parameter.zerosLike()};
      ClassifierNetworks.copyInto(arrays[0], first);
      ClassifierNetworks.copyInto(arrays[1], second);
      return new TorchOptimizer.Slot(steps, arrays);
    }
  }
}
