package dev.labkit.gan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.neural.Torch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judge of generated images takes colour images as they come: 3,072 numbers a row. */
class ReferenceClassifierTest {
  @TempDir Path cache;

  @BeforeAll
  static void oneThread() {
    Torch.threads(1);
  }

  @Test
  void it_tells_red_squares_from_blue_ones_and_is_cached_for_the_next_run() {
    Dataset train = ColouredSquares.dataset(256, 1);
    Dataset test = ColouredSquares.dataset(64, 2);
    List<String> progress = new ArrayList<>();
    try (ReferenceClassifier reference = ReferenceClassifier.forData(train, cache, 3, progress::add)) {
      assertThat(reference.accuracy(test)).isGreaterThan(0.95);
      assertThat(reference.features(test.features())).hasSize(64 * ReferenceClassifier.FEATURES);
    }
    try (ReferenceClassifier again = ReferenceClassifier.forData(train, cache, 3, progress::add)) {
      assertThat(again.accuracy(test)).isGreaterThan(0.95);
    }
    assertThat(progress.getFirst()).startsWith("training the reference classifier");
    assertThat(progress.getLast()).startsWith("reference classifier from the cache");
  }

  @Test
  void its_cache_key_tells_colour_images_from_a_table_of_as_many_numbers() {
    Dataset colour = ColouredSquares.dataset(4, 1);
    Dataset table = new Dataset(colour.id(), colour.sha256(), Shape.flat(3072), colour.classNames(), colour.features(),
        colour.labels());
    assertThat(ReferenceClassifier.key(colour, 3)).isNotEqualTo(ReferenceClassifier.key(table, 3));
  }
}
