package dev.labkit.classic;

import dev.labkit.data.Dataset;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import smile.model.svm.KernelMachine;

/**
 * The decision scores of many RBF kernel machines at once, as libsvm computes them: the machines of a
 * one-versus-one SVM share most of their support vectors (a training row is a support vector of up to
 * k − 1 of them), so each query's kernel values exp(−γ‖x − v‖²) are computed once for the distinct
 * support vectors and every machine's score Σᵢ wᵢ·K(x, vᵢ) + b is read from them. The squared distances
 * come from {@link Panels}' float32 matrix kernel; the kernel values and sums are in double. Asking each
 * of Smile's 45 machines in turn computes every shared kernel value again, one pair of rows at a time:
 * 72 s against 2–4 s for 10,000 Fashion-MNIST queries (bench/classic/README.md).
 */
final class KernelScores {
  private static final int TILE = 64; // queries per task

  private final Panels vectors; // the distinct support vectors
  private final int[][] index;  // machine m's support vectors, as rows of vectors
  private final double[][] weight;
  private final double[] intercept;
  private final double gamma;
  private final int d;
  private final int distinct;

  /** The machines' support vectors are rows of the training set (Smile keeps the references). */
  KernelScores(List<? extends KernelMachine<float[]>> machines, double gamma, int d) {
    Map<float[], Integer> rows = new IdentityHashMap<>();
    this.index = new int[machines.size()][];
    this.weight = new double[machines.size()][];
    this.intercept = new double[machines.size()];
    for (int m = 0; m < machines.size(); m++) {
      KernelMachine<float[]> machine = machines.get(m);
      float[][] sv = machine.vectors();
      index[m] = new int[sv.length];
      for (int i = 0; i < sv.length; i++) {
        index[m][i] = rows.computeIfAbsent(sv[i], v -> rows.size());
      }
      weight[m] = machine.weights().clone();
      intercept[m] = machine.intercept();
    }
    float[] packed = new float[rows.size() * d];
    rows.forEach((v, row) -> System.arraycopy(v, 0, packed, row * d, d));
    this.vectors = Panels.pack(packed, rows.size(), d);
    this.gamma = gamma;
    this.d = d;
    this.distinct = rows.size();
  }

  /** How many distinct support vectors the machines have together. */
  int distinct() {
    return distinct;
  }

  /** Every machine's score of every row of {@code data}: {@code scores[i·machines + m]}. */
  double[] scores(Dataset data) {
    int n = data.size();
    double[] scores = new double[n * index.length];
    int tiles = (n + TILE - 1) / TILE;
    IntStream.range(0, tiles).parallel().forEach(t -> tile(data.features(), t * TILE, Math.min(n, (t + 1) * TILE),
        scores));
    return scores;
  }

  private void tile(float[] q, int from, int to, double[] scores) {
    int width = vectors.panels() * Panels.WIDTH;
    double[] kernel = new double[(to - from) * width];
    float[] dots = new float[Panels.QUERIES * Panels.WIDTH];
    int[] offsets = new int[Panels.QUERIES];
    float[] norms = new float[to - from];
    for (int i = from; i < to; i++) {
      norms[i - from] = Panels.squaredNorm(q, i * d, d);
    }
    for (int p = 0; p < vectors.panels(); p++) {
      for (int i0 = from; i0 < to; i0 += Panels.QUERIES) {
        int last = Panels.offsets(i0, to, d, offsets);
        vectors.dots(q, offsets, p, dots);
        for (int a = 0; i0 + a <= last; a++) {
          int row = (i0 + a - from) * width + p * Panels.WIDTH;
          for (int r = 0; r < Panels.WIDTH; r++) {
            double squared = (double) norms[i0 + a - from] + vectors.norm(p * Panels.WIDTH + r)
                - 2.0 * dots[a * Panels.WIDTH + r];
            kernel[row + r] = Math.exp(-gamma * Math.max(0, squared)); // padding rows: exp(−∞) = 0
          }
        }
      }
    }
    for (int i = from; i < to; i++) {
      int row = (i - from) * width;
      for (int m = 0; m < index.length; m++) {
        double s = intercept[m];
        int[] at = index[m];
        double[] w = weight[m];
        for (int v = 0; v < at.length; v++) {
          s += w[v] * kernel[row + at[v]];
        }
        scores[i * index.length + m] = s;
      }
    }
  }
}
