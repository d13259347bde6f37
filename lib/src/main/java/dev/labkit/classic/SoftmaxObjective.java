package dev.labkit.classic;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
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
  private static final int BLOCK_ROWS = 2048;

  private final float[] x;
  private final int[] y;
  private final int n;
  private final int d;
  private final int k;
  private final double l2; // 1 / (C·n), 0 for no penalty
  private final ForkJoinPool pool;
  private int passes;

  SoftmaxObjective(float[] x, int[] y, int features, int classes, double l2, ForkJoinPool pool) {
    this.x = x;
    this.y = y;
    this.n = y.length;
    this.d = features;
    this.k = classes;
    this.l2 = l2;
    this.pool = pool;
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
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        w[c * d + j] = (float) theta[c * (d + 1) + j];
      }
      b[c] = (float) theta[c * (d + 1) + d];
    }
    int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
    float[][] blockGrads = new float[blocks][];
    double[] blockLoss = new double[blocks];
    pool.invoke(new Blocks(0, blocks, w, b, blockGrads, blockLoss));

    java.util.Arrays.fill(grad, 0.0);
    double loss = 0;
    for (int blk = 0; blk < blocks; blk++) { // fixed order: deterministic sums
      loss += blockLoss[blk];
      float[] g = blockGrads[blk];
      for (int c = 0; c < k; c++) {
        for (int j = 0; j <= d; j++) {
          grad[c * (d + 1) + j] += g[c * (d + 1) + j];
        }
      }
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

  /** Splits the blocks of rows between the pool's threads. */
  private final class Blocks extends RecursiveAction {
    private final int from;
    private final int to;
    private final float[] w;
    private final float[] b;
    private final float[][] grads;
    private final double[] losses;

    Blocks(int from, int to, float[] w, float[] b, float[][] grads, double[] losses) {
      this.from = from;
      this.to = to;
      this.w = w;
      this.b = b;
      this.grads = grads;
      this.losses = losses;
    }

    @Override
    protected void compute() {
      if (to - from > 1) {
        int mid = (from + to) >>> 1;
        invokeAll(new Blocks(from, mid, w, b, grads, losses), new Blocks(mid, to, w, b, grads, losses));
        return;
      }
      float[] g = new float[k * (d + 1)];
      int start = from * BLOCK_ROWS;
      losses[from] = block(start, Math.min(n, start + BLOCK_ROWS), w, b, g);
      grads[from] = g;
    }
  }

  /** Forward and backward over rows [start, end); returns the summed loss, adds into g. */
  private double block(int start, int end, float[] w, float[] b, float[] g) {
    int upper = SPECIES.loopBound(d);
    int lanes = SPECIES.length();
    float[] z = new float[k];
    float[] lanesOut = new float[lanes];
    double loss = 0;
    for (int i = start; i < end; i++) {
      int row = i * d;
      // forward: z_c = x_i · W_c + b_c for every class
      logits(row, w, b, z, upper, lanes, lanesOut);
      // softmax, computed from the largest logit so exp never overflows
      float max = z[0];
      for (int c = 1; c < k; c++) {
        max = Math.max(max, z[c]);
      }
      int label = y[i];
      float trueLogit = z[label];
      double sum = 0;
      for (int c = 0; c < k; c++) {
        z[c] = (float) Math.exp(z[c] - max);
        sum += z[c];
      }
      // cross-entropy of the true class: log Σ exp(z) − z_y, with z shifted by max
      loss += Math.log(sum) - (trueLogit - max);
      float inv = (float) (1.0 / sum);
      for (int c = 0; c < k; c++) {
        z[c] = z[c] * inv - (c == label ? 1f : 0f); // ∂loss/∂z_c = p_c − [c = y]
      }
      // backward: g_c += (p_c − [c = y]) · x_i
      accumulate(row, z, g, upper, lanes);
    }
    return loss;
  }

  /** z_c = x_i · W_c + b_c. (Four accumulators at once measured 10× slower: the JIT boxed them.) */
  private void logits(int row, float[] w, float[] b, float[] z, int upper, int lanes, float[] lanesOut) {
    for (int c = 0; c < k; c++) {
      FloatVector acc = FloatVector.zero(SPECIES);
      int wc = c * d;
      int j = 0;
      for (; j < upper; j += lanes) {
        FloatVector xv = FloatVector.fromArray(SPECIES, x, row + j);
        acc = xv.fma(FloatVector.fromArray(SPECIES, w, wc + j), acc);
      }
      // sum the lanes in a fixed order: reduceLanes(ADD) leaves the order open, and compiled and
      // interpreted code then round differently, which would break bit-for-bit reproducibility
      acc.intoArray(lanesOut, 0);
      float s = 0;
      for (float lane : lanesOut) {
        s += lane;
      }
      for (; j < d; j++) {
        s += x[row + j] * w[wc + j];
      }
      z[c] = s + b[c];
    }
  }

  /** g_c += delta_c · x_i; the row is still in L1 cache from the forward step. */
  private void accumulate(int row, float[] delta, float[] g, int upper, int lanes) {
    for (int c = 0; c < k; c++) {
      float dc = delta[c];
      int gc = c * (d + 1);
      int j = 0;
      for (; j < upper; j += lanes) {
        FloatVector xv = FloatVector.fromArray(SPECIES, x, row + j);
        FloatVector.fromArray(SPECIES, g, gc + j).add(xv.mul(dc)).intoArray(g, gc + j);
      }
      for (; j < d; j++) {
        g[gc + j] += dc * x[row + j];
      }
      g[gc + d] += dc;
    }
  }
}
