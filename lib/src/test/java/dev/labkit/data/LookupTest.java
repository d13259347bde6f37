package dev.labkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupTest {
  @TempDir Path root;
  final Fixtures.Tiny tiny = Fixtures.Tiny.make();

  private Locations all() {
    return new Locations(root.resolve("labkit-data"), root.resolve("home-data"), root.resolve("cache"));
  }

  private List<Path> search(Path explicit) {
    DatasetDefinition definition = tiny.definition("http://127.0.0.1:9/", root.resolve("system"));
    return all().search(definition, explicit).stream().map(Locations.Place::dir).toList();
  }

  @Test
  void places_are_searched_in_the_documented_order() {
    assertThat(search(root.resolve("explicit"))).containsExactly(root.resolve("explicit"),
        root.resolve("labkit-data/tiny"), root.resolve("labkit-data"), root.resolve("home-data/tiny"),
        root.resolve("system"), root.resolve("cache/tiny"));
  }

  @Test
  void without_a_download_url_the_cache_is_not_searched() {
    DatasetDefinition definition = tiny.definition("", null);
    assertThat(all().search(definition, null)).extracting(Locations.Place::dir)
        .containsExactly(root.resolve("labkit-data/tiny"), root.resolve("labkit-data"), root.resolve("home-data/tiny"));
  }

  @Test
  void each_file_comes_from_the_first_place_that_has_it() throws IOException {
    tiny.writeTo(root.resolve("system"));
    tiny.writeTo(root.resolve("home-data/tiny"));
    Files.delete(root.resolve("home-data/tiny/t10k-images-idx3-ubyte.gz"));
    List<String> progress = new ArrayList<>();
    DatasetDefinition definition = tiny.definition("", root.resolve("system"));
    TrainTest data = Datasets.of(definition).load(new LoadOptions(false, 1, progress::add), all());
    assertThat(data.test().size()).isEqualTo(12);
    assertThat(progress).contains("tiny: t10k-images-idx3-ubyte.gz from " + root.resolve("system"),
        "tiny: train-images-idx3-ubyte.gz from " + root.resolve("home-data/tiny"));
  }

  @Test
  void an_explicit_path_is_the_only_place_looked_in() throws IOException {
    tiny.writeTo(root.resolve("system"));
    tiny.writeTo(root.resolve("explicit"));
    Files.delete(root.resolve("explicit/t10k-images-idx3-ubyte.gz"));
    DatasetDefinition definition = tiny.definition("", root.resolve("system"));
    assertThatThrownBy(() -> Datasets.of(definition).path(root.resolve("explicit")).load(LoadOptions.quiet(1), all()))
        .isInstanceOf(dev.labkit.ground.UserError.class)
        .hasMessage("tiny: t10k-images-idx3-ubyte.gz not found in data.path " + root.resolve("explicit")
            + "; to fix: --set data.path=<folder with the files>, or leave data.path empty to look in the usual places");
    assertThatThrownBy(() -> Datasets.of(definition).path(root.resolve("nowhere")).load(LoadOptions.quiet(1), all()))
        .hasMessageContaining("not found in data.path " + root.resolve("nowhere") + " (no such folder)");
  }

  @Test
  void a_bad_file_found_first_is_an_error_not_skipped() throws IOException {
    tiny.writeTo(root.resolve("home-data/tiny"));
    tiny.writeTo(root.resolve("system"));
    Files.write(root.resolve("home-data/tiny/train-labels-idx1-ubyte.gz"), Fixtures.gzip(Fixtures.labels(29)));
    DatasetDefinition definition = tiny.definition("", root.resolve("system"));
    assertThatThrownBy(() -> Datasets.of(definition).load(LoadOptions.quiet(1), all()))
        .hasMessageStartingWith(root.resolve("home-data/tiny/train-labels-idx1-ubyte.gz")
            + ": checksum mismatch: SHA-256 of the uncompressed content is ")
        .hasMessageEndingWith("; replace it with a good copy or delete it");
  }

  @Test
  void a_bad_file_from_the_system_package_says_to_reinstall_it() throws IOException {
    tiny.writeTo(root.resolve("system"));
    byte[] gz = tiny.testImages();
    Files.write(root.resolve("system/t10k-images-idx3-ubyte.gz"), java.util.Arrays.copyOf(gz, gz.length - 20));
    DatasetDefinition definition = tiny.definition("", root.resolve("system"));
    assertThatThrownBy(() -> Datasets.of(definition).load(LoadOptions.quiet(1), all()))
        .hasMessageStartingWith(root.resolve("system/t10k-images-idx3-ubyte.gz") + ": ")
        .hasMessageEndingWith("; reinstall the package: sudo apt-get install --reinstall dataset-tiny");
  }

  @Test
  void an_unpacked_copy_without_gz_is_found_too() throws IOException {
    Path dir = root.resolve("home-data/tiny");
    tiny.writeTo(dir);
    Files.delete(dir.resolve("train-images-idx3-ubyte.gz"));
    Files.write(dir.resolve("train-images-idx3-ubyte"), Fixtures.images(30));
    DatasetDefinition definition = tiny.definition("", null);
    assertThat(Datasets.of(definition).load(LoadOptions.quiet(1), all()).train().size()).isEqualTo(30);
  }

  @Test
  void published_digest_is_checked_when_a_gz_file_has_no_content_digest() throws IOException {
    Path dir = root.resolve("home-data/tiny");
    tiny.writeTo(dir);
    DatasetDefinition definition = tiny.definition("", null);
    DataFile labels = new DataFile(definition.trainLabels().name(), null, Digest.sha256("ab".repeat(32)));
    DatasetDefinition mnistLike = new DatasetDefinition("tiny", definition.classNames(), definition.trainImages(),
        labels, definition.testImages(), definition.testLabels(), "", null, null);
    assertThatThrownBy(() -> Datasets.of(mnistLike).load(LoadOptions.quiet(1), all()))
        .hasMessage(dir.resolve("train-labels-idx1-ubyte.gz") + ": checksum mismatch: SHA-256 is "
            + Fixtures.sha256(tiny.trainLabels()) + ", expected " + "ab".repeat(32)
            + "; replace it with a good copy or delete it");
  }
}
