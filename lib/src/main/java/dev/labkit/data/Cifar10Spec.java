package dev.labkit.data;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.ParamTable;
import dev.labkit.ground.UserError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * CIFAR-10 (Krizhevsky, 2009): 50,000 + 10,000 colour images of 32×32 pixels in 10 classes, read from
 * the binary version. Each example has {@link Shape} 32×32×3 laid out HWC: pixel by pixel, row by row,
 * with its red, green and blue values next to each other (the file stores three colour planes; they are
 * interleaved on loading, so feature {@code 3·(32·row + col) + channel}). Where the files are looked for
 * is in {@code data/README.md}. Every wither returns a copy.
 *
 * <pre>{@code Datasets.cifar10().trainSize(10_000).classes("3,5")}</pre>
 *
 * @param trainSize examples of the training part to use, a seeded stratified subset; 0: all
 * @param testSize  the same for the test part
 * @param path      the folder to look in, and the only one; null: the usual places
 * @param mirror    base URL of a folder holding {@code cifar-10-binary.tar.gz}; empty: never download
 * @param classes   classes to keep (names or labels, "cat,dog" or "3,5"), relabelled in that order; empty: all
 */
public record Cifar10Spec(Scale scale, int trainSize, int testSize, Path path, String mirror, String classes)
    implements DataSpec<Cifar10Spec>, ImageParams<Cifar10Spec>, DeclaredSpec<Cifar10Spec> {

  /** The image params, declared once in {@link ImageParams}. */
  public static final ParamTable<Cifar10Spec> PARAMS = ImageParams.table();

  /** The official download folder. */
  public static final String OFFICIAL = "https://www.cs.toronto.edu/~kriz/";
  public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
      "frog", "horse", "ship", "truck");

  public Cifar10Spec {
    PARAMS.validate(scale, trainSize, testSize, path, mirror, classes);
    mirror = Mirrors.normalize(mirror);
    classes = ClassFilter.normalize(classes);
  }

  static Cifar10Spec defaults() {
    return new Cifar10Spec(Scale.UNIT, 0, 0, null, OFFICIAL, "");
  }

  @Override
  public String name() {
    return "cifar10";
  }

  public Cifar10Spec scale(Scale value) {
    return new Cifar10Spec(value, trainSize, testSize, path, mirror, classes);
  }

  public Cifar10Spec trainSize(int n) {
    return new Cifar10Spec(scale, n, testSize, path, mirror, classes);
  }

  public Cifar10Spec testSize(int n) {
    return new Cifar10Spec(scale, trainSize, n, path, mirror, classes);
  }

  /** Looks for the files in {@code dir} only. */
  public Cifar10Spec path(Path dir) {
    return new Cifar10Spec(scale, trainSize, testSize, dir, mirror, classes);
  }

  public Cifar10Spec mirror(String baseUrl) {
    return new Cifar10Spec(scale, trainSize, testSize, path, baseUrl, classes);
  }

  /** Keeps only these classes, names or labels, comma-separated ("cat,dog", "3,5"); empty for all. */
  public Cifar10Spec classes(String value) {
    return new Cifar10Spec(scale, trainSize, testSize, path, mirror, value);
  }

  @Override
  public ParamTable<Cifar10Spec> paramTable() {
    return PARAMS;
  }

  @Override
  public TrainTest load(LoadOptions options) {
    return load(options, Locations.standard(), CifarReader.ARCHIVE_MD5);
  }

  /** Loads with other places to look in and another archive digest: tests serve their own small archive. */
  TrainTest load(LoadOptions options, Locations locations, String archiveMd5) {
    Map<String, byte[]> batches = CifarReader.batches(path, locations, mirror, archiveMd5, options.progress());
    float[] table = new float[256];
    for (int v = 0; v < 256; v++) {
      table[v] = scale.apply(v);
    }
    int train = options.smoke() ? (trainSize == 0 ? ImageDataSpec.SMOKE_TRAIN : Math.min(trainSize,
        ImageDataSpec.SMOKE_TRAIN)) : trainSize;
    int test = options.smoke() ? (testSize == 0 ? ImageDataSpec.SMOKE_TEST : Math.min(testSize,
        ImageDataSpec.SMOKE_TEST)) : testSize;
    TrainTest data = new TrainTest(
        part("cifar10/train", "train_size", CifarReader.TRAIN, batches, table, train, options.seed()),
        part("cifar10/test", "test_size", CifarReader.TEST, batches, table, test, options.seed() + 1));
    for (Dataset part : List.of(data.train(), data.test())) {
      options.progress().accept(part.id() + ": " + IdxReader.grouped(part.size()) + " examples of " + part.shape()
          + " (sha256 " + part.sha256().substring(0, 12) + "…)");
    }
    data = scale == Scale.STANDARDIZE ? Transforms.standardize(data) : data;
    return ClassFilter.apply(classes, data);
  }

  private static Dataset part(String id, String key, List<String> names, Map<String, byte[]> batches, float[] table,
      int n, long seed) {
    int[] labels = CifarReader.labels(names, batches);
    if (n > labels.length) {
      throw new UserError(key + " " + IdxReader.grouped(n) + " is more than the " + IdxReader.grouped(labels.length)
          + " examples of " + id + "; use at most that, or 0 for all");
    }
    int[] chosen = n == 0 || n == labels.length ? null : Stratified.pick(labels, CLASS_NAMES.size(), n, seed);
    return CifarReader.part(id, names, batches, table, chosen, CLASS_NAMES);
  }
}
