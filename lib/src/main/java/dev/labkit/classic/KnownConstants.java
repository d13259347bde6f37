package dev.labkit.classic;

import java.util.Arrays;

/**
 * The features known to be constant in the node a {@link TreeGrower} is splitting: constant in one of its
 * ancestors, so in it too. Drawn, such a feature counts as visited without a histogram, as scikit-learn's
 * "known constants" do. Depth first, the marks form a stack of (feature, depth of the node that found it).
 */
final class KnownConstants {
  private final boolean[] known;
  private int[] marks = new int[64];
  private int marked;

  KnownConstants(int features) {
    known = new boolean[features];
  }

  boolean is(int feature) {
    return known[feature];
  }

  /** Feature j is constant in the node at {@code depth}, so in every node below it. */
  void mark(int feature, int depth) {
    if (marked + 2 > marks.length) {
      marks = Arrays.copyOf(marks, 2 * marks.length);
    }
    known[feature] = true;
    marks[marked++] = feature;
    marks[marked++] = depth;
  }

  /**
   * Called on reaching a node at {@code depth}: unmarks what nodes at that depth or deeper found. Depth
   * first, those were not its ancestors, and the marks left (of smaller depths, lower on the stack) are
   * exactly its ancestors'.
   */
  void forget(int depth) {
    while (marked > 0 && marks[marked - 1] >= depth) {
      known[marks[marked - 2]] = false;
      marked -= 2;
    }
  }
}
