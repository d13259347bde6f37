package dev.labkit.classic;

import dev.labkit.data.Dataset;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;

/**
 * Smile's tree models learn from a {@link DataFrame} and predict {@link Tuple}s: features become double
 * columns {@code x0, x1, …} and the label an int column {@code y}.
 */
final class Frames {
  static final Formula FORMULA = Formula.lhs("y");

  private Frames() {}

  static DataFrame training(Dataset train) {
    return features(train).add(new IntVector("y", train.labels()));
  }

  static DataFrame features(Dataset data) {
    String[] names = new String[data.featureCount()];
    for (int j = 0; j < names.length; j++) {
      names[j] = "x" + j;
    }
    return DataFrame.of(SmileModel.rows(data), names);
  }

  /** The schema of the feature columns, to wrap a test example as a tuple. */
  static StructType schema(Dataset train) {
    return features(new Dataset(train.id(), train.sha256(), train.shape(), train.classNames(),
        java.util.Arrays.copyOf(train.features(), train.featureCount()), new int[1])).schema();
  }

  static Tuple tuple(StructType schema, Dataset data, int i) {
    return Tuple.of(schema, SmileModel.row(data, i));
  }
}
