package dev.labkit.data;

import java.util.Arrays;

/**
 * The content of one IDX file: its dimensions (e.g. 60000, 28, 28) and its unsigned bytes in row-major
 * order. {@code sha256} is the SHA-256 of the whole uncompressed file (header and data), the same value
 * {@code zcat file.gz | sha256sum} prints, so it does not depend on how the file was compressed. A
 * {@link Dataset}'s {@code sha256} covers its images file followed by its labels file, the same way.
 */
public record IdxFile(String name, int[] dims, byte[] data, String sha256) {
  /** Number of items: the first dimension. */
  public int count() {
    return dims[0];
  }

  /** Bytes per item: the product of the other dimensions (1 for a labels file). */
  public int itemSize() {
    int size = 1;
    for (int i = 1; i < dims.length; i++) {
      size *= dims[i];
    }
    return size;
  }

  /** The header bytes this content starts with: magic number {@code 00 00 08 <dims>}, then the sizes. */
  public byte[] header() {
    java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(4 + 4 * dims.length);
    header.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
    for (int dim : dims) {
      header.putInt(dim);
    }
    return header.array();
  }

  /** The dimensions as printed in messages: {@code 60000×28×28}. */
  public static String describe(int[] dims) {
    return String.join("×", Arrays.stream(dims).mapToObj(Integer::toString).toList());
  }
}
