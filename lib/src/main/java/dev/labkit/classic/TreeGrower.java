package dev.labkit.classic;

import dev.labkit.model.Criterion;
import java.util.SplittableRandom;

/**
 * Grows one tree of a random forest on binned features, as scikit-learn's {@code RandomForestClassifier}
 * grows each of its trees: a bootstrap sample of n draws (an example drawn twice counts twice), depth
 * first, each node split at the best threshold among {@code mtry} features drawn without replacement
 * (more if all drawn were constant in the node), until a node is pure, holds one example, or is at
 * {@code maxDepth}.
 *
 * <p>The best split of a feature comes from a histogram instead of a sort: one pass over the node's
 * examples counts each class's weight in each of the feature's ≤ 256 bins, then one pass over the
 * non-empty bins, in order, moves them from the right side to the left and scores every boundary. The
 * score is scikit-learn's "proxy" (it orders splits as the impurity decrease does): for Gini
 * {@code Σ L_c²/n_L + Σ R_c²/n_R}, for entropy {@code Σ L_c ln L_c − n_L ln n_L + (same for R)}, both
 * kept up to date from one table {@code F} as a bin moves, so a boundary costs the bin's classes only.
 *
 * <p>Not thread-safe: one grower per thread; its buffers are reused from node to node.
 */
final class TreeGrower {
  private final FeatureBins x;
  private final int[] labels;
  private final int classes;
  private final boolean gini;
  private final double[] f;
  private final int maxDepth;
  private final int mtry;

  // the node's examples are samples[start..end), with their classes and bootstrap weights beside them;
  // a split partitions the three arrays in place, so a node's examples are always one range
  private final int[] samples;
  private final int[] cls;
  private final int[] wt;
  private final int[] features;
  private final int[] hist;
  private final long[] mask = new long[4];
  private final int[] nodeCounts;
  private final int[] leftCounts;
  private final int[] rightCounts;

  // the best split of the node being searched
  private int bestFeature;
  private int bestBin;
  private int bestNext;

  /**
   * @param f the score table: {@code f[w] = w²} for Gini, {@code w ln w} for entropy, for w up to n
   *          ({@link #table})
   */
  TreeGrower(FeatureBins x, int[] labels, int classes, Criterion criterion, double[] f, int maxDepth, int mtry) {
    this.x = x;
    this.labels = labels;
    this.classes = classes;
    this.gini = criterion == Criterion.GINI;
    this.f = f;
    this.maxDepth = maxDepth == 0 ? Integer.MAX_VALUE : maxDepth;
    this.mtry = mtry;
    this.samples = new int[x.n];
    this.cls = new int[x.n];
    this.wt = new int[x.n];
    this.features = new int[x.features];
    this.hist = new int[FeatureBins.MAX_BINS * classes];
    this.nodeCounts = new int[classes];
    this.leftCounts = new int[classes];
    this.rightCounts = new int[classes];
  }

  /** The score table of a criterion for total weights up to n. */
  static double[] table(Criterion criterion, int n) {
    double[] f = new double[n + 1];
    for (int w = 1; w <= n; w++) {
      f[w] = criterion == Criterion.GINI ? (double) w * w : w * Math.log(w);
    }
    return f;
  }

  /** One tree, every random choice (bootstrap, features) drawn from {@code random}. */
  BinnedTree grow(SplittableRandom random) {
    int n = x.n;
    int[] draws = new int[n];
    for (int i = 0; i < n; i++) {
      draws[random.nextInt(n)]++;
    }
    return grow(draws, random);
  }

