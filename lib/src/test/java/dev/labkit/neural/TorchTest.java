package dev.labkit.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Arrays made from Java floats sit at one alignment, so MKL takes one path through them every time. */
class TorchTest {
  @Test
  void every_buffer_starts_at_a_multiple_of_64_bytes_and_holds_the_values() {
    for (int n = 1; n <= 65; n += 7) { // sizes that leave malloc's own alignment anywhere
      float[] values = new float[n];
      for (int i = 0; i < n; i++) {
        values[i] = i * 0.5f - 3;
      }
      ByteBuffer buffer = Torch.aligned(values);
      assertThat(buffer.alignmentOffset(0, 64)).as("n = " + n).isZero();
      assertThat(buffer.remaining()).isEqualTo(n * Float.BYTES);
      float[] back = new float[n];
      buffer.asFloatBuffer().get(back);
      assertThat(back).containsExactly(values);
    }
  }

  @Test
  void the_array_has_the_shape_and_the_values() {
    try (NDManager manager = Torch.manager()) {
      NDArray x = Torch.floats(manager, new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
      assertThat(x.getShape()).isEqualTo(new Shape(2, 3));
      assertThat(x.sum(new int[] {1}).toFloatArray()).containsExactly(6, 15);
    }
  }
}
