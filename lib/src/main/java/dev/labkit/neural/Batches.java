package dev.labkit.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;

/**
 * The rows each step trains on: all of them (full batch), or {@code batch} rows at a time, taken in a
 * fresh seeded shuffle each epoch (every row once per epoch; the last short batch of an epoch is skipped,
 * so every step sees exactly {@code batch} rows).
 */
final class Batches {
  /** The inputs and targets of one step, in that step's manager. */
  record Batch(NDArray x, NDArray y) {}

  private final int n;
  private final int size;
  private final SplittableRandom random;
  private final long[] order;
  private int next;

  Batches(int n, int batch, SplittableRandom random) {
    this.n = n;
    this.size = batch == 0 ? n : batch;
    this.random = random;
    this.order = new long[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    this.next = n; // shuffle before the first mini-batch
  }

  Batch next(NDArray x, NDArray y, NDManager scope) {
    if (size == n) {
      return new Batch(Scoped.alias(x, scope), Scoped.alias(y, scope));
    }
    if (next + size > n) {
      shuffle();
      next = 0;
    }
    long[] rows = java.util.Arrays.copyOfRange(order, next, next + size);
    next += size;
    NDArray index = scope.create(rows);
    return new Batch(Scoped.alias(x, scope).get(index), Scoped.alias(y, scope).get(index));
  }

  /** Fisher–Yates with the run's batch stream. */
  private void shuffle() {
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /** A Fisher–Yates shuffle of 0..n-1 from the run's generator: a new batch order every epoch. */
  static long[] permutation(int n, SplittableRandom random) {
    long[] order = new long[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
