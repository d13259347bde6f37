package dev.labkit.classic;

import dev.labkit.data.Dataset;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The training features as at most 256 bins each, one byte per value, stored column by column
 * ({@code bins[j·n + i]} is example i's bin of feature j), the layout a histogram split search reads.
 *
 * <p>A feature with at most 256 distinct values (an 8-bit pixel, whatever its scale) gets one bin per value,
 * so a split between two bins is exactly a split between two values, as scikit-learn's exact search
 * would make it. A feature with more distinct values gets 256 bins by quantiles (each about n/256 examples,
 * equal values always in one bin): splits then fall only between those bins, as in LightGBM.
 *
 * <p>{@code upper[j][b]} is the largest training value in bin b and {@code lower[j][b]} the smallest; a
 * split after bin b (the next non-empty bin b') is stored as the threshold {@link #threshold}, the midpoint
 * of those two values, so that {@code x ≤ threshold} sends exactly the training values of bins ≤ b left.
 */
final class FeatureBins {
  static final int MAX_BINS = 256;

  final int n;
  final int features;
  final byte[] bins;
  final float[][] lower;
  final float[][] upper;

  private FeatureBins(int n, int features, byte[] bins, float[][] lower, float[][] upper) {
    this.n = n;
    this.features = features;
    this.bins = bins;
    this.lower = lower;
    this.upper = upper;
  }

  static FeatureBins of(Dataset data) {
    int n = data.size();
    int d = data.featureCount();
    byte[] bins = new byte[n * d];
    float[][] lower = new float[d][];
    float[][] upper = new float[d][];
    IntStream.range(0, d).parallel().forEach(j -> {
      float[] column = new float[n];
      float[] x = data.features();
      for (int i = 0, at = j; i < n; i++, at += d) {
        column[i] = x[at];
      }
      float[] distinct = fewDistinct(column);
      if (distinct != null) {
        lower[j] = distinct;
        upper[j] = distinct;
      } else {
        quantiles(column, j, lower, upper);
      }
      float[] up = upper[j];
      for (int i = 0; i < n; i++) {
        bins[j * n + i] = (byte) binOf(up, column[i]);
      }
    });
    return new FeatureBins(n, d, bins, lower, upper);
  }

  /** Number of bins of feature j. */
  int count(int j) {
    return upper[j].length;
  }

  /**
   * The threshold between bin {@code left} and the next non-empty bin {@code right} of feature j: the
   * midpoint of the values either side, as scikit-learn's (its left value if the midpoint rounds to the right one).
   */
  float threshold(int j, int left, int right) {
    float a = upper[j][left];
    float b = lower[j][right];
    float mid = (float) (a / 2.0 + b / 2.0);
    return mid >= b || Float.isInfinite(mid) ? a : mid;
  }

  /** The first bin whose largest value is ≥ v (values above every bin go to the last). */
  static int binOf(float[] upper, float v) {
    int lo = 0;
    int hi = upper.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (upper[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The sorted distinct values of a column, or null when it has more than {@link #MAX_BINS}. */
  static float[] fewDistinct(float[] column) {
    int[] table = new int[1024]; // open addressing on the float's bits + 1 (0 marks an empty slot)
    float[] seen = new float[MAX_BINS];
    int count = 0;
    for (float v : column) {
      int key = Float.floatToIntBits(v == 0 ? 0f : v) + 1; // -0 and 0 are one value
      int slot = (key * 0x9E3779B9) >>> 22;
      while (table[slot] != 0 && table[slot] != key) {
        slot = (slot + 1) & 1023;
      }
      if (table[slot] == 0) {
        if (count == MAX_BINS) {
          return null;
        }
        table[slot] = key;
        seen[count++] = v == 0 ? 0f : v;
      }
    }
    float[] distinct = Arrays.copyOf(seen, count);
    Arrays.sort(distinct);
    return distinct;
  }

  /** Quantile bins of a column with many distinct values: upper and lower bounds of each. */
  private static void quantiles(float[] column, int j, float[][] lower, float[][] upper) {
    float[] sorted = column.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    float[] up = new float[MAX_BINS];
    float[] low = new float[MAX_BINS];
    int bins = 0;
    int start = 0;
    while (start < n) {
      // the bin ends at the next quantile, moved on to the end of a run of equal values
      int end = Math.max(start + 1, (int) ((long) (bins + 1) * n / MAX_BINS));
      while (end < n && sorted[end] == sorted[end - 1]) {
        end++;
      }
      if (bins == MAX_BINS - 1) {
        end = n;
      }
      low[bins] = sorted[start];
      up[bins] = sorted[end - 1];
      bins++;
      start = end;
    }
    lower[j] = Arrays.copyOf(low, bins);
    upper[j] = Arrays.copyOf(up, bins);
  }
}
