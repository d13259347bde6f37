package dev.labkit.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/** The SHA-256 of a dataset made in memory: its shape, class names, labels and every value's bits. */
final class ContentDigest {
  private ContentDigest() {}

  static String of(float[] features, int[] labels, Shape shape, List<String> classNames) {
    MessageDigest sha = Digest.newDigest("SHA-256");
    sha.update((shape + "|" + String.join("\u0000", classNames) + "|").getBytes(StandardCharsets.UTF_8));
    ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (int label : labels) {
      flushIfFull(sha, chunk, 4).putInt(label);
    }
    for (float value : features) {
      flushIfFull(sha, chunk, 4).putInt(Float.floatToIntBits(value));
    }
    chunk.flip();
    sha.update(chunk);
    return HexFormat.of().formatHex(sha.digest());
  }

  private static ByteBuffer flushIfFull(MessageDigest sha, ByteBuffer chunk, int need) {
    if (chunk.remaining() < need) {
      chunk.flip();
      sha.update(chunk);
      chunk.clear();
    }
    return chunk;
  }
}
