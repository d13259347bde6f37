package dev.labkit.classic;

import java.util.concurrent.ForkJoinPool;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The objective of multinomial logistic regression, the one scikit-learn minimises divided by
 * {@code C·n} so its scale does not depend on the data size:
 *
 * <pre>  f(W, b) = (1/n) Σᵢ [ log Σ_c exp(zᵢc) − zᵢyᵢ ]  +  ‖W‖² / (2·C·n),   zᵢc = xᵢ·W_c + b_c</pre>
 *
 * The intercepts b are not penalised. One call to {@link #valueAndGradient} makes a single pass over
 * the data: for each row it computes the k logits (forward), the softmax, and adds
 * (softmax − one-hot)·xᵢ to the gradient (backward) while the row is still in cache. Features stay
 * float32 (half the memory traffic of double) and are multiplied with the Vector API; each fixed block
 * of rows sums its gradient in float and hands it to a double total in block order, so the result is
 * the same bit for bit on any number of threads.
 *
 * <p>Parameters are laid out class by class: {@code theta[c·(d+1) + j]} is W_cj for j < d and
 * {@code theta[c·(d+1) + d]} is b_c.
 */
final class SoftmaxObjective {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int BLOCK_ROWS = 2048; // a multiple of ROWS
  private static final int ROWS = 4;          // rows processed together

  private final int[] y;
  private final int n;
  private final int d;
  private final int k;
  private final double l2; // 1 / (C·n), 0 for no penalty
  private final ForkJoinPool pool;
  private final RowKernels kernels;
  private int passes;

  SoftmaxObjective(float[] x, int[] y, int features, int classes, double l2, ForkJoinPool pool) {
    this.y = y;
    this.n = y.length;
    this.d = features;
    this.k = classes;
    this.l2 = l2;
    this.pool = pool;
    this.kernels = new RowKernels(x, features, classes);
  }

  int dimension() {
    return k * (d + 1);
  }

  /** How many passes over the data have been made so far. */
  int passes() {
    return passes;
  }

  /** Returns f(theta) and writes ∇f(theta) into {@code grad}. */
  double valueAndGradient(double[] theta, double[] grad) {
    passes++;
    float[] w = new float[k * d];
    float[] b = new float[k];
    toFloats(theta, d, k, w, b);
    int blocks = RowBlocks.count(n, BLOCK_ROWS);
    float[][] blockGrads = new float[blocks][];
    double[] blockLoss = new double[blocks];
    RowBlocks.run(pool, n, BLOCK_ROWS, (index, start, end) -> {
      float[] g = new float[k * (d + 1)];
      blockLoss[index] = block(start, end, w, b, g);
      blockGrads[index] = g;
    });

    RowBlocks.sumInOrder(blockGrads, grad); // fixed order: deterministic sums
    double loss = 0;
    for (double blockSum : blockLoss) {
      loss += blockSum;
    }
    double penalty = 0;
    for (int c = 0; c < k; c++) {
      for (int j = 0; j <= d; j++) {
        int p = c * (d + 1) + j;
        grad[p] /= n;
        if (j < d && l2 > 0) {
          grad[p] += l2 * theta[p];
          penalty += theta[p] * theta[p];
        }
      }
    }
    return loss / n + 0.5 * l2 * penalty;
  }

  /** Splits theta (class by class, each class's intercept after its weights) into float W and b. */
  static void toFloats(double[] theta, int d, int k, float[] w, float[] b) {
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        w[c * d + j] = (float) theta[c * (d + 1) + j];
      }
      b[c] = (float) theta[c * (d + 1) + d];
    }
  }

  /**
   * Forward and backward over rows [start, end); returns the summed loss, adds into g. Rows go four at
   * a time: each chunk of W_c (forward) or g_c (backward) is then loaded once for four rows instead of
   * once per row, which roughly halves a pass (W and g together exceed the L1 cache). Which rows go
   * together depends only on the block's start, so the sums are the same on any thread count.
   */
  private double block(int start, int end, float[] w, float[] b, float[] g) {
    float[] z = new float[ROWS * k];
    float[] lanesOut = new float[SPECIES.length()];
    double loss = 0;
    int i = start;
    for (; i + ROWS <= end; i += ROWS) {
      kernels.logits4(i * d, w, b, z, lanesOut);
      for (int r = 0; r < ROWS; r++) {
        loss += RowKernels.softmaxDelta(z, r * k, k, y[i + r], 1f);
      }
      kernels.accumulate4(i * d, z, g);
    }
    for (; i < end; i++) { // the last rows of the data, when n is not a multiple of four
      kernels.logits1(i * d, w, b, z, lanesOut);
      loss += RowKernels.softmaxDelta(z, 0, k, y[i], 1f);
      kernels.accumulate1(i * d, z, g);
    }
    return loss;
  }

}
