package dev.labkit.classic;

import dev.labkit.data.Dataset;
import dev.labkit.eval.Metrics;

/** A fitted classifier: class probabilities and labels for every example of a dataset. */
public interface Classifier {
  int numClasses();

  /** Probabilities, {@code size × numClasses}, row-major. */
  double[] predictProba(Dataset data);

  /** The most probable class of each example (the first one on a tie). */
  default int[] predict(Dataset data) {
    return Metrics.argmax(predictProba(data), numClasses());
  }
}
