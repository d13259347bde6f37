package dev.labkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDataSpecTest {
  @TempDir Path root;

  @Test
  void params_list_every_knob_with_its_default_in_order() {
    assertThat(Datasets.fashionMnist().params()).containsExactly(
        java.util.Map.entry("scale", "unit"), java.util.Map.entry("train_size", 0),
        java.util.Map.entry("test_size", 0), java.util.Map.entry("path", ""),
        java.util.Map.entry("mirror", "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
        java.util.Map.entry("classes", ""));
    assertThat(Datasets.mnist().params()).containsEntry("mirror", "https://ossci-datasets.s3.amazonaws.com/mnist/");
    assertThat(Datasets.mnistSample().params()).containsEntry("mirror", "");
    assertThat(Datasets.fashionMnist().name()).isEqualTo("fashion-mnist");
  }

  @Test
  void withers_return_copies_and_leave_the_original_as_it_was() {
    ImageDataSpec base = Datasets.fashionMnist();
    ImageDataSpec small = base.trainSize(1000).testSize(200).scale(Scale.SYMMETRIC).path(Path.of("/x"));
    assertThat(base).isEqualTo(Datasets.fashionMnist());
    assertThat(small.params()).containsEntry("train_size", 1000).containsEntry("test_size", 200)
        .containsEntry("scale", "symmetric").containsEntry("path", "/x");
  }

  @Test
  void with_parses_text_values_as_typed_after_set() {
    ImageDataSpec spec = Datasets.fashionMnist().with("scale", "standardize").with("train_size", "10_000")
        .with("test_size", "500").with("path", "/data/f").with("mirror", "http://127.0.0.1:8000/f");
    assertThat(spec).isEqualTo(Datasets.fashionMnist().scale(Scale.STANDARDIZE).trainSize(10_000).testSize(500)
        .path(Path.of("/data/f")).mirror("http://127.0.0.1:8000/f/"));
  }

  @Test
  void unknown_key_lists_the_valid_keys() {
    assertThatThrownBy(() -> Datasets.mnist().with("size", "10"))
        .isInstanceOf(UserError.class)
        .hasMessage("unknown parameter 'size'; valid keys: scale, train_size, test_size, path, mirror, classes");
  }

  @Test
  void bad_values_name_the_key_and_what_is_allowed() {
    assertThatThrownBy(() -> Datasets.mnist().with("scale", "minmax"))
        .hasMessage("scale must be one of unit, symmetric, standardize, none, got 'minmax'");
    assertThatThrownBy(() -> Datasets.mnist().with("train_size", "-5"))
        .hasMessage("train_size must be 0 (all) or more, got -5");
    assertThatThrownBy(() -> Datasets.mnist().with("test_size", "many"))
        .hasMessage("test_size must be a whole number, got 'many'");
    assertThatThrownBy(() -> Datasets.mnist().with("mirror", "ftp://example.org/"))
        .hasMessage("mirror must be an http:// or https:// URL, got 'ftp://example.org/'");
  }

  @Test
  void sizes_take_seeded_stratified_subsets() throws IOException {
    Fixtures.Tiny tiny = Fixtures.Tiny.make();
    tiny.writeTo(root.resolve("tiny"));
    ImageDataSpec spec = Datasets.of(tiny.definition("", null)).path(root.resolve("tiny")).trainSize(9).testSize(6);
    Locations none = new Locations(null, root.resolve("none"), root.resolve("cache"));
    TrainTest a = spec.load(LoadOptions.quiet(3), none);
    TrainTest b = spec.load(LoadOptions.quiet(3), none);
    assertThat(a.train().labels()).hasSize(9).containsOnly(0, 1, 2);
    assertThat(java.util.Arrays.stream(a.train().labels()).filter(l -> l == 0).count()).isEqualTo(3);
    assertThat(a.train().features()).isEqualTo(b.train().features());
    assertThat(a.test().size()).isEqualTo(6);
  }

  @Test
  void asking_for_more_examples_than_there_are_says_how_many_there_are() throws IOException {
    Fixtures.Tiny tiny = Fixtures.Tiny.make();
    tiny.writeTo(root.resolve("tiny"));
    ImageDataSpec spec = Datasets.of(tiny.definition("", null)).path(root.resolve("tiny")).trainSize(31);
    Locations none = new Locations(null, root.resolve("none"), root.resolve("cache"));
    assertThatThrownBy(() -> spec.load(LoadOptions.quiet(3), none))
        .hasMessage("train_size 31 is more than the 30 examples of tiny/train; use at most that, or 0 for all");
  }

  @Test
  void scales_map_pixels_as_documented() throws IOException {
    Fixtures.Tiny tiny = Fixtures.Tiny.make();
    tiny.writeTo(root.resolve("tiny"));
    ImageDataSpec spec = Datasets.of(tiny.definition("", null)).path(root.resolve("tiny"));
    Locations none = new Locations(null, root.resolve("none"), root.resolve("cache"));
    // example 2's pixels are 14, 15, 16, 17
    float[] unit = spec.load(LoadOptions.quiet(1), none).train().features();
    float[] symmetric = spec.scale(Scale.SYMMETRIC).load(LoadOptions.quiet(1), none).train().features();
    float[] none255 = spec.scale(Scale.NONE).load(LoadOptions.quiet(1), none).train().features();
    assertThat(none255[8]).isEqualTo(14f);
    assertThat(unit[8]).isEqualTo(14 / 255f);
    assertThat(symmetric[8]).isEqualTo(14 / 127.5f - 1f);
    TrainTest standardized = spec.scale(Scale.STANDARDIZE).load(LoadOptions.quiet(1), none);
    double mean = 0;
    for (int i = 0; i < 30; i++) {
      mean += standardized.train().features()[4 * i];
    }
    assertThat(mean / 30).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-5));
  }
}
