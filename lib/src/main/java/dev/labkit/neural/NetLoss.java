package dev.labkit.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.labkit.ground.UserError;
import dev.labkit.model.NeuralNet;

/** The loss a classifier network trains on: cross-entropy, or the script's own ({@code .loss(name, fn)}). */
final class NetLoss {
  private NetLoss() {}

  /** The batch's loss: cross-entropy, or the script's own, which must give one number. */
  static NDArray of(NeuralNet spec, NDArray scores, NDArray labels, String where) {
    if (spec.loss() == null) {
      return crossEntropy(scores, labels);
    }
    NDArray value;
    try {
      value = spec.loss().function().apply(scores, labels);
    } catch (RuntimeException e) {
      throw new UserError("your loss " + spec.loss().name() + " failed " + where + ": " + e, e);
    }
    if (value == null || value.getShape().size() != 1) {
      throw new UserError("your loss " + spec.loss().name() + " gave " + (value == null ? "null" : "an array of shape "
          + value.getShape()) + " " + where + "; it must give one number (end it with .mean() or .sum())");
    }
    return value.reshape();
  }

  /** A loss as the loop keeps it: a Java double in the script's formula (mul(0.9)) makes it float64. */
  static NDArray float32(NDArray loss) {
    return loss.getDataType() == DataType.FLOAT32 ? loss : loss.toType(DataType.FLOAT32, false);
  }

  /**
   * Mean cross-entropy of a batch: for each example, minus the log of the softmax probability the network
   * gives its true class. log-softmax is computed directly (max-shifted), which stays finite where
   * {@code log(softmax(z))} would underflow to log 0.
   */
  static NDArray crossEntropy(NDArray logits, NDArray labels) {
    NDArray logProbabilities = logits.logSoftmax(1);
    NDArray ofTrueClass = logProbabilities.gather(labels.reshape(-1, 1), 1);
    return ofTrueClass.mean().neg();
  }
}
