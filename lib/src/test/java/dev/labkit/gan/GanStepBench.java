package dev.labkit.gan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.labkit.data.Dataset;
import dev.labkit.data.Datasets;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.Scale;
import dev.labkit.model.Gan;
import java.util.Arrays;
import java.util.Locale;

/**
 * ms per D+G step for bench/gan (not a test): {@code GanStepBench <mlp|dcgan|dcgan32> <threads> <steps> <reps>}.
 * Full Fashion-MNIST in [-1, 1] ({@code dcgan32}: 2,048 coloured squares of 32×32×3, as CIFAR-10 cannot be
 * downloaded here; the step time does not depend on the pixels), batch 128; 20 warm-up steps, then
 * {@code reps} timings of {@code steps} steps each; prints the median and the best ms per step. A fifth
 * argument {@code checkpoint} also times five checkpoint writes ({@link Checkpoint#write}, synced to
 * disk), printing their median and the size, and the per-step re-seed alone.
 */
final class GanStepBench {
  private static void checkpoints(GanTraining training, Gan spec, Dataset train, long step) {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("gan-bench", ".bin");
      double[] ms = new double[5];
      for (int r = 0; r < ms.length; r++) {
        long t = System.nanoTime();
        Checkpoint.write(file, training, spec, train, new Checkpoint.Loop(step, 0, 0, 0, 0, 0));
        ms[r] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf(Locale.ROOT, "checkpoint write: median %.0f ms, best %.0f ms, %.1f MB%n", ms[2], ms[0],
          java.nio.file.Files.size(file) / 1e6);
      java.nio.file.Files.delete(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** What {@link GanTraining#step} adds at its start: a step's seed, a SplittableRandom, libtorch re-seeded. */
  private static void reseeds() {
    int n = 100_000;
    long sink = 0;
    long t = System.nanoTime();
    for (int i = 1; i <= n; i++) {
      long seed = GanTraining.stepSeed(42, i);
      sink += new java.util.SplittableRandom(seed).nextLong();
      Engine.getInstance().setRandomSeed(Long.hashCode(seed));
    }
    System.out.printf(Locale.ROOT, "re-seed: %.2f µs a step (%d)%n", (System.nanoTime() - t) / 1e3 / n, sink & 1);
  }

  public static void main(String[] args) {
    Dataset train = args[0].equals("dcgan32") ? ColouredSquares.dataset(2048, 1)
        : Datasets.fashionMnist().scale(Scale.SYMMETRIC).load(LoadOptions.quiet(42)).train();
    Gan spec = args[0].startsWith("dcgan") ? Gan.dcgan() : Gan.defaults();
    Engine.getInstance();
    ai.djl.pytorch.jni.JniUtils.setNumThreads(Integer.parseInt(args[1]));
    int steps = Integer.parseInt(args[2]);
    double[] ms = new double[Integer.parseInt(args[3])];
    try (NDManager manager = NDManager.newBaseManager()) {
      GanTraining training = new GanTraining(spec, train, 42, manager);
      long step = 0;
      for (int i = 0; i < 20; i++) {
        training.step(++step, false);
      }
      for (int r = 0; r < ms.length; r++) {
        long t = System.nanoTime();
        for (int i = 0; i < steps; i++) {
          training.step(++step, i == steps - 1);
        }
        ms[r] = (System.nanoTime() - t) / 1e6 / steps;
      }
      if (args.length > 4 && args[4].equals("checkpoint")) {
        checkpoints(training, spec, train, step);
        reseeds();
      }
    }
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "%s\tthreads %s\tmedian %.1f ms/step\tbest %.1f ms/step\t(%d x %d steps)%n", args[0],
        args[1], ms[ms.length / 2], ms[0], ms.length, steps);
  }
}
