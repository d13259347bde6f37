package dev.labkit.data;

import dev.labkit.ground.Declare;
import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.ParamTable;

/**
 * Your own examples, already in memory as one labelled set: split into training and test parts by a seeded
 * stratified split, as a CSV is. Get one from {@link Datasets#arrays}; its digest is of the values
 * themselves, so a run records exactly what it was given.
 *
 * @param name         the dataset's name in the run folder and the report
 * @param all          every example, checked when it was made ({@link Datasets#dataset})
 * @param testFraction share of each class held out for testing, in (0, 1)
 */
public record ArrayData(String name, Dataset all, double testFraction)
    implements DataSpec<ArrayData>, DeclaredSpec<ArrayData> {
  private static final Declare<ArrayData> P = Declare.of(ArrayData.class);

  public static final ParamTable<ArrayData> PARAMS = ParamTable.of(
      P.number("test_fraction", ArrayData::testFraction, ArrayData::testFraction,
          "share of each class held out for testing (a seeded stratified split)")
          .check(v -> v > 0 && v < 1, "between 0 and 1 (exclusive)"));

  public ArrayData {
    PARAMS.validate(testFraction);
  }

  public ArrayData testFraction(double value) {
    return new ArrayData(name, all, value);
  }

  @Override
  public ParamTable<ArrayData> paramTable() {
    return PARAMS;
  }

  @Override
  public TrainTest load(LoadOptions options) {
    options.progress().accept(name + ": " + all.size() + " examples of " + all.shape() + " in " + all.numClasses()
        + " classes, from memory");
    return Transforms.stratifiedSplit(all, testFraction, options.seed());
  }
}
