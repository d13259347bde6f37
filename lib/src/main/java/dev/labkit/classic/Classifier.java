package dev.labkit.classic;

import dev.labkit.data.Dataset;

/** A fitted classifier: class probabilities and labels for every example of a dataset. */
public interface Classifier {
  int numClasses();

  /** Probabilities, {@code size × numClasses}, row-major. */
  double[] predictProba(Dataset data);

  /** The most probable class of each example (the first one on a tie). */
  default int[] predict(Dataset data) {
    return dev.labkit.eval.Metrics.argmax(predictProba(data), numClasses());
  }
}
