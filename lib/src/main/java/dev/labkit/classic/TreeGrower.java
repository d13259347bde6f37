package dev.labkit.classic;

import dev.labkit.model.Criterion;
import java.util.Arrays;
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
 * {@code Σ L_c²/n_L + Σ R_c²/n_R} (exact: whole numbers), for entropy {@code Σ L_c ln L_c − n_L ln n_L +
 * (same for R)}, updated as each bin moves, so a boundary costs the bin's classes only.
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
  // a split partitions the three arrays (through spare), so a node's examples are always one range
  private final int[] samples;
  private final int[] cls;
  private final int[] wt;
  private final int[] spare;
  private final int[] features;
  private final KnownConstants known;
  private final int[] hist;
  private final long[] mask = new long[4];
  private final int[] nodeCounts;
  private final int[] leftCounts;
  private final int[] rightCounts;

  private int[] stack = new int[5 * 64];
  private int top;
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
    this.spare = new int[3 * x.n];
    this.features = new int[x.features];
    this.known = new KnownConstants(x.features);
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
    top = 0;
    push(0, m, 0, -1, 0);
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
      known.forget(depth);
      int total = count(start, end);
      if (depth >= maxDepth || end - start < 2 || pure(total) || !findSplit(start, end, total, depth, random)) {
        tree.leaf(node, nodeCounts, total);
        continue;
      }
      int mid = partition(start, end);
      tree.split(node, bestFeature, x.threshold(bestFeature, bestBin, bestNext));
      push(mid, end, depth + 1, node, 0);
      push(start, mid, depth + 1, node, 1);
    }
    return tree.build();
  }

  private void push(int start, int end, int depth, int parent, int isLeft) {
    if (top + 5 > stack.length) {
      stack = Arrays.copyOf(stack, 2 * stack.length);
    }
    stack[top++] = start;
    stack[top++] = end;
    stack[top++] = depth;
    stack[top++] = parent;
    stack[top++] = isLeft;
  }

  /** Fills {@code nodeCounts} with the node's class weights; returns their sum. */
  private int count(int start, int end) {
    Arrays.fill(nodeCounts, 0);
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
  private boolean findSplit(int start, int end, int total, int depth, SplittableRandom random) {
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
      if (known.is(j)) {
        continue;
      }
      if (histogram(j, start, end) < 2) {
        clear();
        known.mark(j, depth);
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
        Arrays.fill(hist, b * classes, (b + 1) * classes, 0);
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
        // move bin b to the left: every class at once, no branch (most of a small node's bins hold one class)
        double left = 0;
        double right = 0;
        for (int c = 0, at = b * k; c < k; c++, at++) {
          int h = hist[at];
          hist[at] = 0;
          int l = leftCounts[c] + h;
          int r = rightCounts[c] - h;
          leftCounts[c] = l;
          rightCounts[c] = r;
          nLeft += h;
          left += gini ? (double) l * l : f[l];
          right += gini ? (double) r * r : f[r];
        }
        sumLeft = left;
        sumRight = right;
        previous = b;
      }
      mask[w] = 0;
    }
    return best;
  }

  /**
   * Moves the examples of bins ≤ bestBin of the best feature to the front, keeping their order (so the
   * examples of every node stay in increasing index order, and the histograms read the columns forwards);
   * returns where the right ones start.
   */
  private int partition(int start, int end) {
    byte[] bins = x.bins;
    int column = bestFeature * x.n;
    int left = start;
    int right = 0;
    for (int p = start; p < end; p++) {
      int i = samples[p];
      if ((bins[column + i] & 0xFF) <= bestBin) {
        samples[left] = i;
        cls[left] = cls[p];
        wt[left++] = wt[p];
      } else {
        spare[right] = i;
        spare[x.n + right] = cls[p];
        spare[2 * x.n + right++] = wt[p];
      }
    }
    System.arraycopy(spare, 0, samples, left, right);
    System.arraycopy(spare, x.n, cls, left, right);
    System.arraycopy(spare, 2 * x.n, wt, left, right);
    return left;
  }
}
