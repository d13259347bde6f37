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
   * A transposed convolution (k4, s2, p1: doubles height and width), built from ordinary convolutions
   * because DJL's PyTorch engine does not implement {@code deconvolution}. Each output pixel (2m + a,
   * 2n + b) of a stride-2 transposed convolution with a 4×4 kernel sees only a 2×2 patch of the input,
   * through four of the sixteen taps, and which four depends on the phase (a, b) only. So it is exactly
   * four 2×2 convolutions, one per phase (over the input padded by 1, each output cropped to H×W at
   * offset (a, b)), whose outputs are interleaved: the same 16·in·out weights (re-indexed, which training
   * does not notice) and the same multiply-adds as PyTorch's {@code ConvTranspose2d}; only the bias is
   * per phase (4·out numbers instead of out). An earlier version convolved the input with zeros
   * stuffed between its pixels, also exact but with 4× the multiply-adds: 440 ms a DCGAN step.
   */
  static Block deconv(int filters) {
    java.util.List<Block> phases = new java.util.ArrayList<>();
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        int row = a;
        int col = b;
        phases.add(new SequentialBlock()
            .add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(2, 2)).optPadding(new Shape(1, 1))
                .build())
            .add(new LambdaBlock(list -> new NDList(crop(list.singletonOrThrow(), row, col)), "phase")));
      }
    }
    return new ai.djl.nn.ParallelBlock(outputs -> new NDList(interleave(outputs.get(0).singletonOrThrow(),
        outputs.get(1).singletonOrThrow(), outputs.get(2).singletonOrThrow(), outputs.get(3).singletonOrThrow())),
        phases);
  }

  /** {@code N×C×(H+1)×(W+1)} → the {@code H×W} window starting at row {@code a}, column {@code b}. */
  private static NDArray crop(NDArray x, int a, int b) {
    long h = x.getShape().get(2) - 1;
    long w = x.getShape().get(3) - 1;
    return x.get(":, :, " + a + ":" + (a + h) + ", " + b + ":" + (b + w));
  }

  /** Four {@code N×C×H×W} phases (a, b) = (0,0), (0,1), (1,0), (1,1) → {@code N×C×2H×2W}, pixel (2m + a, 2n + b) from phase (a, b). */
  static NDArray interleave(NDArray p00, NDArray p01, NDArray p10, NDArray p11) {
    Shape s = p00.getShape();
    long n = s.get(0);
    long c = s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    NDArray even = p00.expandDims(4).concat(p01.expandDims(4), 4).reshape(n, c, h, 2 * w);
    NDArray odd = p10.expandDims(4).concat(p11.expandDims(4), 4).reshape(n, c, h, 2 * w);
    return even.expandDims(3).concat(odd.expandDims(3), 3).reshape(n, c, 2 * h, 2 * w);
  }

  private static Block reshape(Shape shape) {
    return new LambdaBlock(list -> new NDList(list.singletonOrThrow().reshape(shape)), "reshape");
  }

  /** Every parameter's name in a block, for tests and checkpoints. */
  static List<String> parameterNames(Block block) {
    return block.getParameters().keys();
  }
}
