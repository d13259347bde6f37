package dev.labkit.classic;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * H·v for {@link SoftmaxObjective} in centred coordinates ({@link CenteredObjective}), estimated on a random
 * sample S of m rows drawn afresh at each Newton iteration ({@link NewtonCg}). With p_i the softmax of row i
 * at the current point and a_i = V·(x_i − μ) + v_b the logits' change along v:
 *
 * <pre>  H·v = (1/m) Σ_{i∈S} (x_i − μ, 1) ⊗ p_i∘(a_i − p_i·a_i)  +  λ·V on the weights</pre>
 *
 * The sampled rows are copied, centred, into one array, so H·v is the gradient pass's kernels on m rows:
 * a tenth of a pass. When the data has at most {@link #MIN_ROWS} rows every row is used: exact Newton.
 * The draws come from a fixed seed, and blocks are summed in a fixed order: the same fit gives the same
 * bits on any number of threads.
 */
final class SampledCurvature implements NewtonCg.Curvature {
  /** The share of rows in a sample (Byrd et al. used 5 %; on Fashion-MNIST 10 % took fewer passes than 5 or 20). */
  static final double SHARE = 0.1;
  /** Fewer rows than this make a noisy estimate; small data sets use all of theirs. */
  static final int MIN_ROWS = 2000;
  private static final int BLOCK_ROWS = 512; // a multiple of 4; small, so a sample still splits across cores
  private static final long SEED = 0x6e657774L;

  private final float[] x;
  private final int n;
  private final int d;
  private final int k;
  private final double[] mean;
  private final double l2;
  private final ForkJoinPool pool;
  private final int m;
  private final float[] sample;
  private final float[] probabilities;
  private final RowKernels kernels;
  private final int[] order;
  private final SplittableRandom random = new SplittableRandom(SEED);
  private boolean drawn;

  SampledCurvature(float[] x, int features, int classes, double[] mean, double l2, ForkJoinPool pool) {
    this.x = x;
    this.d = features;
    this.n = x.length / features;
    this.k = classes;
    this.mean = mean;
    this.l2 = l2;
    this.pool = pool;
    this.m = sampleSize(n);
    this.sample = new float[m * d];
    this.probabilities = new float[m * k];
    this.kernels = new RowKernels(sample, d, k);
    this.order = new int[n];
    Arrays.setAll(order, i -> i);
  }

  static int sampleSize(int rows) {
    return Math.min(rows, Math.max(MIN_ROWS, (int) Math.ceil(SHARE * rows)));
  }

  int rows() {
    return m;
  }

  @Override
  public void at(double[] theta, int iteration) {
    if (m < n || !drawn) {
      draw();
    }
    float[] w = new float[k * d];
    float[] b = new float[k];
    SoftmaxObjective.toFloats(theta, d, k, w, b);
    RowBlocks.run(pool, m, BLOCK_ROWS, (index, start, end) -> {
      float[] z = new float[4 * k];
      float[] lanesOut = new float[RowKernels.lanes()];
      int r = start;
      for (; r + 4 <= end; r += 4) {
        kernels.logits4(r * d, w, b, z, lanesOut);
        System.arraycopy(z, 0, probabilities, r * k, 4 * k);
      }
      for (; r < end; r++) {
        kernels.logits1(r * d, w, b, probabilities, r * k, lanesOut);
      }
      for (r = start; r < end; r++) {
        softmax(probabilities, r * k, k);
      }
    });
  }

  @Override
  public void times(double[] v, double[] out) {
    float[] vw = new float[k * d];
    float[] vb = new float[k];
    SoftmaxObjective.toFloats(v, d, k, vw, vb);
    float[][] blockSums = new float[RowBlocks.count(m, BLOCK_ROWS)][];
    float inverse = 1f / m;
    RowBlocks.run(pool, m, BLOCK_ROWS, (index, start, end) -> {
      float[] g = new float[k * (d + 1)];
      float[] a = new float[4 * k];
      float[] lanesOut = new float[RowKernels.lanes()];
      int r = start;
      for (; r + 4 <= end; r += 4) {
        kernels.logits4(r * d, vw, vb, a, lanesOut);
        for (int q = 0; q < 4; q++) {
          curve(a, q * k, (r + q) * k, inverse);
        }
        kernels.accumulate4(r * d, a, g);
      }
      for (; r < end; r++) {
        kernels.logits1(r * d, vw, vb, a, 0, lanesOut);
        curve(a, 0, r * k, inverse);
        kernels.accumulate1(r * d, a, g);
      }
      blockSums[index] = g;
    });
    RowBlocks.sumInOrder(blockSums, out); // block order: the same sums on any number of threads
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        out[c * (d + 1) + j] += l2 * v[c * (d + 1) + j];
      }
    }
  }

  /** a[at..at+k) ← p∘(a − p·a)/m, p the row's probabilities. */
  private void curve(float[] a, int at, int row, float inverse) {
    float pa = 0;
    for (int c = 0; c < k; c++) {
      pa += probabilities[row + c] * a[at + c];
    }
    for (int c = 0; c < k; c++) {
      a[at + c] = probabilities[row + c] * (a[at + c] - pa) * inverse;
    }
  }

  /** Draws m rows without replacement (a partial Fisher–Yates shuffle), in increasing order, centred. */
  private void draw() {
    for (int i = 0; i < m && m < n; i++) {
      int j = i + random.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] rows = Arrays.copyOf(order, m);
    Arrays.sort(rows);
    float[] mu = new float[d];
    for (int j = 0; j < d; j++) {
      mu[j] = (float) mean[j];
    }
    RowBlocks.run(pool, m, BLOCK_ROWS, (index, start, end) -> {
      for (int r = start; r < end; r++) {
        int from = rows[r] * d;
        for (int j = 0; j < d; j++) {
          sample[r * d + j] = x[from + j] - mu[j];
        }
      }
    });
    drawn = true;
  }

  private static void softmax(float[] z, int at, int k) {
    float max = z[at];
    for (int c = 1; c < k; c++) {
      max = Math.max(max, z[at + c]);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      z[at + c] = (float) Math.exp(z[at + c] - max);
      sum += z[at + c];
    }
    float scale = (float) (1.0 / sum);
    for (int c = 0; c < k; c++) {
      z[at + c] *= scale;
    }
  }

  /**
   * One-vs-rest's binary problem is a two-class softmax whose first class is pinned at zero
   * ({@link BinaryObjective}); its Hessian is the second class's block of that softmax's.
   */
  static NewtonCg.Curvature secondClass(SampledCurvature twoClasses, int features) {
    int half = features + 1;
    double[] full = new double[2 * half];
    double[] fullOut = new double[2 * half];
    return new NewtonCg.Curvature() {
      @Override
      public void at(double[] theta, int iteration) {
        System.arraycopy(theta, 0, full, half, half);
        twoClasses.at(full, iteration);
      }

      @Override
      public void times(double[] v, double[] out) {
        System.arraycopy(v, 0, full, half, half);
        twoClasses.times(full, fullOut);
        System.arraycopy(fullOut, half, out, 0, half);
      }
    };
  }
}
