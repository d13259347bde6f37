package dev.labkit.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.labkit.neural.Torch;
import java.util.SplittableRandom;

/**
 * A trained (or training) generator: noise (and, when conditional, a class) in, an image out. Images
 * are flat rows of {@code pixels} values in [-1, 1]. Sampling runs G in inference mode (batch norm
 * uses its running statistics) and records no gradients.
 *
 * @param classes the number of classes a conditional G takes; 0 when it takes none
 */
public record Generator(Block block, NDManager manager, int latent, int pixels, int classes) {

  /** {@code n} images from the rows of {@code z} ({@code n × latent}) and their classes (null if unconditional). */
  public float[] sample(float[] z, int[] labels) {
    int n = z.length / latent;
    float[] out = new float[n * pixels];
    int chunk = 500; // bounded native memory whatever n is
    for (int from = 0; from < n; from += chunk) {
      int m = Math.min(chunk, n - from);
      try (NDManager sub = manager.newSubManager()) {
        float[] part = new float[m * latent];
        System.arraycopy(z, from * latent, part, 0, part.length);
        NDArray input = input(sub, part, m, labels == null ? null : java.util.Arrays.copyOfRange(labels, from, from + m));
        NDArray images = block.forward(new ParameterStore(sub, false), new NDList(input), false).singletonOrThrow();
        System.arraycopy(images.toFloatArray(), 0, out, from * pixels, m * pixels);
      }
    }
    return out;
  }

  /** G's input: the noise, with the one-hot classes appended when G is conditional. */
  NDArray input(NDManager sub, float[] z, int n, int[] labels) {
    NDArray noise = Torch.floats(sub, z, new Shape(n, latent));
    if (classes == 0) {
      return noise;
    }
    return noise.concat(oneHot(sub, labels, classes), 1);
  }

  static NDArray oneHot(NDManager sub, int[] labels, int classes) {
    float[] hot = new float[labels.length * classes];
    for (int i = 0; i < labels.length; i++) {
      hot[i * classes + labels[i]] = 1;
    }
    return Torch.floats(sub, hot, new Shape(labels.length, classes));
  }

  /** {@code n} standard normal noise vectors, row after row, from {@code random}. */
  public static float[] noise(SplittableRandom random, int n, int latent) {
    float[] z = new float[n * latent];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) random.nextGaussian();
    }
    return z;
  }
}
