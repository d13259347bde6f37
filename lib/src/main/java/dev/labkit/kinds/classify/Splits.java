package dev.labkit.kinds.classify;

import dev.labkit.data.Dataset;
import dev.labkit.data.TrainTest;
import dev.labkit.data.Transforms;

/**
 * The parts a run uses: what the model is fitted on, an optional validation part held out of the
 * training set (for choosing between trials without looking at the test set), and the test set.
 */
record Splits(Dataset train, Dataset validation, Dataset test) {
  /** Holds {@code fraction} of the training part out, stratified and seeded; 0 keeps it whole. */
  static Splits of(TrainTest data, double fraction, long seed) {
    if (fraction <= 0) {
      return new Splits(data.train(), null, data.test());
    }
    TrainTest split = Transforms.stratifiedSplit(data.train(), fraction, seed);
    return new Splits(split.train(), split.test(), data.test());
  }

  TrainTest trainTest() {
    return new TrainTest(train, test);
  }
}
