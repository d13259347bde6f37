package dev.labkit.classic;

import java.util.Arrays;

/**
 * One fitted tree of a {@link ForestModel}, as flat arrays indexed by node (node 0 is the root), no
 * object per node. A split node sends an example left when {@code x[feature] ≤ threshold}. A leaf is
 * either pure ({@code feature == PURE}: all its training examples of class {@code left}) or mixed
 * ({@code feature == MIXED}: its class shares at {@code shares[left .. left + classes)}).
 */
record BinnedTree(int[] feature, float[] threshold, int[] left, int[] right, float[] shares) {
  static final int PURE = -1;
  static final int MIXED = -2;

  /** The node where an example, whose features start at {@code x[offset]}, ends. */
  int leaf(float[] x, int offset) {
    int node = 0;
    int f;
    while ((f = feature[node]) >= 0) {
      node = x[offset + f] <= threshold[node] ? left[node] : right[node];
    }
    return node;
  }

  /** Adds the class shares of the leaf the example reaches to {@code out[at .. at + classes)}. */
  void addShares(float[] x, int offset, double[] out, int at, int classes) {
    int node = leaf(x, offset);
    if (feature[node] == PURE) {
      out[at + left[node]] += 1;
    } else {
      int from = left[node];
      for (int c = 0; c < classes; c++) {
        out[at + c] += shares[from + c];
      }
    }
  }

  int nodes() {
    return feature.length;
  }

  int leaves() {
    int leaves = 0;
    for (int f : feature) {
      leaves += f < 0 ? 1 : 0;
    }
    return leaves;
  }

  /** Bytes of its arrays. */
  long bytes() {
    return 4L * (feature.length + threshold.length + left.length + right.length + shares.length);
  }

  /** The tree as it is being grown: arrays that double when full. */
  static final class Builder {
    private int[] feature = new int[64];
    private float[] threshold = new float[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private float[] shares = new float[64];
    private int nodes;
    private int used;

    /** A new node, a leaf until {@link #split} makes it a split. */
    int add() {
      if (nodes == feature.length) {
        int size = 2 * nodes;
        feature = Arrays.copyOf(feature, size);
        threshold = Arrays.copyOf(threshold, size);
        left = Arrays.copyOf(left, size);
        right = Arrays.copyOf(right, size);
      }
      feature[nodes] = PURE;
      return nodes++;
    }

    void split(int node, int f, float t) {
      feature[node] = f;
      threshold[node] = t;
    }

    void child(int parent, boolean isLeft, int node) {
      (isLeft ? left : right)[parent] = node;
    }

    /** Makes {@code node} a leaf holding the class counts {@code counts} of weight {@code total}. */
    void leaf(int node, int[] counts, int total) {
      for (int c = 0; c < counts.length; c++) {
        if (counts[c] == total) {
          feature[node] = PURE;
          left[node] = c;
          return;
        }
      }
      if (used + counts.length > shares.length) {
        shares = Arrays.copyOf(shares, Math.max(2 * shares.length, used + counts.length));
      }
      for (int c = 0; c < counts.length; c++) {
        shares[used + c] = (float) ((double) counts[c] / total);
      }
      feature[node] = MIXED;
      left[node] = used;
      used += counts.length;
    }

    BinnedTree build() {
      return new BinnedTree(Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes),
          Arrays.copyOf(left, nodes), Arrays.copyOf(right, nodes), Arrays.copyOf(shares, used));
    }
  }
}
