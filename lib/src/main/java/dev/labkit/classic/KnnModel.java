package dev.labkit.classic;

import dev.labkit.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.model.Knn;
import java.util.Arrays;
import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A fitted {@link Knn} spec: the training set itself, searched by brute force for every query. Fitting
 * only keeps the float32 rows and their squared norms.
 *
 * <p>Why not Smile's KNN: it answers one query at a time (21 ms a query on 20k × 784 here, 3.5 min for
 * 10k). This one treats a batch of queries as a matrix product: ‖x − y‖² = ‖x‖² − 2x·y + ‖y‖², and since
 * ‖x‖² is the same for all candidates of a query x, neighbours are ranked by ‖y‖² − 2x·y. The dot products
 * are computed 4 queries × 4 training rows at a time (16 Vector-API accumulators, each loaded row used 4
 * times), for a tile of 64 queries that stays in the L2 cache while the training rows stream past; tiles
 * run on all cores. Each query keeps its k best candidates in a small sorted array (partial selection:
 * most candidates are rejected by one comparison with the current k-th best).
 *
 * <p>Probabilities: the share of the k neighbours' votes each class got; with {@code distance} weights a
 * vote counts 1 / distance, and neighbours at distance 0, if any, take all the votes (scikit-learn's rule).
 */
public final class KnnModel implements Classifier, Measured {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int TILE = 64;

  private final float[] train;
  private final float[] norms;
  private final int[] labels;
  private final int n;
  private final int d;
  private final int classes;
  private final int k;
  private final boolean byDistance;
  private final double fitSeconds;
  private volatile double predictSeconds = Double.NaN;

  private KnnModel(Knn spec, Dataset data, float[] norms, double fitSeconds) {
    this.train = data.features();
    this.labels = data.labels();
    this.norms = norms;
    this.n = data.size();
    this.d = data.featureCount();
    this.classes = data.numClasses();
    this.k = spec.k();
    this.byDistance = spec.weights() == Knn.Weights.DISTANCE;
    this.fitSeconds = fitSeconds;
  }

  /** Keeps the training set (datasets are immutable by convention, so it is not copied). */
  public static KnnModel fit(Knn spec, Dataset train) {
    if (spec.k() > train.size()) {
      throw new UserError("k " + spec.k() + " is more than the " + train.size() + " examples of " + train.id()
          + "; choose k ≤ " + train.size());
    }
    long start = System.nanoTime();
    float[] norms = new float[train.size()];
    IntStream.range(0, train.size()).parallel()
        .forEach(j -> norms[j] = dot(train.features(), train.offset(j), train.features(), train.offset(j),
            train.featureCount()));
    return new KnnModel(spec, train, norms, Probabilities.seconds(start));
  }

  @Override
  public int numClasses() {
    return classes;
  }

  @Override
  public double[] predictProba(Dataset data) {
    long start = System.nanoTime();
    Neighbours found = neighbours(data);
    double[] proba = new double[data.size() * classes];
    for (int i = 0; i < data.size(); i++) {
      vote(found, i, proba, i * classes);
    }
    predictSeconds = Probabilities.seconds(start);
    return proba;
  }

  @Override
  public int[] predict(Dataset data) {
    return Probabilities.argmax(predictProba(data), classes);
  }

  /**
   * The k nearest training rows of every example of {@code data}, nearest first: {@code index[i·k + r]}
   * and their squared distances {@code distance[i·k + r]}.
   */
  public record Neighbours(int k, int[] index, float[] distance) {}

  public Neighbours neighbours(Dataset data) {
    if (data.featureCount() != d) {
      throw new UserError("cannot predict " + data.id() + ": it has " + data.featureCount()
          + " features, the model was fitted on " + d);
    }
    int m = data.size();
    int[] index = new int[m * k];
    float[] distance = new float[m * k];
    int tiles = (m + TILE - 1) / TILE;
    IntStream.range(0, tiles).parallel().forEach(t -> searchTile(data.features(), t * TILE,
        Math.min(m, (t + 1) * TILE), index, distance));
    return new Neighbours(k, index, distance);
  }

  /** Finds the neighbours of queries {@code from..to−1}. */
  private void searchTile(float[] q, int from, int to, int[] index, float[] distance) {
    int rows = to - from;
    float[] best = new float[rows * k]; // ‖y‖² − 2x·y of the k best so far, ascending
    int[] bestIndex = new int[rows * k];
    Arrays.fill(best, Float.POSITIVE_INFINITY);
    float[] dots = new float[16];
    for (int j0 = 0; j0 < n; j0 += 4) {
      int jLast = Math.min(n, j0 + 4) - 1; // past the end, the last row is repeated and its results ignored
      int b0 = j0 * d;
      int b1 = Math.min(j0 + 1, jLast) * d;
      int b2 = Math.min(j0 + 2, jLast) * d;
      int b3 = Math.min(j0 + 3, jLast) * d;
      for (int i0 = from; i0 < to; i0 += 4) {
        int iLast = Math.min(to, i0 + 4) - 1;
        dot4x4(q, i0 * d, Math.min(i0 + 1, iLast) * d, Math.min(i0 + 2, iLast) * d, Math.min(i0 + 3, iLast) * d,
            train, b0, b1, b2, b3, dots);
        for (int a = 0; a < 4 && i0 + a <= iLast; a++) {
          int slot = (i0 + a - from) * k;
          for (int b = 0; b < 4 && j0 + b <= jLast; b++) {
            float score = norms[j0 + b] - 2 * dots[a * 4 + b];
            if (score < best[slot + k - 1]) {
              insert(best, bestIndex, slot, score, j0 + b);
            }
          }
        }
      }
    }
    for (int i = from; i < to; i++) {
      int slot = (i - from) * k;
      float queryNorm = dot(q, i * d, q, i * d, d);
      for (int r = 0; r < k; r++) {
        index[i * k + r] = bestIndex[slot + r];
        distance[i * k + r] = Math.max(0f, queryNorm + best[slot + r]); // rounding can make it slightly < 0
      }
    }
  }

  /** Inserts a candidate into a query's sorted k best, dropping the worst; equal scores keep the earlier row. */
  private void insert(float[] best, int[] bestIndex, int slot, float score, int j) {
    int r = slot + k - 1;
    while (r > slot && best[r - 1] > score) {
      best[r] = best[r - 1];
      bestIndex[r] = bestIndex[r - 1];
      r--;
    }
    best[r] = score;
    bestIndex[r] = j;
  }

  private void vote(Neighbours found, int i, double[] proba, int at) {
    boolean exact = byDistance && found.distance()[i * k] == 0f;
    double total = 0;
    for (int r = 0; r < k; r++) {
      float squared = found.distance()[i * k + r];
      double weight = !byDistance ? 1 : exact ? (squared == 0f ? 1 : 0) : 1 / Math.sqrt(squared);
      proba[at + labels[found.index()[i * k + r]]] += weight;
      total += weight;
    }
    for (int c = 0; c < classes; c++) {
      proba[at + c] /= total;
    }
  }

  /** 16 dot products: rows a0..a3 of {@code a} with rows b0..b3 of {@code b}, into {@code out[4·i + j]}. */
  private void dot4x4(float[] a, int a0, int a1, int a2, int a3, float[] b, int b0, int b1, int b2, int b3,
      float[] out) {
    FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00, c02 = c00, c03 = c00;
    FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
    FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
    FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
    int step = SPECIES.length();
    int upper = SPECIES.loopBound(d);
    int e = 0;
    for (; e < upper; e += step) {
      FloatVector y0 = FloatVector.fromArray(SPECIES, b, b0 + e);
      FloatVector y1 = FloatVector.fromArray(SPECIES, b, b1 + e);
      FloatVector y2 = FloatVector.fromArray(SPECIES, b, b2 + e);
      FloatVector y3 = FloatVector.fromArray(SPECIES, b, b3 + e);
      FloatVector x = FloatVector.fromArray(SPECIES, a, a0 + e);
      c00 = x.fma(y0, c00);
      c01 = x.fma(y1, c01);
      c02 = x.fma(y2, c02);
      c03 = x.fma(y3, c03);
      x = FloatVector.fromArray(SPECIES, a, a1 + e);
      c10 = x.fma(y0, c10);
      c11 = x.fma(y1, c11);
      c12 = x.fma(y2, c12);
      c13 = x.fma(y3, c13);
      x = FloatVector.fromArray(SPECIES, a, a2 + e);
      c20 = x.fma(y0, c20);
      c21 = x.fma(y1, c21);
      c22 = x.fma(y2, c22);
      c23 = x.fma(y3, c23);
      x = FloatVector.fromArray(SPECIES, a, a3 + e);
      c30 = x.fma(y0, c30);
      c31 = x.fma(y1, c31);
      c32 = x.fma(y2, c32);
      c33 = x.fma(y3, c33);
    }
    out[0] = c00.reduceLanes(VectorOperators.ADD);
    out[1] = c01.reduceLanes(VectorOperators.ADD);
    out[2] = c02.reduceLanes(VectorOperators.ADD);
    out[3] = c03.reduceLanes(VectorOperators.ADD);
    out[4] = c10.reduceLanes(VectorOperators.ADD);
    out[5] = c11.reduceLanes(VectorOperators.ADD);
    out[6] = c12.reduceLanes(VectorOperators.ADD);
    out[7] = c13.reduceLanes(VectorOperators.ADD);
    out[8] = c20.reduceLanes(VectorOperators.ADD);
    out[9] = c21.reduceLanes(VectorOperators.ADD);
    out[10] = c22.reduceLanes(VectorOperators.ADD);
    out[11] = c23.reduceLanes(VectorOperators.ADD);
    out[12] = c30.reduceLanes(VectorOperators.ADD);
    out[13] = c31.reduceLanes(VectorOperators.ADD);
    out[14] = c32.reduceLanes(VectorOperators.ADD);
    out[15] = c33.reduceLanes(VectorOperators.ADD);
    if (e < d) { // the tail when d is not a multiple of the vector length
      tail(a, new int[] {a0, a1, a2, a3}, b, new int[] {b0, b1, b2, b3}, e, out);
    }
  }

  private void tail(float[] a, int[] as, float[] b, int[] bs, int from, float[] out) {
    for (int p = 0; p < 16; p++) {
      float s = 0;
      for (int t = from; t < d; t++) {
        s += a[as[p >> 2] + t] * b[bs[p & 3] + t];
      }
      out[p] += s;
    }
  }

  private static float dot(float[] a, int ao, float[] b, int bo, int d) {
    FloatVector acc = FloatVector.zero(SPECIES);
    int upper = SPECIES.loopBound(d);
    int e = 0;
    for (; e < upper; e += SPECIES.length()) {
      acc = FloatVector.fromArray(SPECIES, a, ao + e).fma(FloatVector.fromArray(SPECIES, b, bo + e), acc);
    }
    float s = acc.reduceLanes(VectorOperators.ADD);
    for (; e < d; e++) {
      s += a[ao + e] * b[bo + e];
    }
    return s;
  }

  @Override
  public double fitSeconds() {
    return fitSeconds;
  }

  @Override
  public double predictSeconds() {
    return predictSeconds;
  }

  /** The kept training rows (float32) and their norms and labels: exactly what this model holds. */
  @Override
  public long memoryBytes() {
    return 4L * train.length + 4L * norms.length + 4L * labels.length;
  }
}
