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
import java.util.List;

/**
 * The DJL network of a {@link NeuralNet} spec: {@code Linear → activation → dropout} per hidden layer,
 * then one {@code Linear} to a score (logit) per class. Softmax regression is that last layer alone; the
 * softmax itself lives in the loss (log-softmax + negative log-likelihood, as PyTorch's
 * {@code cross_entropy}), which is steadier than taking the log of a softmax.
 */
public final class ClassifierNetworks {
  private ClassifierNetworks() {}

  /**
   * Builds the block of {@code spec} for examples of {@code shape} and {@code classes} outputs: your own
   * block, or convolutions (for images) then dense layers then one score per class.
   */
  public static Block build(NeuralNet spec, dev.labkit.data.Shape shape, int classes) {
    if (spec.block() != null) {
      return OwnNetworks.build(spec.block(), shape, classes);
    }
    SequentialBlock net = new SequentialBlock();
    int fanIn = shape.size();
    if (!spec.conv().isEmpty()) {
      fanIn = ConvLayers.add(net, spec.conv(), shape);
    }
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

  /**
   * Creates the parameters of {@code net} in {@code manager}, drawn from libtorch's (seeded) generator, for
   * input as {@link #input} shapes it; your own block is then checked on two examples (both shapes named
   * in one line when it cannot take them or gives other than one score per class).
   */
  public static void initialize(Block net, NDManager manager, NeuralNet spec, dev.labkit.data.Shape shape, int classes) {
    Shape input = inputShape(spec, shape, 1);
    if (spec.block() != null) {
      OwnNetworks.initialize(spec.block(), net, manager, input, inputShape(spec, shape, 2), classes);
    } else {
      net.initialize(manager, DataType.FLOAT32, input);
    }
  }

  /**
   * A batch of rows as the network takes it: as it is, {@code (batch, features)}, for dense layers; as
   * images {@code (batch, channels, height, width)} for a CNN or your own block (the rows hold each
   * pixel's channels together, height × width × channels, so colour needs a transpose).
   */
  public static NDArray input(NDArray rows, NeuralNet spec, dev.labkit.data.Shape shape) {
    if (!spec.takesImages() || shape.height() == 1) {
      return rows;
    }
    if (shape.channels() == 1) {
      return rows.reshape(-1, 1, shape.height(), shape.width());
    }
    return rows.reshape(-1, shape.height(), shape.width(), shape.channels()).transpose(0, 3, 1, 2);
  }

  static Shape inputShape(NeuralNet spec, dev.labkit.data.Shape shape, int batch) {
    if (!spec.takesImages() || shape.height() == 1) {
      return new Shape(batch, shape.size());
    }
    return new Shape(batch, shape.channels(), shape.height(), shape.width());
  }

  /**
   * Overwrites a parameter's values in place (restoring the best epoch, loading a trained network). An
   * indexed copy, because DJL's {@code set(float[])} makes libtorch print a deprecation warning.
   */
  static void copyInto(Parameter parameter, float[] values) {
    copyInto(parameter.getArray(), values);
  }

  /** The same for any array (an optimizer's state). */
  static void copyInto(NDArray target, float[] values) {
    try (NDArray source = target.getManager().create(values, target.getShape())) {
      target.set(new NDIndex("..."), source);
    }
  }

  /** Overwrites every parameter's values with {@code values}, in the network's order. */
  static void copyInto(List<Parameter> parameters, List<float[]> values) {
    for (int i = 0; i < parameters.size(); i++) {
      copyInto(parameters.get(i), values.get(i));
    }
  }

  /** A copy of every parameter's values, in the network's order. */
  static List<float[]> values(List<Parameter> parameters) {
    return parameters.stream().map(p -> p.getArray().toFloatArray()).toList();
  }


  /**
   * A fully connected layer initialised as PyTorch's {@code nn.Linear}: weights and biases uniform in
   * ±1/√fan_in, so a run starts where the PyTorch notebook's does (DJL's default is Xavier and zero biases).
   */
  static Block linear(int units, int fanIn) {
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
