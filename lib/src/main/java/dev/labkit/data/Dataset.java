package dev.labkit.data;

import java.util.List;

/**
 * One part of a dataset (a training or a test set), immutable by convention: features are kept
 * compactly as one row-major float array of {@code size() × shape.size()} values, never as one small
 * array per example. {@code id} names the dataset and its part ("fashion-mnist/train"); {@code sha256}
 * identifies the exact source content (see {@link IdxFile}); transforms return new datasets.
 */
public record Dataset(String id, String sha256, Shape shape, List<String> classNames, float[] features, int[] labels) {
  public Dataset {
    classNames = List.copyOf(classNames);
    if ((long) labels.length * shape.size() != features.length) {
      throw new IllegalArgumentException(id + ": " + features.length + " feature values do not fill "
          + labels.length + " examples of shape " + shape);
    }
  }

  /** Number of examples. */
  public int size() {
    return labels.length;
  }

  /** Number of features in one example. */
  public int featureCount() {
    return shape.size();
  }

  public int numClasses() {
    return classNames.size();
  }

  /** Offset of example {@code i}'s first feature in {@link #features()}. */
  public int offset(int i) {
    return i * shape.size();
  }
}
