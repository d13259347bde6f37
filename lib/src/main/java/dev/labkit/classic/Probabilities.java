package dev.labkit.classic;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/** Small helpers the fitted models share. */
final class Probabilities {
  private Probabilities() {}

  /** The size of {@code model} written with Java serialisation, counted without keeping the bytes. */
  static long serializedSize(Serializable model) {
    long[] count = new long[1];
    OutputStream counter = new OutputStream() {
      @Override
      public void write(int b) {
        count[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        count[0] += len;
      }
    };
    try (ObjectOutputStream out = new ObjectOutputStream(counter)) {
      out.writeObject(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
