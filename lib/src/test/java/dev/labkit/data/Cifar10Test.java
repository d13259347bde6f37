package dev.labkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10's binary batches, made small by the test: 4 records in each training batch, 5 in the test batch. */
class Cifar10Test {
  @TempDir Path root;
  FileServer server;
  final List<String> progress = new ArrayList<>();

  /**
   * {@code count} records; record r of batch b has label (b + r) mod 10 and, in channel c at pixel p,
   * the byte (r + 3p + 7c) mod 256, so every value says where it came from.
   */
  static byte[] batch(int b, int count) {
    byte[] bytes = new byte[count * 3073];
    for (int r = 0; r < count; r++) {
      bytes[r * 3073] = (byte) ((b + r) % 10);
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < 1024; p++) {
          bytes[r * 3073 + 1 + 1024 * c + p] = (byte) ((r + 3 * p + 7 * c) % 256);
        }
      }
    }
    return bytes;
  }

  static Map<String, byte[]> batches() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int b = 1; b <= 5; b++) {
      files.put("data_batch_" + b + ".bin", batch(b, 4));
    }
    files.put("test_batch.bin", batch(0, 5));
    return files;
  }

  /**
   * The files as the official archive holds them: inside cifar-10-batches-bin/, tarred and gzipped. The tar
   * is written by hand (ustar headers): commons-compress's writer needs commons-lang3, which labkit's
   * classpath does not have, and its reader, the part under test, does not.
   */
  static byte[] archive(Map<String, byte[]> files) {
    var tar = new ByteArrayOutputStream();
    for (var file : files.entrySet()) {
      byte[] header = new byte[512];
      put(header, 0, "cifar-10-batches-bin/" + file.getKey());
      put(header, 100, "0000644");
      put(header, 108, "0000000");
      put(header, 116, "0000000");
      put(header, 124, String.format("%011o", file.getValue().length));
      put(header, 136, "00000000000");
      java.util.Arrays.fill(header, 148, 156, (byte) ' ');
      header[156] = '0';
      put(header, 257, "ustar");
      put(header, 263, "00");
      int sum = 0;
      for (byte b : header) {
        sum += b & 0xff;
      }
      put(header, 148, String.format("%06o", sum));
      header[154] = 0;
      tar.writeBytes(header);
      tar.writeBytes(file.getValue());
      tar.writeBytes(new byte[(512 - file.getValue().length % 512) % 512]);
    }
    tar.writeBytes(new byte[1024]);
    return Fixtures.gzip(tar.toByteArray());
  }

  private static void put(byte[] header, int at, String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, at, bytes.length);
  }

  @BeforeEach
  void serve() throws IOException {
    server = new FileServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Locations locations() {
    return new Locations(null, root.resolve("home-data"), root.resolve("cache"));
  }

  private TrainTest load(Cifar10Spec spec, String md5) {
    return spec.load(new LoadOptions(false, 1, progress::add), locations(), md5);
  }

  @Test
  void the_archive_is_downloaded_verified_and_read_with_pixels_interleaved_per_pixel() throws IOException {
    byte[] archive = archive(batches());
    server.files.put("mirror/cifar-10-binary.tar.gz", archive);
    TrainTest data = load(Datasets.cifar10().mirror(server.url() + "mirror/").scale(Scale.NONE),
        Digest.md5("0".repeat(32)).compute(archive));

    assertThat(data.train().size()).isEqualTo(20);
    assertThat(data.test().size()).isEqualTo(5);
    assertThat(data.train().shape()).isEqualTo(new Shape(32, 32, 3));
    assertThat(data.train().classNames()).startsWith("airplane", "automobile").endsWith("truck");
    assertThat(data.train().labels()).startsWith(1, 2, 3, 4, 2, 3); // batch 1 then batch 2
    Dataset test = data.test();
    int r = 2;
    int p = 33 * 10; // row 10, column 10
    for (int c = 0; c < 3; c++) { // HWC: the three channels of a pixel are next to each other
      assertThat(test.features()[test.offset(r) + 3 * p + c]).isEqualTo((r + 3 * p + 7 * c) % 256);
    }
    byte[] allTrain = new byte[0];
    for (int b = 1; b <= 5; b++) {
      allTrain = concat(allTrain, batch(b, 4));
    }
    assertThat(data.train().sha256()).isEqualTo(Fixtures.sha256(allTrain));
    try (Stream<Path> files = Files.list(root.resolve("cache/cifar10"))) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("cifar-10-binary.tar.gz");
    }
  }

  @Test
  void a_download_with_the_wrong_checksum_is_refused_and_nothing_is_kept() throws IOException {
    server.files.put("m/cifar-10-binary.tar.gz", archive(batches()));
    String expected = "0".repeat(32);
    assertThatThrownBy(() -> load(Datasets.cifar10().mirror(server.url() + "m/"), expected))
        .isInstanceOf(UserError.class).hasMessageContaining("cifar-10-binary.tar.gz: checksum mismatch: MD5 is ")
        .hasMessageContaining("expected " + expected + "; nothing was kept in");
    try (Stream<Path> files = Files.list(root.resolve("cache/cifar10"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void unpacked_batch_files_in_the_data_folder_are_used_without_a_download() throws IOException {
    Path dir = Files.createDirectories(root.resolve("home-data/cifar10/cifar-10-batches-bin"));
    for (var file : batches().entrySet()) {
      Files.write(dir.resolve(file.getKey()), file.getValue());
    }
    TrainTest data = load(Datasets.cifar10().mirror(""), "unused");
    assertThat(data.train().features()[3 * 5]).isEqualTo(15 / 255f); // record 0, pixel 5, red
    assertThat(progress).anyMatch(line -> line.startsWith("cifar10: batch files from " + dir));
  }

  @Test
  void subsets_are_stratified_and_classes_can_be_kept() throws IOException {
    Path dir = Files.createDirectories(root.resolve("explicit"));
    for (var file : batches().entrySet()) {
      Files.write(dir.resolve(file.getKey()), file.getValue());
    }
    TrainTest data = load(Datasets.cifar10().path(dir).trainSize(10).classes("bird,cat"), "unused");
    assertThat(data.train().classNames()).containsExactly("bird", "cat");
    assertThat(data.train().labels()).containsOnly(0, 1);
    assertThat(data.test().labels()).containsExactly(0, 1); // the test batch's labels are 0..4: one bird, one cat
  }

  @Test
  void a_batch_that_is_not_whole_records_is_a_one_line_error_naming_it() throws IOException {
    Path dir = Files.createDirectories(root.resolve("bad"));
    for (var file : batches().entrySet()) {
      Files.write(dir.resolve(file.getKey()), file.getValue());
    }
    Files.write(dir.resolve("data_batch_3.bin"), new byte[3073 * 2 + 5]);
    assertThatThrownBy(() -> load(Datasets.cifar10().path(dir), "unused")).isInstanceOf(UserError.class)
        .hasMessage("cifar10: data_batch_3.bin has 6,151 bytes, not a whole number of 3,073-byte records "
            + "(1 label + 3,072 pixels); replace it with a good copy");
  }

  @Test
  void nothing_anywhere_and_no_download_lists_where_it_looked() {
    assertThatThrownBy(() -> load(Datasets.cifar10().mirror(""), "unused")).isInstanceOf(UserError.class)
        .hasMessageStartingWith("cifar10: neither the batch files nor cifar-10-binary.tar.gz found in "
            + root.resolve("home-data/cifar10") + ", " + root.resolve("cache/cifar10") + "; to fix: download ");
  }

  @Test
  void params_are_ordered_and_settable_from_text() {
    Cifar10Spec spec = Datasets.cifar10().with("train_size", "1000").with("classes", "3,5").with("scale", "symmetric");
    assertThat(spec.params()).containsKeys("scale", "train_size", "test_size", "path", "mirror", "classes")
        .containsEntry("mirror", "https://www.cs.toronto.edu/~kriz/").containsEntry("classes", "3,5")
        .containsEntry("train_size", 1000).containsEntry("scale", "symmetric");
    assertThat(spec.name()).isEqualTo("cifar10");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
