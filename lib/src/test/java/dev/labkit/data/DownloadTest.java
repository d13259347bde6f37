package dev.labkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTest {
  @TempDir Path root;
  FileServer server;
  final Fixtures.Tiny tiny = Fixtures.Tiny.make();
  final List<String> progress = new ArrayList<>();

  @BeforeEach
  void serve() throws IOException {
    server = new FileServer();
    List<String> names = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    for (int i = 0; i < 4; i++) {
      server.files.put("mirror/" + names.get(i), tiny.files().get(i));
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Locations locations() {
    return new Locations(null, root.resolve("home-data"), root.resolve("cache"));
  }

  private TrainTest load() {
    DatasetDefinition definition = tiny.definition(server.url() + "mirror/", null);
    return Datasets.of(definition).load(new LoadOptions(false, 1, progress::add), locations());
  }

  private List<String> cacheFiles() throws IOException {
    Path dir = root.resolve("cache/tiny");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void missing_files_are_downloaded_into_the_cache_verified_and_used() throws IOException {
    TrainTest data = load();
    assertThat(data.train().size()).isEqualTo(30);
    assertThat(data.test().size()).isEqualTo(12);
    assertThat(cacheFiles()).containsExactly("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "unpacked"); // unpacked: UnpackedCopyTest
    assertThat(Files.readAllBytes(root.resolve("cache/tiny/train-images-idx3-ubyte.gz"))).isEqualTo(tiny.trainImages());
    assertThat(progress).anyMatch(line -> line.startsWith("downloading train-images-idx3-ubyte.gz from " + server.url()));
  }

  @Test
  void second_load_uses_the_cache_without_the_server() throws IOException {
    load();
    server.files.clear();
    progress.clear();
    assertThat(load().train().size()).isEqualTo(30);
    assertThat(progress).noneMatch(line -> line.startsWith("downloading"));
  }

  @Test
  void checksum_mismatch_keeps_nothing_in_the_cache_and_names_both_digests() throws IOException {
    byte[] other = Fixtures.gzip(Fixtures.labels(31));
    server.files.put("mirror/train-labels-idx1-ubyte.gz", other);
    String expected = Fixtures.sha256(tiny.trainLabels());
    assertThatThrownBy(this::load)
        .isInstanceOf(UserError.class)
        .hasMessage(server.url() + "mirror/train-labels-idx1-ubyte.gz: checksum mismatch: SHA-256 is "
            + Fixtures.sha256(other) + ", expected " + expected + "; nothing was kept in "
            + root.resolve("cache/tiny") + "; try again, or download from another mirror (--set data.mirror=URL)");
    assertThat(cacheFiles()).containsExactly("train-images-idx3-ubyte.gz");
  }

  @Test
  void truncated_download_keeps_nothing_in_the_cache() throws IOException {
    byte[] gz = tiny.trainImages();
    DatasetDefinition definition = tiny.definition(server.url() + "mirror/", null);
    // no published digest, so the truncation itself must be caught while reading the gzip stream
    DataFile images = new DataFile(definition.trainImages().name(), definition.trainImages().contentSha256(), null);
    definition = new DatasetDefinition("tiny", definition.classNames(), images, definition.trainLabels(),
        definition.testImages(), definition.testLabels(), definition.downloadUrl(), null, null);
    server.files.put("mirror/train-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length - 12));
    DatasetDefinition broken = definition;
    assertThatThrownBy(() -> Datasets.of(broken).load(LoadOptions.quiet(1), locations()))
        .hasMessageStartingWith(server.url() + "mirror/train-images-idx3-ubyte.gz: truncated gzip stream");
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void not_found_anywhere_says_where_it_looked_and_how_to_fix_it() {
    server.files.clear();
    DatasetDefinition definition = tiny.definition(server.url() + "mirror/", Path.of("/usr/share/datasets/tiny"));
    assertThatThrownBy(() -> Datasets.of(definition).load(LoadOptions.quiet(1), locations()))
        .isInstanceOf(UserError.class)
        .hasMessage("tiny: train-images-idx3-ubyte.gz not found in "
            + root.resolve("home-data/tiny") + ", /usr/share/datasets/tiny, download cache " + root.resolve("cache/tiny")
            + ", $LABKIT_DATA (not set); download from " + server.url() + "mirror/train-images-idx3-ubyte.gz failed "
            + "(HTTP 404); to fix: sudo apt-get install dataset-tiny, or download the files from " + server.url()
            + "mirror/ into " + root.resolve("home-data/tiny") + ", or --set data.mirror=<base URL of a copy>, "
            + "or --set data.path=<folder with the files>");
  }

  @Test
  void mirror_set_on_the_spec_replaces_the_official_location() throws IOException {
    DatasetDefinition definition = tiny.definition("http://127.0.0.1:9/nowhere/", null);
    ImageDataSpec spec = Datasets.of(definition).with("mirror", server.url() + "mirror");
    assertThat(spec.params()).containsEntry("mirror", server.url() + "mirror/");
    assertThat(spec.load(LoadOptions.quiet(1), locations()).train().size()).isEqualTo(30);
  }

  @Test
  void an_md5_published_digest_is_checked_like_upstream_fashion_mnist_publishes_it() {
    DatasetDefinition definition = tiny.definition(server.url() + "mirror/", null);
    DataFile labels = new DataFile(definition.testLabels().name(), definition.testLabels().contentSha256(),
        Digest.md5(Digest.md5("0".repeat(32)).compute(tiny.testLabels())));
    DatasetDefinition md5 = new DatasetDefinition("tiny", definition.classNames(), definition.trainImages(),
        definition.trainLabels(), definition.testImages(), labels, definition.downloadUrl(), null, null);
    assertThat(Datasets.of(md5).load(LoadOptions.quiet(1), locations()).test().size()).isEqualTo(12);

    DataFile wrong = new DataFile(labels.name(), labels.contentSha256(), Digest.md5("0".repeat(32)));
    DatasetDefinition bad = new DatasetDefinition("tiny", definition.classNames(), definition.trainImages(),
        definition.trainLabels(), definition.testImages(), wrong, definition.downloadUrl(), null, null);
    Locations elsewhere = new Locations(null, root.resolve("home-data"), root.resolve("other-cache"));
    assertThatThrownBy(() -> Datasets.of(bad).load(LoadOptions.quiet(1), elsewhere))
        .hasMessageStartingWith(server.url() + "mirror/t10k-labels-idx1-ubyte.gz: checksum mismatch: MD5 is ")
        .hasMessageContaining(", expected " + "0".repeat(32) + "; nothing was kept in ");
  }

  @Test
  void unreachable_server_is_reported_with_the_places_looked_in() throws IOException {
    String url = server.url();
    server.close();
    DatasetDefinition definition = tiny.definition(url + "mirror/", null);
    assertThatThrownBy(() -> Datasets.of(definition).load(LoadOptions.quiet(1), locations()))
        .hasMessageStartingWith("tiny: train-images-idx3-ubyte.gz not found in " + root.resolve("home-data/tiny"))
        .hasMessageContaining("; download from " + url + "mirror/train-images-idx3-ubyte.gz failed (ConnectException")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(cacheFiles()).isEmpty();
  }
}
