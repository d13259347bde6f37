package dev.labkit.data;

import dev.labkit.ground.Declare;
import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.ParamTable;
import dev.labkit.ground.UserError;
import java.nio.file.Path;
import java.util.List;

/**
 * Your own images: a folder with one sub-folder of PNG or JPEG files per class, named after the class
 * ({@code pets/cat/1.png}, {@code pets/dog/2.jpg}). A seeded stratified split holds {@code test_fraction} of
 * each class out for testing; a folder that holds {@code train/} and {@code test/}, each with the same class
 * folders, keeps that split instead. Every image must have the first one's size; grey and colour images are
 * not mixed unless {@code channels} converts them. Get one from {@link Datasets#imageFolder}.
 *
 * <pre>{@code Datasets.imageFolder(Path.of("pets")).scale(Scale.SYMMETRIC).testFraction(0.25)}</pre>
 *
 * @param folder       the folder of class folders (or of train/ and test/)
 * @param scale        how pixel values become features
 * @param testFraction share of each class held out for testing, when the folder has no test/
 * @param channels     1 or 3 to convert every image to grey or colour; 0: as the files are (all alike)
 * @param classes      classes to keep (names or label numbers), relabelled in that order; empty: all
 */
public record ImageFolderSpec(Path folder, Scale scale, double testFraction, int channels, String classes)
    implements DataSpec<ImageFolderSpec>, DeclaredSpec<ImageFolderSpec> {
  private static final Declare<ImageFolderSpec> P = Declare.of(ImageFolderSpec.class);

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<ImageFolderSpec> PARAMS = ParamTable.of(
      P.path("folder", ImageFolderSpec::folder, ImageFolderSpec::folder,
          "a folder with one sub-folder of PNG/JPEG images per class (or train/ and test/ holding those)"),
      P.choice("scale", Scale.class, ImageFolderSpec::scale, ImageFolderSpec::scale,
          "`unit` (pixels/255), `symmetric` ([-1, 1]), `standardize` (train statistics), `none`"),
      P.number("test_fraction", ImageFolderSpec::testFraction, ImageFolderSpec::testFraction,
          "share of each class held out for testing (a seeded stratified split) when there is no test/")
          .check(v -> v > 0 && v < 1, "between 0 and 1 (exclusive)"),
      P.integer("channels", ImageFolderSpec::channels, ImageFolderSpec::channels,
          "1 or 3: convert every image to grey or colour; 0: as the files are, all alike")
          .check(v -> v == 0 || v == 1 || v == 3, "0, 1 or 3"),
      P.text("classes", ImageFolderSpec::classes, ImageFolderSpec::classes,
          "classes to keep (names or label numbers), relabelled in that order; empty: all"));

  /** The subset sizes smoke mode uses at most, so a run takes seconds. */
  static final int SMOKE_TRAIN = ImageDataSpec.SMOKE_TRAIN;
  static final int SMOKE_TEST = ImageDataSpec.SMOKE_TEST;

  public ImageFolderSpec {
    if (folder == null) {
      throw new UserError("an image-folder dataset needs a folder: folder:<path> (one sub-folder per class)");
    }
    PARAMS.validate(folder, scale, testFraction, channels, classes);
    classes = ClassFilter.normalize(classes);
  }

  @Override
  public String name() {
    return "folder:" + folder.getFileName();
  }

  public ImageFolderSpec folder(Path value) {
    return new ImageFolderSpec(value, scale, testFraction, channels, classes);
  }

  public ImageFolderSpec scale(Scale value) {
    return new ImageFolderSpec(folder, value, testFraction, channels, classes);
  }

  public ImageFolderSpec testFraction(double value) {
    return new ImageFolderSpec(folder, scale, value, channels, classes);
  }

  public ImageFolderSpec channels(int value) {
    return new ImageFolderSpec(folder, scale, testFraction, value, classes);
  }

  /** Keeps only these classes: names or label numbers, comma-separated ("cat,dog"); empty for all. */
  public ImageFolderSpec classes(String value) {
    return new ImageFolderSpec(folder, scale, testFraction, channels, value);
  }

  @Override
  public ParamTable<ImageFolderSpec> paramTable() {
    return PARAMS;
  }

  /** Reads every image (checked and digested), then splits with the run's seed unless the folder is split. */
  @Override
  public TrainTest load(LoadOptions options) {
    Scale raw = scale == Scale.STANDARDIZE ? Scale.NONE : scale;
    String id = "folder:" + folder.toAbsolutePath().normalize().getFileName();
    TrainTest data;
    if (ImageFolderReader.classFolders(folder).equals(List.of("test", "train"))) {
      Dataset train = read(folder.resolve("train"), id + "/train", raw, options);
      Dataset test = read(folder.resolve("test"), id + "/test", raw, options);
      if (!train.classNames().equals(test.classNames())) {
        throw new UserError(folder + ": train/ has the classes " + train.classNames() + " but test/ has "
            + test.classNames() + "; give both the same class folders");
      }
      data = new TrainTest(train, test);
    } else {
      data = Transforms.stratifiedSplit(read(folder, id, raw, options), testFraction, options.seed());
    }
    if (options.smoke()) {
      data = new TrainTest(cap(data.train(), SMOKE_TRAIN, options.seed()), cap(data.test(), SMOKE_TEST,
          options.seed() + 1));
    }
    data = scale == Scale.STANDARDIZE ? Transforms.standardize(data) : data;
    return ClassFilter.apply(classes, data);
  }

  private Dataset read(Path dir, String id, Scale raw, LoadOptions options) {
    ImageFolderReader.Read read = ImageFolderReader.read(dir, id, channels, raw);
    Dataset d = read.dataset();
    options.progress().accept(id + ": " + d.size() + " images of " + d.shape() + " in " + d.numClasses()
        + " classes" + (read.ignored() > 0 ? " (" + read.ignored() + " files that are not PNG or JPEG left out)" : ""));
    return d;
  }

  private static Dataset cap(Dataset data, int n, long seed) {
    return data.size() <= n ? data : Transforms.subset(data, n, seed);
  }
}
