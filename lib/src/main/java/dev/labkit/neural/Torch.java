package dev.labkit.neural;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

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
    NativePlatform.check(); // one line on a platform libtorch has no build for, before DJL tries to download one
    Engine.getEngine(ENGINE); // loads libtorch first
    DjlInternals.setNumThreads(threads);
  }

  /** A fresh manager on the CPU of the PyTorch engine; closing it frees every array it made. */
  public static NDManager manager() {
    NativePlatform.check();
    return NDManager.newBaseManager(Device.cpu(), ENGINE);
  }

  /**
   * A float32 array of {@code shape} holding {@code values}, in native memory aligned to 64 bytes. DJL's
   * own {@code create(float[])} copies into a direct buffer wherever malloc put it (16-byte aligned), and
   * libtorch computes in place on it; MKL's matrix kernels pick their path by the input's alignment on some
   * CPUs and add in another order on each, so one input could give results a few ulps apart from call to
   * call (seen as FIDs differing in the sixth digit between two identical runs). One alignment, one path.
   */
  public static NDArray floats(NDManager manager, float[] values, Shape shape) {
    return manager.create(aligned(values), shape, DataType.FLOAT32);
  }

  /** {@code values} in a direct buffer whose first byte sits at a multiple of 64. */
  static ByteBuffer aligned(float[] values) {
    int bytes = values.length * Float.BYTES;
    int padded = (bytes + 63) / 64 * 64 + 64; // alignedSlice keeps whole 64-byte units only
    ByteBuffer buffer = ByteBuffer.allocateDirect(padded).alignedSlice(64).slice(0, bytes)
        .order(ByteOrder.nativeOrder());
    buffer.asFloatBuffer().put(values);
    return buffer;
  }

  /** libtorch's seed for epoch {@code epoch}'s random draws (dropout): a mix of the run's seed and the epoch. */
  static int epochSeed(long seed, int epoch) {
    return new SplittableRandom(seed).split().nextInt() ^ new SplittableRandom(seed + epoch).nextInt();
  }
}
