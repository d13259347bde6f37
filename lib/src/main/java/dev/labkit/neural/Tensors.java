package dev.labkit.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.labkit.data.Dataset;

/**
 * A whole dataset in native memory: the features as one {@code n × d} float32 array and the labels as
 * int64 (what PyTorch's indexing and cross-entropy take). Copied once; every batch is then a view or a
 * single native gather, with no Java array per batch.
 */
record Tensors(NDArray x, NDArray y, int size) {
  static Tensors of(NDManager manager, Dataset data) {
    NDArray x = Torch.floats(manager, data.features(), new Shape(data.size(), data.featureCount()));
    long[] labels = new long[data.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = data.labels()[i];
    }
    return new Tensors(x, manager.create(labels), data.size());
  }
}
