package dev.labkit.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTest {
  @TempDir Path root;
  final Fixtures.Tiny tiny = Fixtures.Tiny.make();

  /** The tiny definition without digests, so deliberately inconsistent files get past the checksums. */
  private DatasetDefinition unchecked() {
    DatasetDefinition d = tiny.definition("", null);
    return new DatasetDefinition("tiny", d.classNames(), new DataFile(d.trainImages().name(), null, null),
        new DataFile(d.trainLabels().name(), null, null), new DataFile(d.testImages().name(), null, null),
        new DataFile(d.testLabels().name(), null, null), "", null, null);
  }

  private void load() {
    Datasets.of(unchecked()).load(LoadOptions.quiet(1), new Locations(null, root, root.resolve("cache")));
  }

  @Test
  void images_and_labels_of_different_counts_are_an_error_naming_both_files() throws IOException {
    tiny.writeTo(root.resolve("tiny"));
    Path labels = Files.write(root.resolve("tiny/train-labels-idx1-ubyte.gz"), Fixtures.labels(29));
    assertThatThrownBy(this::load).hasMessage("tiny/train: " + root.resolve("tiny/train-images-idx3-ubyte.gz")
        + " has 30 images but " + labels + " has 29 labels; replace it with a good copy or delete it");
  }

  @Test
  void a_label_outside_the_classes_is_an_error() throws IOException {
    tiny.writeTo(root.resolve("tiny"));
    byte[] labels = Fixtures.labels(12);
    labels[labels.length - 1] = 7;
    Path file = Files.write(root.resolve("tiny/t10k-labels-idx1-ubyte.gz"), labels);
    assertThatThrownBy(this::load)
        .hasMessage(file + ": label 7 of example 11 is not a class (0..2); replace it with a good copy or delete it");
  }
}
