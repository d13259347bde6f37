package dev.labkit.neural;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * The libtorch engine as labkit's trainers use it: on the CPU, with a chosen number of intra-op threads
 * and seeded generators. libtorch keeps both settings for the whole process, so every fit and every
 * prediction sets them again before it starts.
 */
public final class Torch {
  private static final String ENGINE = "PyTorch";

  static {
    // DJL logs at INFO where it found libtorch and how many threads it has, and warns that there is no
    // CUDA; a run's console wants its own phase lines, so DJL starts at WARN (CUDA at ERROR) unless the
    // user chose a level
    quiet("ai.djl", "warn");
    quiet("ai.djl.util.cuda.CudaUtils", "error");
  }

  private static void quiet(String logger, String level) {
    if (System.getProperty("org.slf4j.simpleLogger.log." + logger) == null) {
      System.setProperty("org.slf4j.simpleLogger.log." + logger, level);
    }
  }

  private Torch() {}

  /**
   * Sets libtorch's intra-op thread count and seeds its generator (initial weights, dropout masks) and
   * DJL's. One thread per op keeps results bit-identical run to run: a split sum adds in one order only
   * when the split is the same, and a fixed count gives the same split.
   */
  public static void configure(int threads, long seed) {
    threads(threads);
    Engine.getEngine(ENGINE).setRandomSeed((int) seed);
  }

  /** Sets libtorch's intra-op threads (it takes effect at once, for the whole process). */
  public static void threads(int threads) {
    Engine.getEngine(ENGINE); // loads libtorch first
    DjlInternals.setNumThreads(threads);
  }

  /** A fresh manager on the CPU of the PyTorch engine; closing it frees every array it made. */
  public static NDManager manager() {
    return NDManager.newBaseManager(Device.cpu(), ENGINE);
  }
}
