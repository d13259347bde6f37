package dev.labkit.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import dev.labkit.model.Gan;
import java.util.List;

/**
 * The two networks of a GAN as DJL blocks. Both work on flat images ({@code batch × pixels}, pixels in
 * [-1, 1]) so the training loop never reshapes: a DCGAN reshapes to {@code N×1×28×28} inside its blocks.
 * A conditional GAN's networks take the one-hot label appended to their input (for G, after z; for D,
 * after the pixels): the first linear layer then holds a learned embedding of each class.
 */
public final class Networks {
  private Networks() {}

  /** G: {@code latent (+ classes)} numbers in, {@code pixels} numbers in [-1, 1] out. */
  public static Block generator(Gan spec, int pixels) {
    return spec.architecture().equals("dcgan") ? dcganGenerator() : mlpGenerator(spec, pixels);
  }

  /** D: {@code pixels (+ classes)} numbers in, one logit out (positive: "looks real"). */
  public static Block discriminator(Gan spec) {
    return spec.architecture().equals("dcgan") ? dcganDiscriminator(spec.slope()) : mlpDiscriminator(spec);
  }

  /** Hidden layers of the given widths, LeakyReLU after each (batch norm before it, if asked), then tanh. */
  static Block mlpGenerator(Gan spec, int pixels) {
    SequentialBlock g = new SequentialBlock();
    for (int width : spec.generator()) {
      g.add(Linear.builder().setUnits(width).build());
      if (spec.batchNorm()) {
        g.add(BatchNorm.builder().build());
      }
      g.add(Activation.leakyReluBlock((float) spec.slope()));
    }
    return g.add(Linear.builder().setUnits(pixels).build()).add(Activation::tanh);
  }

  /** Hidden layers with LeakyReLU and dropout (dropout keeps D from memorising the real images), then a logit. */
  static Block mlpDiscriminator(Gan spec) {
    SequentialBlock d = new SequentialBlock();
    for (int width : spec.discriminator()) {
      d.add(Linear.builder().setUnits(width).build()).add(Activation.leakyReluBlock((float) spec.slope()));
      if (spec.dropout() > 0) {
        d.add(Dropout.builder().optRate((float) spec.dropout()).build());
      }
    }
    return d.add(Linear.builder().setUnits(1).build());
  }

  /**
   * Radford et al.'s DCGAN for 28×28×1: Linear(z → 128·7·7) + BN + ReLU, ConvT(128→64, k4 s2 p1) + BN + ReLU
   * (7×7 → 14×14), ConvT(64→1, k4 s2 p1) + tanh (→ 28×28), flattened to 784.
   */
  static Block dcganGenerator() {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(128 * 7 * 7).build())
        .add(BatchNorm.builder().build())
        .add(Activation::relu)
        .add(reshape(new Shape(-1, 128, 7, 7)))
        .add(deconv(64)).add(BatchNorm.builder().build()).add(Activation::relu)
        .add(deconv(1)).add(Activation::tanh)
        .add(reshape(new Shape(-1, 784)));
  }

  /** Conv(1→64, k4 s2 p1) + LeakyReLU (→ 14×14), Conv(64→128, k4 s2 p1) + BN + LeakyReLU (→ 7×7), Linear(6272 → 1). */
  static Block dcganDiscriminator(double slope) {
    float s = (float) slope;
    return new SequentialBlock()
        .add(reshape(new Shape(-1, 1, 28, 28)))
        .add(conv(64)).add(Activation.leakyReluBlock(s))
        .add(conv(128)).add(BatchNorm.builder().build()).add(Activation.leakyReluBlock(s))
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(1).build());
  }

  private static Block conv(int filters) {
    return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(4, 4)).optStride(new Shape(2, 2))
        .optPadding(new Shape(1, 1)).build();
  }

  /**
   * A transposed convolution (k4, s2, p1: doubles height and width), built from an ordinary one because
   * DJL's PyTorch engine does not implement {@code deconvolution}. A transposed convolution with stride 2
   * is exactly a stride-1 convolution over the input with a zero between neighbouring pixels, padded by
   * k − 1 − p = 2: (2H − 1) + 4 − 4 + 1 = 2H. The learned kernel is the transposed one's, flipped, so the
   * function class and parameter count are the same; it costs about 4× the multiply-adds (most are with
   * the inserted zeros).
   */
  private static Block deconv(int filters) {
    return new SequentialBlock()
        .add(new LambdaBlock(list -> new NDList(stuffZeros(list.singletonOrThrow())), "zero-stuff"))
        .add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(4, 4)).optPadding(new Shape(2, 2)).build());
  }

  /** {@code N×C×H×W} → {@code N×C×(2H−1)×(2W−1)}: the input at even positions, zeros between. */
  static NDArray stuffZeros(NDArray x) {
    Shape s = x.getShape();
    long n = s.get(0);
    long c = s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    NDArray cols = x.expandDims(4).concat(x.zerosLike().expandDims(4), 4).reshape(n, c, h, 2 * w)
        .get(":, :, :, 0:" + (2 * w - 1));
    return cols.expandDims(3).concat(cols.zerosLike().expandDims(3), 3).reshape(n, c, 2 * h, 2 * w - 1)
        .get(":, :, 0:" + (2 * h - 1) + ", :");
  }

  private static Block reshape(Shape shape) {
    return new LambdaBlock(list -> new NDList(list.singletonOrThrow().reshape(shape)), "reshape");
  }

  /** Every parameter's name in a block, for tests and checkpoints. */
  static List<String> parameterNames(Block block) {
    return block.getParameters().keys();
  }
}
