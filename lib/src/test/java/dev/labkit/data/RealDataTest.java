package dev.labkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real datasets: Fashion-MNIST from the Debian package, and the MNIST sample shipped in data/. */
class RealDataTest {
  static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

  /** Only the Debian folder: no checkout data, no cache, no download. */
  private static Locations nowhere() {
    return new Locations(null, Path.of("/nonexistent/labkit-data"), Path.of("/nonexistent/labkit-cache"));
  }

  /** The checkout's data/ folder, found from the working directory up (Maven runs tests in lib/). */
  static Path checkoutData() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("data/mnist-sample"))) {
        return dir.resolve("data");
      }
    }
    throw new IllegalStateException("data/mnist-sample not found above " + Path.of("").toAbsolutePath());
  }

  private static int[] classCounts(Dataset data) {
    int[] counts = new int[data.numClasses()];
    for (int label : data.labels()) {
      counts[label]++;
    }
    return counts;
  }

  /**
   * Skips the calling test where Debian's Fashion-MNIST is absent, except in CI ({@code LABKIT_CI=1}, set by
   * .ci/run, which installs it): there a missing data set fails the test instead of hiding it.
   */
  static void requireFashion(Path folder) {
    if (!Files.isDirectory(folder) && "1".equals(System.getenv("LABKIT_CI"))) {
      throw new AssertionError("LABKIT_CI=1 but " + folder + " is absent: .ci/run must apt-get install dataset-fashion-mnist");
    }
    assumeTrue(Files.isDirectory(folder), folder + " is absent: apt-get install dataset-fashion-mnist to run this test");
  }

  @Test
  void fashion_mnist_from_the_debian_package_is_complete_and_verified() {
    requireFashion(DEBIAN);
    List<String> progress = new ArrayList<>();
    DatasetDefinition fromDebianOnly = Datasets.FASHION_MNIST.withDownloadUrl("");
    TrainTest data = Datasets.of(fromDebianOnly).load(new LoadOptions(false, 1, progress::add), nowhere());

    assertThat(data.train().size()).isEqualTo(60_000);
    assertThat(data.test().size()).isEqualTo(10_000);
    assertThat(data.train().shape()).isEqualTo(new Shape(28, 28, 1));
    assertThat(java.util.Arrays.stream(data.train().labels()).allMatch(label -> label >= 0 && label <= 9)).isTrue();
    assertThat(data.train().labels()[0]).isEqualTo(9);
    assertThat(data.train().classNames().get(9)).isEqualTo("Ankle boot");
    assertThat(classCounts(data.train())).containsOnly(6_000);
    assertThat(data.train().id()).isEqualTo("fashion-mnist/train");
    // (zcat train-images-idx3-ubyte.gz; zcat train-labels-idx1-ubyte.gz) | sha256sum
    assertThat(data.train().sha256()).isEqualTo("d9ef4273af5c2e360155dad0c06bd939447bf37a6620db007d69fc79e4732045");
    assertThat(data.test().sha256()).isEqualTo("30214f3fe91405cb8ea60b11ecf0914a65dd6a6ca8e13c13a62eb434f2d9fe56");
    float max = 0;
    for (float v : data.train().features()) {
      max = Math.max(max, v);
    }
    assertThat(max).isEqualTo(1f);
    assertThat(progress).anyMatch(line -> line.startsWith("fashion-mnist/train: 60,000 examples of 28×28×1, verified"));
  }

  @Test
  void smoke_mode_takes_stratified_subsets_of_2000_and_500() {
    List<String> progress = new ArrayList<>();
    Locations checkout = new Locations(null, checkoutData(), Path.of("/nonexistent/labkit-cache"));
    TrainTest data = Datasets.mnistSample().load(new LoadOptions(true, 7, progress::add), checkout);
    assertThat(data.train().size()).isEqualTo(2_000);
    assertThat(data.test().size()).isEqualTo(500);
    assertThat(classCounts(data.train())).containsExactly(200, 225, 198, 206, 196, 173, 203, 214, 189, 196);
  }

  @Test
  void mnist_sample_ships_7996_training_and_2004_test_digits() {
    Locations checkout = new Locations(null, checkoutData(), Path.of("/nonexistent/labkit-cache"));
    TrainTest data = Datasets.mnistSample().load(LoadOptions.quiet(1), checkout);
    assertThat(data.train().size()).isEqualTo(7_996);
    assertThat(data.test().size()).isEqualTo(2_004);
    assertThat(classCounts(data.train())).containsExactly(800, 901, 792, 825, 784, 690, 811, 856, 755, 782);
    assertThat(classCounts(data.test())).containsExactly(201, 226, 199, 207, 196, 173, 203, 214, 189, 196);
    assertThat(data.train().classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(data.train().id()).isEqualTo("mnist-sample/train");
    // (zcat train-images-idx3-ubyte.gz; zcat train-labels-idx1-ubyte.gz) | sha256sum, and the same for t10k
    assertThat(data.train().sha256()).isEqualTo("70ddc9ee9594c714ad3532ccbada63e859cd56ff1d26055df32d0c31b8117490");
    assertThat(data.test().sha256()).isEqualTo("6964f59c239161626c7d37b5bd454b8cf14f40f864d50143acec2f27f6c069cc");
  }

  @Test
  void mnist_sample_loads_from_the_checkout_that_labkit_home_names() {
    String before = System.getProperty("labkit.home");
    System.setProperty("labkit.home", checkoutData().getParent().toString());
    try {
      assertThat(Locations.standard().homeData()).isEqualTo(checkoutData());
      assertThat(Datasets.mnistSample().load(new LoadOptions(true, 1, line -> {})).train().size()).isEqualTo(2_000);
    } finally {
      if (before == null) {
        System.clearProperty("labkit.home");
      } else {
        System.setProperty("labkit.home", before);
      }
    }
  }
}
