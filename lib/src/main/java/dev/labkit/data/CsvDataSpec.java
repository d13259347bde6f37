package dev.labkit.data;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.UserError;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import java.nio.file.Path;
import java.util.Map;

/**
 * A CSV table with a header row, one label column and numeric feature columns, split into training and
 * test parts by a seeded stratified split (each class keeps its share in both). Get one from
 * {@link Datasets#csv}.
 *
 * <pre>{@code Datasets.csv(Path.of("iris.csv"), "species").testFraction(0.3)}</pre>
 *
 * @param file         the CSV file
 * @param label        the label column's name; its values (text or whole numbers) are the classes
 * @param testFraction share of each class held out for testing, in (0, 1)
 * @param classes      classes to keep ({@code "setosa,virginica"} or label numbers), relabelled in that
 *                     order; empty: all
 */
public record CsvDataSpec(Path file, String label, double testFraction, String classes)
    implements DataSpec<CsvDataSpec>, DeclaredSpec<CsvDataSpec> {
  private static final Declare<CsvDataSpec> P = Declare.of(CsvDataSpec.class);

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<CsvDataSpec> PARAMS = ParamTable.of(
      P.path("file", CsvDataSpec::file, CsvDataSpec::file, "the CSV file (a header row, numeric features)"),
      P.text("label", CsvDataSpec::label, CsvDataSpec::label,
          "the label column's name; its values (text or whole numbers) are the classes"),
      P.number("test_fraction", CsvDataSpec::testFraction, CsvDataSpec::testFraction,
          "share of each class held out for testing (a seeded stratified split)")
          .check(v -> v > 0 && v < 1, "between 0 and 1 (exclusive)"),
      P.text("classes", CsvDataSpec::classes, CsvDataSpec::classes,
          "classes to keep (names or label numbers), relabelled in that order; empty: all"));

  public CsvDataSpec {
    if (file == null) {
      throw new UserError("a CSV dataset needs a file: csv:<path>,label=<column>");
    }
    if (label == null || label.isBlank()) {
      throw new UserError(file + ": no label column given; add label=<column>, e.g. csv:" + file + ",label=class");
    }
    PARAMS.validate(file, label, testFraction, classes);
    classes = ClassFilter.normalize(classes);
  }

  @Override
  public String name() {
    return "csv";
  }

  public CsvDataSpec file(Path value) {
    return new CsvDataSpec(value, label, testFraction, classes);
  }

  public CsvDataSpec label(String column) {
    return new CsvDataSpec(file, column, testFraction, classes);
  }

  public CsvDataSpec testFraction(double value) {
    return new CsvDataSpec(file, label, value, classes);
  }

  /** Keeps only these classes: names or label numbers, comma-separated ("3,9"); empty for all. */
  public CsvDataSpec classes(String value) {
    return new CsvDataSpec(file, label, testFraction, value);
  }

  @Override
  public ParamTable<CsvDataSpec> paramTable() {
    return PARAMS;
  }

  /** Reads and checks the file, then splits it with the run's seed; smoke mode uses the same split. */
  @Override
  public TrainTest load(LoadOptions options) {
    Dataset all = CsvReader.read(file, label);
    options.progress().accept(all.id() + ": " + all.size() + " rows, " + all.featureCount() + " features, "
        + all.numClasses() + " classes");
    return ClassFilter.apply(classes, Transforms.stratifiedSplit(all, testFraction, options.seed()));
  }
}
