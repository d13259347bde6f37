package dev.labkit.classic;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Splits rows [0, rows) into fixed blocks and runs them on a pool. Which rows form a block depends only on
 * the block size, so a caller that keeps one result per block and sums them in block order gets the same
 * bits on any number of threads.
 */
final class RowBlocks {
  /** The work of one block: rows [start, end), the {@code index}-th block. */
  interface Body {
    void block(int index, int start, int end);
  }

  private RowBlocks() {}

  /** Fills {@code out} with the element-wise sum of {@code blocks}, taken in block order. */
  static void sumInOrder(float[][] blocks, double[] out) {
    java.util.Arrays.fill(out, 0.0);
    for (float[] block : blocks) {
      for (int p = 0; p < out.length; p++) {
        out[p] += block[p];
      }
    }
  }

  static int count(int rows, int blockRows) {
    return (rows + blockRows - 1) / blockRows;
  }

  static void run(ForkJoinPool pool, int rows, int blockRows, Body body) {
    pool.invoke(new Split(0, count(rows, blockRows), rows, blockRows, body));
  }

  private static final class Split extends RecursiveAction {
    private final int from;
    private final int to;
    private final int rows;
    private final int blockRows;
    private final Body body;

    Split(int from, int to, int rows, int blockRows, Body body) {
      this.from = from;
      this.to = to;
      this.rows = rows;
      this.blockRows = blockRows;
      this.body = body;
    }

    @Override
    protected void compute() {
      if (to - from > 1) {
        int mid = (from + to) >>> 1;
        invokeAll(new Split(from, mid, rows, blockRows, body), new Split(mid, to, rows, blockRows, body));
        return;
      }
      int start = from * blockRows;
      body.block(from, start, Math.min(rows, start + blockRows));
    }
  }
}
