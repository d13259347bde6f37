package dev.labkit.classic;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loops of {@link SoftmaxObjective}'s gradient pass, and of softmax regression's mini-batch steps
 * ({@code neural.LinearEpochs}): the logits of rows of x (forward) and their share of the gradient
 * (backward), four rows at a time where it can, with the Vector API. Every sum runs in a fixed order, so
 * the same rows give the same bits whichever thread runs them. Rows are given by the offset of their first
 * value in x ({@code row = i · features}); W is laid out class by class ({@code w[c·d + j]}), the gradient
 * with each class's intercept after its weights ({@code g[c·(d+1) + j]}, {@code g[c·(d+1) + d]}).
 */
public final class RowKernels {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private final float[] x;
  private final int d;
  private final int k;

  /** The length of the {@code lanesOut} scratch array the logits take: floats per vector. */
  public static int lanes() {
    return SPECIES.length();
  }

  public RowKernels(float[] x, int features, int classes) {
    this.x = x;
    this.d = features;
    this.k = classes;
  }

  /**
   * z_rc = x_r · W_c + b_c for four rows from {@code row}. Two classes at a time, so eight independent
   * sums are in flight: enough to keep both FMA units busy despite each FMA's latency. They are plain
   * local variables (an array of vectors would be boxed by the JIT).
   */
  public void logits4(int row, float[] w, float[] b, float[] z, float[] lanesOut) {
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
  public void logits1(int row, float[] w, float[] b, float[] z, float[] lanesOut) {
    logits1(row, w, b, z, 0, lanesOut);
  }

  /** z[at + c] = x_i · W_c + b_c for one row. */
  public void logits1(int row, float[] w, float[] b, float[] z, int at, float[] lanesOut) {
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
      z[at + c] = s + b[c];
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
  public void accumulate4(int row, float[] delta, float[] g) {
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
  public void accumulate1(int row, float[] delta, float[] g) {
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

  /**
   * Turns the logits z[at..at+k) of one row into {@code weight} · ∂loss/∂z_c = weight · (p_c − [c = label]) in
   * place and returns the row's cross-entropy, log Σ exp(z) − z_label, computed from the largest logit so exp
   * never overflows. Weight 1 for a sum over rows; 1/n for a batch's mean.
   */
  public static double softmaxDelta(float[] z, int at, int k, int label, float weight) {
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
    float scale = (float) (1.0 / sum) * weight;
    for (int c = 0; c < k; c++) {
      z[at + c] = z[at + c] * scale - (c == label ? weight : 0f);
    }
    return Math.log(sum) - (trueLogit - max);
  }
}
