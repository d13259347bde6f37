package dev.labkit.gan;

import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import java.util.List;
import java.util.Random;

/**
 * 32×32×3 test images, channel-last like CIFAR-10: an 8×8 to 16×16 square at a random place on a dark
 * grey background, red for class 0 and blue for class 1, as bytes 0–255 or as pixels in [-1, 1].
 */
public final class ColouredSquares {
  public static final Shape SHAPE = new Shape(32, 32, 3);
  public static final List<String> CLASSES = List.of("red", "blue");

  private ColouredSquares() {}

  /** {@code n} images, image after image, each {@code 32·32·3} bytes (0–255) channel-last; labels alternate 0, 1. */
  public static int[] bytes(int n, long seed) {
    Random random = new Random(seed);
    int[] out = new int[n * SHAPE.size()];
    for (int i = 0; i < n; i++) {
      int side = 8 + random.nextInt(9);
      int top = random.nextInt(32 - side + 1);
      int left = random.nextInt(32 - side + 1);
      int[] colour = i % 2 == 0 ? new int[] {220, 30, 30} : new int[] {30, 30, 220};
      for (int r = 0; r < 32; r++) {
        for (int c = 0; c < 32; c++) {
          boolean inside = r >= top && r < top + side && c >= left && c < left + side;
          for (int ch = 0; ch < 3; ch++) {
            out[i * SHAPE.size() + (32 * r + c) * 3 + ch] = inside ? colour[ch] : 40;
          }
        }
      }
    }
    return out;
  }

  /** The same images with pixels in [-1, 1] (b / 127.5 − 1), as a GAN trains on them. */
  public static Dataset dataset(int n, long seed) {
    int[] bytes = bytes(n, seed);
    float[] x = new float[bytes.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = bytes[i] / 127.5f - 1;
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
    }
    return new Dataset("squares/train", "0", SHAPE, CLASSES, x, labels);
  }
}
