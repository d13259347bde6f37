package dev.labkit.eval;

import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import java.util.List;
import java.util.Random;

/** Small seeded datasets for cross-validation and search tests: Gaussian blobs in 2-D. */
final class Blobs {
  private Blobs() {}

  /**
   * {@code n} examples of three classes (labels cycle 0, 1, 2) around centres (0, 0), (d, 0), (0, d)
   * with unit spread: {@code d = 3} is easy, {@code d = 1} overlaps a lot.
   */
  static Dataset three(int n, double d, long seed) {
    Random random = new Random(seed);
    double[][] centres = {{0, 0}, {d, 0}, {0, d}};
    float[] x = new float[n * 2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      x[2 * i] = (float) (centres[y[i]][0] + random.nextGaussian());
      x[2 * i + 1] = (float) (centres[y[i]][1] + random.nextGaussian());
    }
    return new Dataset("blobs", "", Shape.flat(2), List.of("a", "b", "c"), x, y);
  }

  /** Labels only: {@code counts[c]} examples of class c, classes interleaved. */
  static int[] labels(int... counts) {
    int total = java.util.Arrays.stream(counts).sum();
    int[] labels = new int[total];
    int[] left = counts.clone();
    int i = 0;
    while (i < total) {
      for (int c = 0; c < counts.length; c++) {
        if (left[c] > 0) {
          labels[i++] = c;
          left[c]--;
        }
      }
    }
    return labels;
  }
}
