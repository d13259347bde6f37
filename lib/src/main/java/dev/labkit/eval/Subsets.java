package dev.labkit.eval;

import dev.labkit.data.Dataset;

/** The examples of a dataset at given indices, as a new dataset (folds are index arrays). */
final class Subsets {
  private Subsets() {}

  static Dataset take(Dataset data, String id, int[] indices) {
    int d = data.featureCount();
    float[] features = new float[indices.length * d];
    int[] labels = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      System.arraycopy(data.features(), data.offset(indices[k]), features, k * d, d);
      labels[k] = data.labels()[indices[k]];
    }
    return new Dataset(id, data.sha256(), data.shape(), data.classNames(), features, labels);
  }
}
