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
import java.util.List;
import java.util.function.Function;

/**
 * Radford et al.'s DCGAN, sized for the images it learns. G lifts z with a linear layer to
 * {@code start×start} maps, then doubles height and width with transposed convolutions (k4 s2 p1, batch
 * norm, ReLU) up to the image, ending in tanh; D mirrors it with strided convolutions (k4 s2 p1,
 * LeakyReLU, batch norm after all but the first) down to one logit.
 *
 * <pre>
 * 28×28×1:  z → 128×7×7 → 64×14×14 → 1×28×28        D: 1 → 64 → 128 (7×7) → logit
 * 32×32×3:  z → 256×4×4 → 128×8×8 → 64×16×16 → 3×32×32   D: 3 → 64 → 128 → 256 (4×4) → logit
 * </pre>
 *
 * <p>The training loop hands both networks flat rows in the dataset's layout, channel-last (HWC: the
 * red, green and blue of a pixel side by side); convolutions want channel-first (NCHW). So D's first
 * block turns a row into an image ({@link #toImage}) and G's last turns its image back into a row
 * ({@link #toRow}), each the other's inverse. A conditional D takes the one-hot label after the
 * pixels and sees it as extra input channels, one constant plane per class; a conditional G simply
 * takes it after z.
 */
public final class Dcgan {
  /** The image shapes a DCGAN is built for. */
  public static final List<dev.labkit.data.Shape> SHAPES = List.of(new dev.labkit.data.Shape(28, 28, 1),
      new dev.labkit.data.Shape(32, 32, 3));

  private Dcgan() {}

  /** G's feature maps after the linear layer ({@code start×start}) and its widths, first to last. */
  private record Plan(int start, List<Integer> widths) {}

  private static Plan plan(dev.labkit.data.Shape image) {
    if (image.equals(SHAPES.get(0))) {
      return new Plan(7, List.of(128, 64));
    }
    if (image.equals(SHAPES.get(1))) {
      return new Plan(4, List.of(256, 128, 64));
    }
    throw new IllegalArgumentException("no DCGAN for " + image + " images; it is built for " + SHAPES);
  }

  /** Whether {@code image} is one of {@link #SHAPES}. */
  public static boolean fits(dev.labkit.data.Shape image) {
    return SHAPES.contains(image);
  }

  /** G: {@code latent (+ classes)} numbers in, one flat image in [-1, 1] out. */
  static Block generator(dev.labkit.data.Shape image) {
    Plan p = plan(image);
    int first = p.widths().getFirst();
    SequentialBlock g = new SequentialBlock()
        .add(Linear.builder().setUnits((long) first * p.start() * p.start()).build())
        .add(BatchNorm.builder().build())
        .add(Activation::relu)
        .add(lambda(x -> x.reshape(-1, first, p.start(), p.start()), "reshape"));
    for (int width : p.widths().subList(1, p.widths().size())) {
      g.add(deconv(width)).add(BatchNorm.builder().build()).add(Activation::relu);
    }
    return g.add(deconv(image.channels())).add(Activation::tanh).add(lambda(Dcgan::toRow, "to-row"));
  }

  /** D: one flat image (+ its one-hot class) in, one logit out (positive: "looks real"). */
  static Block discriminator(dev.labkit.data.Shape image, double slope) {
    List<Integer> widths = plan(image).widths().reversed();
    float s = (float) slope;
    SequentialBlock d = new SequentialBlock()
        .add(lambda(x -> toImage(x, image), "to-image"))
        .add(conv(widths.getFirst())).add(Activation.leakyReluBlock(s));
    for (int width : widths.subList(1, widths.size())) {
      d.add(conv(width)).add(BatchNorm.builder().build()).add(Activation.leakyReluBlock(s));
    }
    return d.add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(1).build());
  }

  /**
   * Rows of {@code H·W·C} pixels (channel-last), each optionally followed by a one-hot class, →
   * {@code N × (C + classes) × H × W}: the pixels as channel planes, then one constant plane per class.
   */
  static NDArray toImage(NDArray rows, dev.labkit.data.Shape image) {
    int h = image.height();
    int w = image.width();
    long classes = rows.getShape().get(1) - image.size();
    NDArray pixels = classes == 0 ? rows : rows.get(":, :" + image.size());
    NDArray x = pixels.reshape(-1, h, w, image.channels()).transpose(0, 3, 1, 2);
    if (classes == 0) {
      return x;
    }
    NDArray oneHot = rows.get(":, " + image.size() + ":").reshape(-1, classes, 1, 1);
    return x.concat(oneHot.broadcast(x.getShape().get(0), classes, h, w), 1);
  }

  /** {@code N × C × H × W} → rows of {@code H·W·C} pixels, channel-last: the inverse of {@link #toImage}. */
  static NDArray toRow(NDArray images) {
    Shape s = images.getShape();
    return images.transpose(0, 2, 3, 1).reshape(-1, s.get(1) * s.get(2) * s.get(3));
  }

  private static Block lambda(Function<NDArray, NDArray> f, String name) {
    return new LambdaBlock(list -> new NDList(f.apply(list.singletonOrThrow())), name);
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
    // the four phases as one convolution with 4 × filters outputs, phase (a, b) in channel group 2a + b: one
    // im2col and one matrix product instead of four, forward and backward (bench/gan/README.md)
    return new SequentialBlock()
        .add(Conv2d.builder().setFilters(4 * filters).setKernelShape(new Shape(2, 2)).optPadding(new Shape(1, 1))
            .build())
        .add(lambda(x -> interleave(phase(x, filters, 0, 0), phase(x, filters, 0, 1), phase(x, filters, 1, 0),
            phase(x, filters, 1, 1)), "phases"));
  }

  /** Phase (a, b) of the merged output {@code N×4C×(H+1)×(W+1)}: its channel group, the H×W window at (a, b). */
  private static NDArray phase(NDArray x, int filters, int a, int b) {
    long h = x.getShape().get(2) - 1;
    long w = x.getShape().get(3) - 1;
    int group = (2 * a + b) * filters;
    return x.get(":, " + group + ":" + (group + filters) + ", " + a + ":" + (a + h) + ", " + b + ":" + (b + w));
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
}
