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
  private static final int BLOCK_ROWS = 2048; // a multiple of ROWS
  private static final int ROWS = 4;          // rows processed together

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
      logits4(i * d, w, b, z, lanesOut);
      for (int r = 0; r < ROWS; r++) {
        loss += softmaxDelta(z, r * k, y[i + r]);
      }
      accumulate4(i * d, z, g);
    }
    for (; i < end; i++) { // the last rows of the data, when n is not a multiple of four
      logits1(i * d, w, b, z, lanesOut);
      loss += softmaxDelta(z, 0, y[i]);
      accumulate1(i * d, z, g);
    }
    return loss;
  }

  /**
   * Turns the logits z[at..at+k) of one row into ∂loss/∂z_c = p_c − [c = y] in place and returns
   * the row's cross-entropy, log Σ exp(z) − z_y, computed from the largest logit so exp never overflows.
   */
  private double softmaxDelta(float[] z, int at, int label) {
    float max = z[at];
    for (int c = 1; c < k; c++) {
      max = Math.max(max, z[at + c]);
    }
    float trueLogit = z[at + label];
    double sum = 0;
    for (int c = 0; c < k; c++) {
      z[at + c] = (float) Math.exp(z[at + c] - max);
      sum += z[at + c];
    }
    float inv = (float) (1.0 / sum);
    for (int c = 0; c < k; c++) {
      z[at + c] = z[at + c] * inv - (c == label ? 1f : 0f);
    }
    return Math.log(sum) - (trueLogit - max);
  }

  /**
   * z_rc = x_r · W_c + b_c for four rows from {@code row}. Two classes at a time, so eight independent
   * sums are in flight: enough to keep both FMA units busy despite each FMA's latency. They are plain
   * local variables (an array of vectors would be boxed by the JIT).
   */
  private void logits4(int row, float[] w, float[] b, float[] z, float[] lanesOut) {
    int c = 0;
    for (; c + 1 < k; c += 2) {
      logits4x2(row, c, w, b, z, lanesOut);
    }
    if (c < k) {
      logits4x1(row, c, w, b, z, lanesOut);
    }
  }

  private void logits4x2(int row, int c, float[] w, float[] b, float[] z, float[] lanesOut) {
    int upper = SPECIES.loopBound(d);
    int lanes = SPECIES.length();
    int r1 = row + d;
    int r2 = r1 + d;
    int r3 = r2 + d;
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector e0 = a0;
    FloatVector e1 = a0;
    FloatVector e2 = a0;
    FloatVector e3 = a0;
    int wc = c * d;
    int we = wc + d;
    int j = 0;
    for (; j < upper; j += lanes) {
      FloatVector wv = FloatVector.fromArray(SPECIES, w, wc + j);
      FloatVector ev = FloatVector.fromArray(SPECIES, w, we + j);
      FloatVector x0 = FloatVector.fromArray(SPECIES, x, row + j);
      FloatVector x1 = FloatVector.fromArray(SPECIES, x, r1 + j);
      FloatVector x2 = FloatVector.fromArray(SPECIES, x, r2 + j);
      FloatVector x3 = FloatVector.fromArray(SPECIES, x, r3 + j);
      a0 = x0.fma(wv, a0);
      a1 = x1.fma(wv, a1);
      a2 = x2.fma(wv, a2);
      a3 = x3.fma(wv, a3);
      e0 = x0.fma(ev, e0);
      e1 = x1.fma(ev, e1);
      e2 = x2.fma(ev, e2);
      e3 = x3.fma(ev, e3);
    }
    finish(row, j, wc, c, w, b, z, sumLanes(a0, lanesOut), sumLanes(a1, lanesOut), sumLanes(a2, lanesOut),
        sumLanes(a3, lanesOut));
    finish(row, j, we, c + 1, w, b, z, sumLanes(e0, lanesOut), sumLanes(e1, lanesOut), sumLanes(e2, lanesOut),
        sumLanes(e3, lanesOut));
  }

  private void logits4x1(int row, int c, float[] w, float[] b, float[] z, float[] lanesOut) {
    int upper = SPECIES.loopBound(d);
    int lanes = SPECIES.length();
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    int wc = c * d;
    int j = 0;
    for (; j < upper; j += lanes) {
      FloatVector wv = FloatVector.fromArray(SPECIES, w, wc + j);
      a0 = FloatVector.fromArray(SPECIES, x, row + j).fma(wv, a0);
      a1 = FloatVector.fromArray(SPECIES, x, row + d + j).fma(wv, a1);
      a2 = FloatVector.fromArray(SPECIES, x, row + 2 * d + j).fma(wv, a2);
      a3 = FloatVector.fromArray(SPECIES, x, row + 3 * d + j).fma(wv, a3);
    }
    finish(row, j, wc, c, w, b, z, sumLanes(a0, lanesOut), sumLanes(a1, lanesOut), sumLanes(a2, lanesOut),
        sumLanes(a3, lanesOut));
  }

  /** Adds the scalar tail (features past the last full vector) and the intercept; stores z_rc. */
  private void finish(int row, int j, int wc, int c, float[] w, float[] b, float[] z, float s0, float s1,
      float s2, float s3) {
    for (; j < d; j++) {
      float wj = w[wc + j];
      s0 += x[row + j] * wj;
      s1 += x[row + d + j] * wj;
      s2 += x[row + 2 * d + j] * wj;
      s3 += x[row + 3 * d + j] * wj;
    }
    z[c] = s0 + b[c];
    z[k + c] = s1 + b[c];
    z[2 * k + c] = s2 + b[c];
    z[3 * k + c] = s3 + b[c];
  }

  /** z_c = x_i · W_c + b_c for one row. */
  private void logits1(int row, float[] w, float[] b, float[] z, float[] lanesOut) {
    int upper = SPECIES.loopBound(d);
    int lanes = SPECIES.length();
    for (int c = 0; c < k; c++) {
      FloatVector acc = FloatVector.zero(SPECIES);
      int wc = c * d;
      int j = 0;
      for (; j < upper; j += lanes) {
        acc = FloatVector.fromArray(SPECIES, x, row + j).fma(FloatVector.fromArray(SPECIES, w, wc + j), acc);
      }
      float s = sumLanes(acc, lanesOut);
      for (; j < d; j++) {
        s += x[row + j] * w[wc + j];
      }
      z[c] = s + b[c];
    }
  }

  /**
   * The lanes of v summed in a fixed order: reduceLanes(ADD) leaves the order open, and compiled and
   * interpreted code then round differently, which would break bit-for-bit reproducibility.
   */
  private static float sumLanes(FloatVector v, float[] lanesOut) {
    v.intoArray(lanesOut, 0);
    float s = 0;
    for (float lane : lanesOut) {
      s += lane;
    }
    return s;
  }

  /**
   * g_c += Σ_r delta_rc · x_r for four rows; they are still in L1 cache from the forward step. Two
   * classes at a time, so each chunk of the four rows is loaded once for both.
   */
  private void accumulate4(int row, float[] delta, float[] g) {
    int c = 0;
    for (; c + 1 < k; c += 2) {
      accumulate4x2(row, c, delta, g);
    }
    if (c < k) {
      accumulate4x1(row, c, delta, g);
    }
  }

  private void accumulate4x2(int row, int c, float[] delta, float[] g) {
    int upper = SPECIES.loopBound(d);
    int lanes = SPECIES.length();
    int r1 = row + d;
    int r2 = r1 + d;
    int r3 = r2 + d;
    FloatVector v0 = FloatVector.broadcast(SPECIES, delta[c]);
    FloatVector v1 = FloatVector.broadcast(SPECIES, delta[k + c]);
    FloatVector v2 = FloatVector.broadcast(SPECIES, delta[2 * k + c]);
    FloatVector v3 = FloatVector.broadcast(SPECIES, delta[3 * k + c]);
    FloatVector u0 = FloatVector.broadcast(SPECIES, delta[c + 1]);
    FloatVector u1 = FloatVector.broadcast(SPECIES, delta[k + c + 1]);
    FloatVector u2 = FloatVector.broadcast(SPECIES, delta[2 * k + c + 1]);
    FloatVector u3 = FloatVector.broadcast(SPECIES, delta[3 * k + c + 1]);
    int gc = c * (d + 1);
    int ge = gc + d + 1;
    int j = 0;
    for (; j < upper; j += lanes) {
      FloatVector x0 = FloatVector.fromArray(SPECIES, x, row + j);
      FloatVector x1 = FloatVector.fromArray(SPECIES, x, r1 + j);
      FloatVector x2 = FloatVector.fromArray(SPECIES, x, r2 + j);
      FloatVector x3 = FloatVector.fromArray(SPECIES, x, r3 + j);
      x3.fma(v3, x2.fma(v2, x1.fma(v1, x0.fma(v0, FloatVector.fromArray(SPECIES, g, gc + j)))))
          .intoArray(g, gc + j);
      x3.fma(u3, x2.fma(u2, x1.fma(u1, x0.fma(u0, FloatVector.fromArray(SPECIES, g, ge + j)))))
          .intoArray(g, ge + j);
    }
    tail4(row, j, gc, delta, c, g);
    tail4(row, j, ge, delta, c + 1, g);
  }

  private void accumulate4x1(int row, int c, float[] delta, float[] g) {
    int upper = SPECIES.loopBound(d);
    int lanes = SPECIES.length();
    FloatVector v0 = FloatVector.broadcast(SPECIES, delta[c]);
    FloatVector v1 = FloatVector.broadcast(SPECIES, delta[k + c]);
    FloatVector v2 = FloatVector.broadcast(SPECIES, delta[2 * k + c]);
    FloatVector v3 = FloatVector.broadcast(SPECIES, delta[3 * k + c]);
    int gc = c * (d + 1);
    int j = 0;
    for (; j < upper; j += lanes) {
      FloatVector gv = FloatVector.fromArray(SPECIES, g, gc + j);
      gv = FloatVector.fromArray(SPECIES, x, row + j).fma(v0, gv);
      gv = FloatVector.fromArray(SPECIES, x, row + d + j).fma(v1, gv);
      gv = FloatVector.fromArray(SPECIES, x, row + 2 * d + j).fma(v2, gv);
      gv = FloatVector.fromArray(SPECIES, x, row + 3 * d + j).fma(v3, gv);
      gv.intoArray(g, gc + j);
    }
    tail4(row, j, gc, delta, c, g);
  }

  /** The scalar tail of class c's gradient for four rows (features past the last full vector), and b_c. */
  private void tail4(int row, int j, int gc, float[] delta, int c, float[] g) {
    float d0 = delta[c];
    float d1 = delta[k + c];
    float d2 = delta[2 * k + c];
    float d3 = delta[3 * k + c];
    for (; j < d; j++) {
      g[gc + j] = Math.fma(x[row + 3 * d + j], d3, Math.fma(x[row + 2 * d + j], d2,
          Math.fma(x[row + d + j], d1, Math.fma(x[row + j], d0, g[gc + j]))));
    }
    g[gc + d] += ((d0 + d1) + d2) + d3;
  }

  /** g_c += delta_c · x_i for one row. */
  private void accumulate1(int row, float[] delta, float[] g) {
    int upper = SPECIES.loopBound(d);
    int lanes = SPECIES.length();
    for (int c = 0; c < k; c++) {
      float dc = delta[c];
      FloatVector dv = FloatVector.broadcast(SPECIES, dc);
      int gc = c * (d + 1);
      int j = 0;
      for (; j < upper; j += lanes) {
        FloatVector.fromArray(SPECIES, x, row + j).fma(dv, FloatVector.fromArray(SPECIES, g, gc + j))
            .intoArray(g, gc + j);
      }
      for (; j < d; j++) {
        g[gc + j] = Math.fma(x[row + j], dc, g[gc + j]);
      }
      g[gc + d] += dc;
    }
  }
}
