package dev.labkit.classic;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Gets the logistic-regression kernels compiled while the data is still loading. Vector API code runs
 * hundreds of times slower until C2 has compiled it, and C2 compiles a method only after it has run a
 * few thousand times: a fresh JVM used to spend its first 0.2 s (a smoke run) to 0.6 s (full
 * Fashion-MNIST) of a fit on that. {@link #start} runs passes of a small problem of the same shape (784
 * features, 10 classes) on a thread of its own; the fit's first pass stops it. It touches no state the
 * fit reads, so a fit's numbers are the same with or without it (a test checks).
 */
public final class KernelWarmup {
  static final int PASSES = 60;
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static volatile boolean stopped;

  private KernelWarmup() {}

  /** Starts the warm-up once per JVM; later calls do nothing. */
  public static void start() {
    if (STARTED.compareAndSet(false, true)) {
      Thread.ofPlatform().daemon().name("labkit-kernel-warmup").start(() -> run(() -> stopped));
    }
  }

  /** Ends the warm-up at its next pass: a real fit has started and wants the cores. */
  static void stop() {
    stopped = true;
  }

  /** Runs the passes now, on this thread, until {@code stop} says so; returns how many ran. */
  static int run(BooleanSupplier stop) {
    int n = 258; // not a multiple of four: the rows left over take the one-row kernels
    int d = 784;
    int k = 10;
    SplittableRandom random = new SplittableRandom(1);
    float[] x = new float[n * d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % k;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = random.nextInt(4) == 0 ? (float) random.nextDouble() : 0f; // images are mostly zeros
      }
    }
    try (ForkJoinPool pool = new ForkJoinPool(1)) {
      SoftmaxObjective objective = new SoftmaxObjective(x, y, d, k, 1e-3, pool);
      double[] theta = new double[objective.dimension()];
      double[] grad = new double[theta.length];
      int pass = 0;
      for (; pass < PASSES && !stop.getAsBoolean(); pass++) {
        objective.valueAndGradient(theta, grad);
        for (int p = 0; p < theta.length; p++) {
          theta[p] -= 0.5 * grad[p];
        }
      }
      return pass;
    }
  }
}
