package dev.labkit.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uncompressed copy the loader keeps of a gzipped file it verified: used, checked, and remade when damaged. */
class UnpackedCopyTest {
  @TempDir Path root;
  final Fixtures.Tiny tiny = Fixtures.Tiny.make();
  final DatasetDefinition definition = tiny.definition("", null);

  private TrainTest load() {
    return Datasets.of(definition).load(LoadOptions.quiet(1), new Locations(null, root, root.resolve("cache")));
  }

  private Path copy(String name) {
    return root.resolve("cache/tiny/unpacked").resolve(name + "." + Fixtures.sha256(
        name.startsWith("train-images") ? Fixtures.images(30) : Fixtures.labels(30)).substring(0, 16));
  }

  /** Changes the last pixel of {@code copy} in place, its time then {@code laterMillis} after the stamped one. */
  private static void flipLastPixel(Path copy, long laterMillis) throws IOException {
    byte[] bytes = Files.readAllBytes(copy);
    bytes[bytes.length - 1] ^= 1;
    FileTime stamped = Files.getLastModifiedTime(copy);
    Files.write(copy, bytes);
    Files.setLastModifiedTime(copy, FileTime.from(stamped.toInstant().plusMillis(laterMillis)));
  }

  @Test
  void the_first_load_keeps_each_verified_file_uncompressed_and_the_next_reads_it() throws IOException {
    tiny.writeTo(root.resolve("tiny"));
    TrainTest first = load();
    Path images = copy("train-images-idx3-ubyte");
    assertThat(Files.readAllBytes(images)).isEqualTo(Fixtures.images(30));
    assertThat(copy("train-labels-idx1-ubyte")).isRegularFile();
    try (var unpacked = Files.list(root.resolve("cache/tiny/unpacked"))) {
      assertThat(unpacked.map(p -> p.getFileName().toString().replaceAll("\\.[0-9a-f]{16}", "")).sorted())
          .containsExactly("t10k-images-idx3-ubyte", "t10k-images-idx3-ubyte.verified", "t10k-labels-idx1-ubyte",
              "train-images-idx3-ubyte", "train-images-idx3-ubyte.verified", "train-labels-idx1-ubyte");
    }

    // an original that no longer inflates is not read again: the checked copy is
    byte[] broken = tiny.trainImages().clone();
    Arrays.fill(broken, 20, broken.length, (byte) 0);
    Files.write(root.resolve("tiny/train-images-idx3-ubyte.gz"), broken);
    TrainTest second = load();
    assertThat(second.train().sha256()).isEqualTo(first.train().sha256());
    assertThat(second.train().features()).isEqualTo(first.train().features());
  }

  @Test
  void a_damaged_copy_is_caught_by_its_digest_deleted_and_made_again_from_the_original() throws IOException {
    tiny.writeTo(root.resolve("tiny"));
    TrainTest first = load();
    Path images = copy("train-images-idx3-ubyte");
    flipLastPixel(images, 2000); // written later than the stamp says

    TrainTest second = load();
    assertThat(second.train().sha256()).isEqualTo(first.train().sha256());
    assertThat(second.train().features()).isEqualTo(first.train().features());
    assertThat(Files.readAllBytes(images)).isEqualTo(Fixtures.images(30));
  }

  @Test
  void while_its_stamp_matches_a_copy_is_read_without_hashing_it_again() throws IOException {
    tiny.writeTo(root.resolve("tiny"));
    TrainTest first = load();
    Path images = copy("train-images-idx3-ubyte");
    assertThat(images.resolveSibling(images.getFileName() + ".verified")).isRegularFile();
    // changed in place with its size and time kept, the one change a stamp cannot see: what it trusts
    flipLastPixel(images, 0);

    TrainTest second = load();
    assertThat(second.train().sha256()).isEqualTo(first.train().sha256());
    assertThat(second.train().features()).isNotEqualTo(first.train().features());
  }

  @Test
  void a_file_without_a_known_content_digest_gets_no_copy() throws IOException {
    tiny.writeTo(root.resolve("tiny"));
    DatasetDefinition d = definition;
    DatasetDefinition unchecked = new DatasetDefinition("tiny", d.classNames(),
        new DataFile(d.trainImages().name(), null, null), new DataFile(d.trainLabels().name(), null, null),
        new DataFile(d.testImages().name(), null, null), new DataFile(d.testLabels().name(), null, null), "", null,
        null);
    Datasets.of(unchecked).load(LoadOptions.quiet(1), new Locations(null, root, root.resolve("cache")));
    assertThat(root.resolve("cache/tiny/unpacked")).doesNotExist();
  }
}
