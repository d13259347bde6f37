package dev.labkit.neural;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.Initializer;
import dev.labkit.ground.UserError;
import java.util.List;

/**
 * The convolutional part of {@code cnn()}: per width a 3×3 convolution (padding 1, so the size stays),
 * ReLU and 2×2 max-pooling (which halves height and width), then the feature maps flattened for the
 * dense layers. Weights and biases start uniform in ±1/√fan_in, as PyTorch's {@code nn.Conv2d}.
 */
final class ConvLayers {
  private ConvLayers() {}

  /** Adds the layers to {@code net}; returns the number of features they hand to the first dense layer. */
  static int add(SequentialBlock net, List<Integer> widths, dev.labkit.data.Shape shape) {
    if (shape.height() == 1) {
      throw new UserError("cnn() needs images; " + shape + " is a table of features: use mlp() for it");
    }
    int channels = shape.channels();
    int height = shape.height();
    int width = shape.width();
    for (int out : widths) {
      if (height < 2 || width < 2) {
        throw new UserError("cnn(): " + widths.size() + " convolution layers halve " + shape.height() + "×"
            + shape.width() + " images below 1 pixel; use fewer (model.conv)");
      }
      Conv2d conv = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
          .setFilters(out).build();
      float bound = (float) (1 / Math.sqrt(channels * 9.0));
      Initializer uniform = (manager, s, type) -> manager.randomUniform(-bound, bound, s, type);
      conv.setInitializer(uniform, Parameter.Type.WEIGHT);
      conv.setInitializer(uniform, Parameter.Type.BIAS);
      net.add(conv).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
      channels = out;
      height /= 2;
      width /= 2;
    }
    net.add(Blocks.batchFlattenBlock());
    return channels * height * width;
  }
}
