package dev.labkit.data;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.ParamTable;
import dev.labkit.ground.UserError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * An image dataset stored as IDX files (Fashion-MNIST, MNIST) and how to prepare it. Get one from
 * {@link Datasets}; every wither returns a copy, so {@code base.trainSize(1000)} leaves {@code base} as it was.
 *
 * <pre>{@code Datasets.fashionMnist().scale(Scale.SYMMETRIC).trainSize(10_000)}</pre>
 *
 * @param trainSize examples of the training part to use, a seeded stratified subset; 0: all
 * @param testSize  the same for the test part
 * @param path      a folder to look in first; null: the usual places only
 * @param mirror    base URL to download from; empty: never download
 * @param classes   classes to keep (label numbers or names, "3,9"), relabelled 0..k−1 in that order; empty: all
 */
public record ImageDataSpec(DatasetDefinition definition, Scale scale, int trainSize, int testSize, Path path,
    String mirror, String classes) implements DataSpec<ImageDataSpec>, ImageParams<ImageDataSpec>, DeclaredSpec<ImageDataSpec> {

  /** The image params, declared once in {@link ImageParams}. */
  public static final ParamTable<ImageDataSpec> PARAMS = ImageParams.table();

  /** The subset sizes smoke mode uses, so a run takes seconds. */
  public static final int SMOKE_TRAIN = 2_000;
  public static final int SMOKE_TEST = 500;

  public ImageDataSpec {
    PARAMS.validate(scale, trainSize, testSize, path, mirror, classes);
    mirror = Mirrors.normalize(mirror);
    classes = ClassFilter.normalize(classes);
  }

  static ImageDataSpec of(DatasetDefinition definition) {
    return new ImageDataSpec(definition, Scale.UNIT, 0, 0, null, definition.downloadUrl(), "");
  }

  @Override
  public String name() {
    return definition.name();
  }

  public ImageDataSpec scale(Scale scale) {
    return new ImageDataSpec(definition, scale, trainSize, testSize, path, mirror, classes);
  }

  public ImageDataSpec trainSize(int n) {
    return new ImageDataSpec(definition, scale, n, testSize, path, mirror, classes);
  }

  public ImageDataSpec testSize(int n) {
    return new ImageDataSpec(definition, scale, trainSize, n, path, mirror, classes);
  }

  /** Looks for the files in {@code dir} before anywhere else. */
  public ImageDataSpec path(Path dir) {
    return new ImageDataSpec(definition, scale, trainSize, testSize, dir, mirror, classes);
  }

  /** Downloads from {@code baseUrl} (a copy of the official folder) instead of the official location. */
  public ImageDataSpec mirror(String baseUrl) {
    return new ImageDataSpec(definition, scale, trainSize, testSize, path, baseUrl, classes);
  }

  /** Keeps only these classes: label numbers or names, comma-separated ("3,9"); empty for all. */
  public ImageDataSpec classes(String value) {
    return new ImageDataSpec(definition, scale, trainSize, testSize, path, mirror, value);
  }

  @Override
  public ParamTable<ImageDataSpec> paramTable() {
    return PARAMS;
  }

  @Override
  public TrainTest load(LoadOptions options) {
    return load(options, Locations.standard());
  }

  /**
   * Loads with the given places to look in instead of the standard ones: tests pass their own so they
   * never read or write the real data folders or cache.
   */
  public TrainTest load(LoadOptions options, Locations locations) {
    List<Loader.Part> parts = Loader.load(definition.withDownloadUrl(mirror), path, locations, options.progress());
    Dataset train = prepare(parts.get(0), size(trainSize, SMOKE_TRAIN, options), options.seed());
    Dataset test = prepare(parts.get(1), size(testSize, SMOKE_TEST, options), options.seed() + 1);
    TrainTest data = new TrainTest(train, test);
    data = scale == Scale.STANDARDIZE ? Transforms.standardize(data) : data;
    return ClassFilter.apply(classes, data);
  }

  private static int size(int asked, int smoke, LoadOptions options) {
    return options.smoke() ? (asked == 0 ? smoke : Math.min(asked, smoke)) : asked;
  }

  /** The part's subset (if asked) turned into scaled floats in one pass over the bytes. */
  private Dataset prepare(Loader.Part part, int n, long seed) {
    int[] labels = new int[part.labels().count()];
    byte[] labelBytes = part.labels().data();
    for (int i = 0; i < labels.length; i++) {
      labels[i] = labelBytes[i] & 0xff;
    }
    if (n > labels.length) {
      String key = part.id().endsWith("/train") ? "train_size" : "test_size";
      throw new UserError(key + " " + IdxReader.grouped(n) + " is more than the " + IdxReader.grouped(labels.length)
          + " examples of " + part.id() + "; use at most that, or 0 for all");
    }
    int classes = definition.classNames().size();
    int[] chosen = n == 0 || n == labels.length ? null : Stratified.pick(labels, classes, n, seed);
    int count = chosen == null ? labels.length : chosen.length;
    int features = part.shape().size();
    byte[] pixels = part.images().data();
    float[] table = new float[256]; // every pixel value's scaled float, computed once
    for (int v = 0; v < 256; v++) {
      table[v] = scale.apply(v);
    }
    float[] out = new float[count * features];
    int[] outLabels = new int[count];
    IntStream.range(0, count).parallel().forEach(k -> {
      int i = chosen == null ? k : chosen[k];
      int from = i * features;
      int to = k * features;
      for (int j = 0; j < features; j++) {
        out[to + j] = table[pixels[from + j] & 0xff];
      }
      outLabels[k] = labels[i];
    });
    return new Dataset(part.id(), part.sha256(), part.shape(), definition.classNames(), out, outLabels);
  }
}