  /** One tree grown on the examples of weight {@code draws[i] > 0} (bootstrap counts; all 1: no bootstrap). */
  BinnedTree grow(int[] draws, SplittableRandom random) {
    int n = x.n;
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (draws[i] > 0) {
        samples[m] = i;
        cls[m] = labels[i];
        wt[m] = draws[i];
        m++;
      }
    }
    for (int j = 0; j < features.length; j++) {
      features[j] = j;
    }
    BinnedTree.Builder tree = new BinnedTree.Builder();
    // depth first, as scikit-learn: a stack of (start, end, depth, parent, side), the left child on top
    int[] stack = new int[5 * 64];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = m;
    stack[top++] = 0;
    stack[top++] = -1;
    stack[top++] = 0;
    while (top > 0) {
      int isLeft = stack[--top];
      int parent = stack[--top];
      int depth = stack[--top];
      int end = stack[--top];
      int start = stack[--top];
      int node = tree.add();
      if (parent >= 0) {
        tree.child(parent, isLeft == 1, node);
      }
      int total = count(start, end);
      if (depth >= maxDepth || end - start < 2 || pure(total) || !findSplit(start, end, total, random)) {
        tree.leaf(node, nodeCounts, total);
        continue;
      }
      int mid = partition(start, end);
      tree.split(node, bestFeature, x.threshold(bestFeature, bestBin, bestNext));
      if (top + 10 > stack.length) {
        stack = java.util.Arrays.copyOf(stack, 2 * stack.length);
      }
      int[] children = {mid, end, 0, start, mid, 1};
      for (int side = 0; side < 6; side += 3) {
        stack[top++] = children[side];
        stack[top++] = children[side + 1];
        stack[top++] = depth + 1;
        stack[top++] = node;
        stack[top++] = children[side + 2];
      }
    }
    return tree.build();
  }

  /** Fills {@code nodeCounts} with the node's class weights; returns their sum. */
  private int count(int start, int end) {
    java.util.Arrays.fill(nodeCounts, 0);
    int total = 0;
    for (int p = start; p < end; p++) {
      nodeCounts[cls[p]] += wt[p];
      total += wt[p];
    }
    return total;
  }

  private boolean pure(int total) {
    for (int c : nodeCounts) {
      if (c == total) {
        return true;
      }
    }
    return false;
  }

  /**
   * Searches mtry features drawn without replacement (Fisher–Yates on {@code features}), and more while
   * every one drawn was constant in the node; false when every feature is constant here.
   */
  private boolean findSplit(int start, int end, int total, SplittableRandom random) {
    double best = Double.NEGATIVE_INFINITY;
    bestFeature = -1;
    int d = features.length;
    int visited = 0;
    int usable = 0;
    for (int drawn = 0; drawn < d && (visited < mtry || usable == 0); drawn++) {
      int pick = drawn + random.nextInt(d - drawn);
      int j = features[pick];
      features[pick] = features[drawn];
      features[drawn] = j;
      visited++;
      if (histogram(j, start, end) < 2) {
        clear();
        continue;
      }
      usable++;
      best = scan(j, total, best);
    }
    return bestFeature >= 0;
  }

  /** Counts the node's class weights per bin of feature j into {@code hist}; returns the non-empty bins. */
  private int histogram(int j, int start, int end) {
    byte[] bins = x.bins;
    int column = j * x.n;
    int k = classes;
    for (int p = start; p < end; p++) {
      int b = bins[column + samples[p]] & 0xFF;
      hist[b * k + cls[p]] += wt[p];
      mask[b >>> 6] |= 1L << b;
    }
    return Long.bitCount(mask[0]) + Long.bitCount(mask[1]) + Long.bitCount(mask[2]) + Long.bitCount(mask[3]);
  }

  /** Empties the histogram's non-empty bins (the only ones not already zero). */
  private void clear() {
    for (int w = 0; w < 4; w++) {
      for (long bits = mask[w]; bits != 0; bits &= bits - 1) {
        int b = (w << 6) + Long.numberOfTrailingZeros(bits);
        java.util.Arrays.fill(hist, b * classes, (b + 1) * classes, 0);
      }
      mask[w] = 0;
    }
  }

  /** Scores every boundary between non-empty bins of feature j, emptying the histogram as it goes. */
  private double scan(int j, int total, double best) {
    int k = classes;
    double sumLeft = 0;
    double sumRight = 0;
    for (int c = 0; c < k; c++) {
      leftCounts[c] = 0;
      rightCounts[c] = nodeCounts[c];
      sumRight += f[nodeCounts[c]];
    }
    int nLeft = 0;
    int previous = -1;
    for (int w = 0; w < 4; w++) {
      for (long bits = mask[w]; bits != 0; bits &= bits - 1) {
        int b = (w << 6) + Long.numberOfTrailingZeros(bits);
        if (previous >= 0) {
          int nRight = total - nLeft;
          double score = gini ? sumLeft / nLeft + sumRight / nRight : sumLeft + sumRight - f[nLeft] - f[nRight];
          if (score > best) {
            best = score;
            bestFeature = j;
            bestBin = previous;
            bestNext = b;
          }
        }
        for (int c = 0, at = b * k; c < k; c++, at++) {
          int h = hist[at];
          if (h != 0) {
            int l = leftCounts[c];
            int r = rightCounts[c];
            sumLeft += f[l + h] - f[l];
            sumRight += f[r - h] - f[r];
            leftCounts[c] = l + h;
            rightCounts[c] = r - h;
            nLeft += h;
            hist[at] = 0;
          }
        }
        previous = b;
      }
      mask[w] = 0;
    }
    return best;
  }

  /** Moves the examples of bins ≤ bestBin of the best feature to the front; returns where the right ones start. */
  private int partition(int start, int end) {
    byte[] bins = x.bins;
    int column = bestFeature * x.n;
    int i = start;
    int j = end - 1;
    while (i <= j) {
      if ((bins[column + samples[i]] & 0xFF) <= bestBin) {
        i++;
      } else {
        swap(samples, i, j);
        swap(cls, i, j);
        swap(wt, i, j);
        j--;
      }
    }
    return i;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
