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
import org.junit.jupiter.api.Test;

class NetworksTest {
  @Test
  void four_phases_interleave_into_an_image_twice_as_high_and_wide() {
    try (NDManager m = NDManager.newBaseManager()) {
      Shape one = new Shape(1, 1, 1, 2);
      NDArray y = Networks.interleave(m.create(new float[] {1, 2}, one), m.create(new float[] {3, 4}, one),
          m.create(new float[] {5, 6}, one), m.create(new float[] {7, 8}, one));
      assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 2, 4));
      assertThat(y.toFloatArray()).containsExactly(1, 3, 2, 4, 5, 7, 6, 8);
    }
  }

  @Test
  void the_transposed_convolution_with_all_ones_weights_counts_the_inputs_each_output_sees() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block deconv = Networks.deconv(1);
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
      Block g = Networks.generator(Gan.dcgan(), 784);
      Block d = Networks.discriminator(Gan.dcgan());
      g.initialize(m, DataType.FLOAT32, new Shape(1, 100));
      d.initialize(m, DataType.FLOAT32, new Shape(1, 784));
      ParameterStore ps = new ParameterStore(m, false);
      NDArray images = g.forward(ps, new NDList(m.randomNormal(new Shape(3, 100))), true).singletonOrThrow();
      assertThat(images.getShape()).isEqualTo(new Shape(3, 784));
      assertThat(images.abs().max().getFloat()).isLessThanOrEqualTo(1f);
      assertThat(d.forward(ps, new NDList(images), true).singletonOrThrow().getShape()).isEqualTo(new Shape(3, 1));
      // ConvT(128→64, k4) and ConvT(64→1, k4) hold as many weights as PyTorch's, 128·64·16 and 64·16 (and a bias
      // per phase: 4 · 64 and 4, where PyTorch has one per channel)
      assertThat(g.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum())
          .isEqualTo(100 * 6272 + 6272 + 4 * 6272 + 128 * 64 * 16 + 4 * 64 + 4 * 64 + 64 * 16 + 4);
    }
  }
}
