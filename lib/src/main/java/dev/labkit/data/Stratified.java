package dev.labkit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded stratified sampling: each class keeps its share of the examples. Quotas are the class's share
 * of {@code n} rounded down, and the examples left over go to the classes with the largest remainders
 * (ties to the lower label), so the quotas add up to exactly {@code n}.
 */
final class Stratified {
  private Stratified() {}

  /** Indices of {@code n} examples, class shares kept, in ascending order; the same for the same seed. */
  static int[] pick(int[] labels, int numClasses, int n, long seed) {
    List<int[]> shuffled = shuffledByClass(labels, numClasses, seed);
    int[] quota = quotas(shuffled, labels.length, n);
    int[] picked = new int[n];
    int k = 0;
    for (int c = 0; c < numClasses; c++) {
      System.arraycopy(shuffled.get(c), 0, picked, k, quota[c]);
      k += quota[c];
    }
    Arrays.sort(picked);
    return picked;
  }

  /** Splits all indices into {@code [rest, chosen]} where chosen holds about {@code fraction} of each class. */
  static int[][] split(int[] labels, int numClasses, double fraction, long seed) {
    int chosenCount = (int) Math.round(labels.length * fraction);
    int[] chosen = pick(labels, numClasses, chosenCount, seed);
    boolean[] isChosen = new boolean[labels.length];
    for (int i : chosen) {
      isChosen[i] = true;
    }
    int[] rest = new int[labels.length - chosenCount];
    int k = 0;
    for (int i = 0; i < labels.length; i++) {
      if (!isChosen[i]) {
        rest[k++] = i;
      }
    }
    return new int[][] {rest, chosen};
  }

  private static List<int[]> shuffledByClass(int[] labels, int numClasses, long seed) {
    int[] counts = new int[numClasses];
    for (int label : labels) {
      counts[label]++;
    }
    List<int[]> byClass = new ArrayList<>();
    for (int c = 0; c < numClasses; c++) {
      byClass.add(new int[counts[c]]);
    }
    int[] fill = new int[numClasses];
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i])[fill[labels[i]]++] = i;
    }
    Random random = new Random(seed);
    for (int[] members : byClass) {
      for (int i = members.length - 1; i > 0; i--) { // Fisher–Yates
        int j = random.nextInt(i + 1);
        int swap = members[i];
        members[i] = members[j];
        members[j] = swap;
      }
    }
    return byClass;
  }

  private static int[] quotas(List<int[]> byClass, int total, int n) {
    int classes = byClass.size();
    int[] quota = new int[classes];
    if (n == 0) {
      return quota;
    }
    long[] remainder = new long[classes];
    int given = 0;
    for (int c = 0; c < classes; c++) {
      long exact = (long) byClass.get(c).length * n;
      quota[c] = (int) (exact / total);
      remainder[c] = exact % total;
      given += quota[c];
    }
    while (given < n) {
      int best = -1;
      for (int c = 0; c < classes; c++) {
        if (quota[c] < byClass.get(c).length && (best < 0 || remainder[c] > remainder[best])) {
          best = c;
        }
      }
      quota[best]++;
      remainder[best] = -1;
      given++;
    }
    return quota;
  }
}
