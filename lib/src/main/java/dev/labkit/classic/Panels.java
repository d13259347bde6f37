package dev.labkit.classic;

import java.util.Arrays;
import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Rows of a matrix packed for products with batches of queries, as a BLAS packs a matrix: panels of
 * {@code 2·L} rows (L = floats in a vector), feature by feature, so that one step of {@link #dots} loads
 * two vectors of 2·L rows' values of one feature, broadcasts that feature of 8 queries, and makes 16
 * fused multiply-adds into 16 vector accumulators: an 8 × 2L block of dot products with no horizontal
 * sums. With the rows' squared norms, ‖x − y‖² = ‖x‖² − 2x·y + ‖y‖² follows. KNN ranks its training
 * rows by it; the SVM computes its kernel values from it.
 */
final class Panels {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int L = SPECIES.length();
  static final int WIDTH = 2 * L; // rows per panel
  static final int QUERIES = 8;   // queries per call of dots

  private final float[] packed; // panel p, feature e, row r: packed[(p·d + e)·WIDTH + r]
  private final float[] norms;  // ‖y‖² per packed row; +∞ for the padding rows of the last panel
  private final int d;

  private Panels(float[] packed, float[] norms, int d) {
    this.packed = packed;
    this.norms = norms;
    this.d = d;
  }

  /** Packs the {@code n} rows of {@code x} ({@code d} floats each) and computes their squared norms. */
  static Panels pack(float[] x, int n, int d) {
    int panels = (n + WIDTH - 1) / WIDTH;
    float[] packed = new float[panels * d * WIDTH];
    float[] norms = new float[panels * WIDTH];
    Arrays.fill(norms, Float.POSITIVE_INFINITY);
    IntStream.range(0, panels).parallel().forEach(p -> {
      for (int r = 0; r < WIDTH && p * WIDTH + r < n; r++) {
        norms[p * WIDTH + r] = squaredNorm(x, (p * WIDTH + r) * d, d, packed, (p * d) * WIDTH + r);
      }
    });
    return new Panels(packed, norms, d);
  }

  /** Σ x_e² of the row at {@code offset}, summed in order; also copies the row to {@code into} every WIDTH. */
  private static float squaredNorm(float[] x, int offset, int d, float[] into, int at) {
    float norm = 0;
    for (int e = 0; e < d; e++) {
      float v = x[offset + e];
      into[at + e * WIDTH] = v;
      norm += v * v;
    }
    return norm;
  }

  /** ‖q‖² of the query row at {@code offset}, summed in the order the packed rows' norms were. */
  static float squaredNorm(float[] q, int offset, int d) {
    float norm = 0;
    for (int e = 0; e < d; e++) {
      norm += q[offset + e] * q[offset + e];
    }
    return norm;
  }

  int panels() {
    return norms.length / WIDTH;
  }

  /** ‖y‖² of packed row {@code row} (panel · WIDTH + place); +∞ for padding. */
  float norm(int row) {
    return norms[row];
  }

  long bytes() {
    return 4L * packed.length + 4L * norms.length;
  }

  /**
   * The dot products of 8 queries (rows at {@code offsets} of {@code q}) with the WIDTH rows of panel
   * {@code panel}, into {@code out[a·WIDTH + r]}.
   */
  void dots(float[] q, int[] offsets, int panel, float[] out) {
    int q0 = offsets[0], q1 = offsets[1], q2 = offsets[2], q3 = offsets[3];
    int q4 = offsets[4], q5 = offsets[5], q6 = offsets[6], q7 = offsets[7];
    FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
    for (int e = 0, b = panel * d * WIDTH; e < d; e++, b += WIDTH) {
      FloatVector y0 = FloatVector.fromArray(SPECIES, packed, b);
      FloatVector y1 = FloatVector.fromArray(SPECIES, packed, b + L);
      FloatVector x = FloatVector.broadcast(SPECIES, q[q0 + e]);
      c00 = x.fma(y0, c00);
      c01 = x.fma(y1, c01);
      x = FloatVector.broadcast(SPECIES, q[q1 + e]);
      c10 = x.fma(y0, c10);
      c11 = x.fma(y1, c11);
      x = FloatVector.broadcast(SPECIES, q[q2 + e]);
      c20 = x.fma(y0, c20);
      c21 = x.fma(y1, c21);
      x = FloatVector.broadcast(SPECIES, q[q3 + e]);
      c30 = x.fma(y0, c30);
      c31 = x.fma(y1, c31);
      x = FloatVector.broadcast(SPECIES, q[q4 + e]);
      c40 = x.fma(y0, c40);
      c41 = x.fma(y1, c41);
      x = FloatVector.broadcast(SPECIES, q[q5 + e]);
      c50 = x.fma(y0, c50);
      c51 = x.fma(y1, c51);
      x = FloatVector.broadcast(SPECIES, q[q6 + e]);
      c60 = x.fma(y0, c60);
      c61 = x.fma(y1, c61);
      x = FloatVector.broadcast(SPECIES, q[q7 + e]);
      c70 = x.fma(y0, c70);
      c71 = x.fma(y1, c71);
    }
    c00.intoArray(out, 0);
    c01.intoArray(out, L);
    c10.intoArray(out, 2 * L);
    c11.intoArray(out, 3 * L);
    c20.intoArray(out, 4 * L);
    c21.intoArray(out, 5 * L);
    c30.intoArray(out, 6 * L);
    c31.intoArray(out, 7 * L);
    c40.intoArray(out, 8 * L);
    c41.intoArray(out, 9 * L);
    c50.intoArray(out, 10 * L);
    c51.intoArray(out, 11 * L);
    c60.intoArray(out, 12 * L);
    c61.intoArray(out, 13 * L);
    c70.intoArray(out, 14 * L);
    c71.intoArray(out, 15 * L);
  }

  /** Fills {@code offsets} with the rows of queries i0.. i0+7, repeating the last one past {@code to}. */
  static int offsets(int i0, int to, int d, int[] offsets) {
    int last = Math.min(to, i0 + QUERIES) - 1;
    for (int a = 0; a < QUERIES; a++) {
      offsets[a] = Math.min(i0 + a, last) * d;
    }
    return last;
  }
}
