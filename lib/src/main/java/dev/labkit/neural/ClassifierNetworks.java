package dev.labkit.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.initializer.Initializer;
import dev.labkit.model.NeuralNet;

/**
 * The DJL network of a {@link NeuralNet} spec: {@code Linear → activation → dropout} per hidden layer,
 * then one {@code Linear} to a score (logit) per class. Softmax regression is that last layer alone; the
 * softmax itself lives in the loss (log-softmax + negative log-likelihood, as PyTorch's
 * {@code cross_entropy}), which is steadier than taking the log of a softmax.
 */
public final class ClassifierNetworks {
  private ClassifierNetworks() {}

  /** Builds the block of {@code spec} for {@code features} inputs and {@code classes} outputs. */
  public static Block build(NeuralNet spec, int features, int classes) {
    SequentialBlock net = new SequentialBlock();
    int fanIn = features;
    for (int width : spec.hidden()) {
      net.add(linear(width, fanIn));
      net.add(activation(spec.activation()));
      if (spec.dropout() > 0) {
        net.add(Dropout.builder().optRate((float) spec.dropout()).build());
      }
      fanIn = width;
    }
    net.add(linear(classes, fanIn));
    return net;
  }

  /** Creates the parameters of {@code net} in {@code manager}, drawn from libtorch's (seeded) generator. */
  public static void initialize(Block net, NDManager manager, int features) {
    net.initialize(manager, DataType.FLOAT32, new Shape(1, features));
  }

  /**
   * Overwrites a parameter's values in place (restoring the best epoch, loading a trained network). An
   * indexed copy, because DJL's {@code set(float[])} makes libtorch print a deprecation warning.
   */
  static void copyInto(Parameter parameter, float[] values) {
    NDArray target = parameter.getArray();
    try (NDArray source = target.getManager().create(values, target.getShape())) {
      target.set(new NDIndex("..."), source);
    }
  }

  /**
   * A fully connected layer initialised as PyTorch's {@code nn.Linear}: weights and biases uniform in
   * ±1/√fan_in, so a run starts where the PyTorch notebook's does (DJL's default is Xavier and zero biases).
   */
  private static Block linear(int units, int fanIn) {
    Linear layer = Linear.builder().setUnits(units).build();
    float bound = (float) (1 / Math.sqrt(fanIn));
    Initializer uniform = (manager, shape, type) -> manager.randomUniform(-bound, bound, shape, type);
    layer.setInitializer(uniform, Parameter.Type.WEIGHT);
    layer.setInitializer(uniform, Parameter.Type.BIAS);
    return layer;
  }

  private static Block activation(NeuralNet.Activation activation) {
    return switch (activation) {
      case RELU -> Activation.reluBlock();
      case TANH -> Activation.tanhBlock();
      case SIGMOID -> Activation.sigmoidBlock();
      case LEAKY_RELU -> Activation.leakyReluBlock(0.01f);
    };
  }
}
