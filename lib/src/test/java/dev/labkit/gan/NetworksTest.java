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
  void zero_stuffing_puts_the_input_at_even_positions_and_zeros_between() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
      NDArray y = Networks.stuffZeros(x);
      assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 3, 3));
      assertThat(y.toFloatArray()).containsExactly(1, 0, 2, 0, 0, 0, 3, 0, 4);
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
      // ConvT(128→64, k4) and ConvT(64→1, k4) hold as many weights as PyTorch's: 128·64·16 and 64·16
      assertThat(g.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum())
          .isEqualTo(100 * 6272 + 6272 + 4 * 6272 + 128 * 64 * 16 + 64 + 4 * 64 + 64 * 16 + 1);
    }
  }
}
