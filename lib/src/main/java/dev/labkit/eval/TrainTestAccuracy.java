package dev.labkit.eval;

import dev.labkit.classic.Classifier;
import dev.labkit.data.TrainTest;

/**
 * Accuracy on the data a model was fitted on and on held-out data. The gap is the quickest read of
 * over-fitting: a model that memorised its training set scores near 1 there and much lower on the test.
 *
 * @param train accuracy on the training set
 * @param test  accuracy on the test set
 */
public record TrainTestAccuracy(double train, double test) {
  public static TrainTestAccuracy of(Classifier model, TrainTest data) {
    return new TrainTestAccuracy(Metrics.accuracy(data.train().labels(), model.predict(data.train())),
        Metrics.accuracy(data.test().labels(), model.predict(data.test())));
  }

  /** {@code train − test}: near 0 for a model that generalises, large for one that over-fits. */
  public double gap() {
    return train - test;
  }
}
