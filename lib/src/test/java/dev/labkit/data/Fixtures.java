package dev.labkit.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small IDX datasets the tests write themselves, and their digests. */
final class Fixtures {
  private Fixtures() {}

  static final List<String> CLASSES = List.of("zero", "one", "two");

  /** The bytes of an IDX file of unsigned bytes with the given dimensions and data. */
  static byte[] idx(int[] dims, byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    buffer.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
    for (int dim : dims) {
      buffer.putInt(dim);
    }
    return buffer.put(data).array();
  }

  static byte[] gzip(byte[] bytes) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String sha256(byte[] bytes) {
    return Digest.sha256("0".repeat(64)).compute(bytes);
  }

  /** {@code count} images of 2×2 pixels whose pixels are (i * 7 + j) mod 256, labels i mod 3. */
  static byte[] images(int count) {
    byte[] data = new byte[count * 4];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ((i / 4) * 7 + i % 4);
    }
    return idx(new int[] {count, 2, 2}, data);
  }

  static byte[] labels(int count) {
    byte[] data = new byte[count];
    for (int i = 0; i < count; i++) {
      data[i] = (byte) (i % 3);
    }
    return idx(new int[] {count}, data);
  }

  /** A tiny dataset: 30 training and 12 test images, as gzipped files with their content digests. */
  record Tiny(byte[] trainImages, byte[] trainLabels, byte[] testImages, byte[] testLabels) {
    static Tiny make() {
      return new Tiny(gzip(images(30)), gzip(labels(30)), gzip(images(12)), gzip(labels(12)));
    }

    List<byte[]> files() {
      return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    /** A definition named {@code tiny} whose files must have these contents, downloading from {@code url}. */
    DatasetDefinition definition(String url, Path systemDir) {
      return new DatasetDefinition("tiny", CLASSES,
          new DataFile("train-images-idx3-ubyte.gz", sha256(images(30)), Digest.sha256(sha256(trainImages))),
          new DataFile("train-labels-idx1-ubyte.gz", sha256(labels(30)), Digest.sha256(sha256(trainLabels))),
          new DataFile("t10k-images-idx3-ubyte.gz", sha256(images(12)), Digest.sha256(sha256(testImages))),
          new DataFile("t10k-labels-idx1-ubyte.gz", sha256(labels(12)), Digest.sha256(sha256(testLabels))),
          url, systemDir, systemDir == null ? null : "dataset-tiny");
    }

    /** Writes the four files into {@code dir}, under the definition's names. */
    void writeTo(Path dir) throws IOException {
      Files.createDirectories(dir);
      List<String> names = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
          "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
      for (int i = 0; i < 4; i++) {
        Files.write(dir.resolve(names.get(i)), files().get(i));
      }
    }
  }
}
