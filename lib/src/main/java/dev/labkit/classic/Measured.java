package dev.labkit.classic;

/**
 * What a fitted model cost: the time its fit took, the time of its latest prediction, and the memory
 * it keeps. The comparison table of the classic lab shows these beside accuracy.
 */
public interface Measured {
  /** Wall-clock seconds the fit took. */
  double fitSeconds();

  /** Wall-clock seconds of the latest {@code predictProba} (or {@code predict}); NaN before the first. */
  double predictSeconds();

  /**
   * An estimate of the bytes the fitted model keeps. For models that keep their training data (KNN) it is
   * the size of those arrays; for Smile's models it is their Java-serialised size, which counts every
   * number and node they hold but not the JVM's object headers (so the heap holds somewhat more).
   */
  long memoryBytes();
}
