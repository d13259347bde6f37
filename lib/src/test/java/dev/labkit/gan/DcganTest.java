package dev.labkit.gan;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.labkit.model.Gan;
import java.util.List;
import org.junit.jupiter.api.Test;

class DcganTest {
  static final dev.labkit.data.Shape MNIST = new dev.labkit.data.Shape(28, 28, 1);
  static final dev.labkit.data.Shape CIFAR = new dev.labkit.data.Shape(32, 32, 3);

  @Test
  void four_phases_interleave_into_an_image_twice_as_high_and_wide() {
    try (NDManager m = NDManager.newBaseManager()) {
      Shape one = new Shape(1, 1, 1, 2);
      NDArray y = Dcgan.interleave(m.create(new float[] {1, 2}, one), m.create(new float[] {3, 4}, one),
          m.create(new float[] {5, 6}, one), m.create(new float[] {7, 8}, one));
      assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 2, 4));
      assertThat(y.toFloatArray()).containsExactly(1, 3, 2, 4, 5, 7, 6, 8);
    }
  }

  @Test
  void the_transposed_convolution_with_all_ones_weights_counts_the_inputs_each_output_sees() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block deconv = Dcgan.deconv(1);
      deconv.initialize(m, DataType.FLOAT32, new Shape(1, 1, 2, 2));
      deconv.getParameters().forEach(p -> p.getValue().getArray().muli(0)
          .addi(p.getValue().getType() == ai.djl.nn.Parameter.Type.WEIGHT ? 1 : 0));
      NDArray y = deconv.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(1, 1, 2, 2))), false)
          .singletonOrThrow();
      // ConvTranspose2d(k4, s2, p1) of a 2×2 of ones with a kernel of ones: per axis, outputs 0..3 see 1, 2, 2, 1 inputs
      assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 4, 4));
      assertThat(y.toFloatArray()).containsExactly(1, 2, 2, 1, 2, 4, 4, 2, 2, 4, 4, 2, 1, 2, 2, 1);
    }
  }

  @Test
  void the_dcgan_turns_noise_into_784_pixels_in_minus_one_to_one_and_images_into_one_logit() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block g = checkedPair(m, MNIST)[0];
      // ConvT(128→64, k4) and ConvT(64→1, k4) hold as many weights as PyTorch's, 128·64·16 and 64·16 (and a bias
      // per phase: 4 · 64 and 4, where PyTorch has one per channel)
      assertThat(size(g)).isEqualTo(100 * 6272 + 6272 + 4 * 6272 + 128 * 64 * 16 + 4 * 64 + 4 * 64 + 64 * 16 + 4);
    }
  }

  @Test
  void the_32x32x3_dcgan_turns_noise_into_3072_pixels_and_images_into_one_logit() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block[] pair = checkedPair(m, CIFAR);
      Block g = pair[0];
      Block d = pair[1];
      // Linear(100 → 256·4·4) + BN over its 4096 outputs, then ConvT 256→128, 128→64, 64→3 (16 taps each, a bias
      // per phase) with BN after the first two: PyTorch's ngf = 64 DCGAN for 32×32 in weights
      assertThat(size(g)).isEqualTo(100 * 4096 + 4096 + 4 * 4096 + 256 * 128 * 16 + 4 * 128 + 4 * 128
          + 128 * 64 * 16 + 4 * 64 + 4 * 64 + 64 * 3 * 16 + 4 * 3);
      // Conv 3→64, 64→128 (+ BN), 128→256 (+ BN), all k4, then Linear(256·4·4 → 1)
      assertThat(size(d)).isEqualTo(3 * 64 * 16 + 64 + 64 * 128 * 16 + 128 + 4 * 128 + 128 * 256 * 16 + 256
          + 4 * 256 + 4096 + 1);
    }
  }

  /** G and D of the DCGAN for {@code image}, checked: noise → three flat images in [-1, 1] → three logits. */
  private static Block[] checkedPair(NDManager m, dev.labkit.data.Shape image) {
    Block g = GanNetworks.generator(Gan.dcgan(), image, Gan.dcgan().latent());
    Block d = GanNetworks.discriminator(Gan.dcgan(), image, image.size());
    g.initialize(m, DataType.FLOAT32, new Shape(1, 100));
    d.initialize(m, DataType.FLOAT32, new Shape(1, image.size()));
    ParameterStore ps = new ParameterStore(m, false);
    NDArray images = g.forward(ps, new NDList(m.randomNormal(new Shape(3, 100))), true).singletonOrThrow();
    assertThat(images.getShape()).isEqualTo(new Shape(3, image.size()));
    assertThat(images.abs().max().getFloat()).isLessThanOrEqualTo(1f);
    assertThat(d.forward(ps, new NDList(images), true).singletonOrThrow().getShape()).isEqualTo(new Shape(3, 1));
    return new Block[] {g, d};
  }

  private static long size(Block block) {
    return block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
  }

  @Test
  void a_channel_last_row_becomes_channel_planes_and_comes_back_unchanged() {
    try (NDManager m = NDManager.newBaseManager()) {
      // pixel (r, c) of channel ch holds 10000·ch + 100·r + c: every value says where it came from
      float[] row = new float[3072];
      for (int r = 0; r < 32; r++) {
        for (int c = 0; c < 32; c++) {
          for (int ch = 0; ch < 3; ch++) {
            row[(32 * r + c) * 3 + ch] = 10000 * ch + 100 * r + c;
          }
        }
      }
      NDArray rows = m.create(row, new Shape(1, 3072));
      NDArray image = Dcgan.toImage(rows, CIFAR);
      assertThat(image.getShape()).isEqualTo(new Shape(1, 3, 32, 32));
      assertThat(image.getFloat(0, 0, 5, 7)).isEqualTo(507);
      assertThat(image.getFloat(0, 1, 5, 7)).isEqualTo(10507);
      assertThat(image.getFloat(0, 2, 31, 0)).isEqualTo(23100);
      assertThat(Dcgan.toRow(image).toFloatArray()).containsExactly(row);
    }
  }

  @Test
  void a_conditional_discriminator_sees_the_class_as_one_constant_plane_per_class() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] row = new float[3072 + 4];
      row[3072 + 2] = 1; // class 2 of 4
      NDArray image = Dcgan.toImage(m.create(row, new Shape(1, 3076)), CIFAR);
      assertThat(image.getShape()).isEqualTo(new Shape(1, 7, 32, 32));
      assertThat(image.get("0, 3:7").sum(new int[] {1, 2}).toFloatArray()).containsExactly(0, 0, 1024, 0);
      Block d = GanNetworks.discriminator(Gan.dcgan(), CIFAR, CIFAR.size());
      d.initialize(m, DataType.FLOAT32, new Shape(1, 3076));
      NDArray logits = d.forward(new ParameterStore(m, false), new NDList(m.zeros(new Shape(2, 3076))), false)
          .singletonOrThrow();
      assertThat(logits.getShape()).isEqualTo(new Shape(2, 1));
    }
  }

  @Test
  void the_generator_writes_its_colours_channel_last_as_the_dataset_holds_them() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block g = GanNetworks.generator(Gan.dcgan(), CIFAR, Gan.dcgan().latent());
      g.initialize(m, DataType.FLOAT32, new Shape(1, 100));
      // The last transposed convolution (before tanh and the flattening) with no weights and per-channel
      // biases atanh(0.8), 0, atanh(−0.8): every pixel of every image is then (0.8, 0, −0.8)
      List<Block> layers = g.getChildren().values();
      Block last = layers.get(layers.size() - 3);
      float[] colour = {(float) atanh(0.8), 0, (float) atanh(-0.8)};
      float[] bias = new float[4 * 3]; // one bias per phase and channel, phase by phase (Dcgan.deconv)
      for (int i = 0; i < bias.length; i++) {
        bias[i] = colour[i % 3];
      }
      last.getParameters().forEach(p -> {
        NDArray a = p.getValue().getArray();
        a.muli(0);
        if (p.getValue().getType() == ai.djl.nn.Parameter.Type.BIAS) {
          a.addi(m.create(bias));
        }
      });
      float[] images = g.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(2, 100))), false)
          .singletonOrThrow().toFloatArray();
      for (int i = 0; i < 2 * 1024; i++) {
        assertThat(new float[] {images[3 * i], images[3 * i + 1], images[3 * i + 2]})
            .containsExactly(new float[] {0.8f, 0, -0.8f}, org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }

  private static double atanh(double x) {
    return 0.5 * Math.log((1 + x) / (1 - x));
  }
}
