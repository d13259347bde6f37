package dev.labkit.eval;

import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Splits examples into {@code k} folds of (almost) equal size in which every class keeps its share,
 * as scikit-learn's {@code StratifiedKFold(n_splits=k, shuffle=True)}. Each example is in exactly one
 * test fold; fold {@code i} trains on the other {@code k − 1}.
 *
 * <p>How: each class's examples are shuffled (seeded), then dealt to the folds like cards, class after
 * class, the deal carrying on where the previous class stopped. So a class of {@code m} examples puts
 * {@code ⌊m/k⌋} or {@code ⌈m/k⌉} in each fold, fold sizes differ by at most one, and the counts per
 * (fold, class) are those of scikit-learn's allocation (it deals the sorted labels the same way).
 */
public final class StratifiedKFold {
  private StratifiedKFold() {}

  /**
   * One fold: the indices (into the dataset, ascending) to train on and to test on.
   *
   * @param index 0-based fold number
   */
  public record Fold(int index, int[] train, int[] test) {}

  /** The folds of {@code data}; the same seed gives the same folds. */
  public static List<Fold> split(Dataset data, int k, long seed) {
    return split(data.labels(), data.classNames(), k, seed);
  }

  /**
   * The folds of examples with these {@code labels} (class indices into {@code classNames}).
   * Throws a one-line {@link UserError} when a class has fewer than {@code k} examples: some test fold
   * would then miss it, and its recall and AUC there would be undefined.
   */
  public static List<Fold> split(int[] labels, List<String> classNames, int k, long seed) {
    int[][] byClass = shuffledByClass(labels, classNames.size(), seed);
    check(byClass, classNames, k, labels.length);
    int[] foldOf = new int[labels.length];
    int dealt = 0;
    for (int[] members : byClass) {
      for (int i : members) {
        foldOf[i] = dealt++ % k;
      }
    }
    List<Fold> folds = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      final int fold = f;
      int[] all = new int[labels.length];
      Arrays.setAll(all, i -> i);
      folds.add(new Fold(f, Arrays.stream(all).filter(i -> foldOf[i] != fold).toArray(),
          Arrays.stream(all).filter(i -> foldOf[i] == fold).toArray()));
    }
    return folds;
  }

  private static void check(int[][] byClass, List<String> classNames, int k, int n) {
    if (k < 2) {
      throw new UserError("k must be ≥ 2 folds, got " + k + " (each fold is tested on by a model trained on the others)");
    }
    int smallest = -1;
    for (int c = 0; c < byClass.length; c++) {
      // a class with no examples at all (a filtered-out label) cannot be missing from a fold
      if (byClass[c].length > 0 && (smallest < 0 || byClass[c].length < byClass[smallest].length)) {
        smallest = c;
      }
    }
    if (smallest < 0) {
      throw new UserError("cannot split " + n + " examples into " + k + " folds: the dataset is empty");
    }
    int fewest = byClass[smallest].length;
    if (fewest < k) {
      throw new UserError("k = " + k + " folds but class '" + classNames.get(smallest) + "' has only " + fewest
          + " example" + (fewest == 1 ? "" : "s") + "; use k ≤ " + fewest
          + (fewest < 2 ? " (or drop that class: it cannot be cross-validated)" : ""));
    }
  }

  /** Each class's example indices, in a seeded random order (Fisher–Yates). */
  private static int[][] shuffledByClass(int[] labels, int numClasses, long seed) {
    int[] counts = new int[numClasses];
    for (int label : labels) {
      counts[label]++;
    }
    int[][] byClass = new int[numClasses][];
    for (int c = 0; c < numClasses; c++) {
      byClass[c] = new int[counts[c]];
    }
    int[] fill = new int[numClasses];
    for (int i = 0; i < labels.length; i++) {
      byClass[labels[i]][fill[labels[i]]++] = i;
    }
    Random random = new Random(seed);
    for (int[] members : byClass) {
      for (int i = members.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = members[i];
        members[i] = members[j];
        members[j] = swap;
      }
    }
    return byClass;
  }
}
