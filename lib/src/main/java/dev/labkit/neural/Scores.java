package dev.labkit.neural;

import dev.labkit.ground.Params;
import dev.labkit.ground.UserError;

/** Mean loss and accuracy over a set (the training set over an epoch, or a whole validation set). */
record Scores(double loss, double accuracy) {
  /**
   * The epoch's means from each step's loss and correct count (the last batch may be smaller). A loss
   * that is NaN or infinite means training diverged: stop, saying at which step and what to change.
   */
  static Scores ofEpoch(float[] stepLoss, long correct, int batch, int n, int epoch, int firstStep) {
    double sum = 0;
    for (int s = 0; s < stepLoss.length; s++) {
      if (!Float.isFinite(stepLoss[s])) {
        throw diverged(stepLoss, s, epoch, firstStep);
      }
      sum += stepLoss[s] * (double) Math.min(batch, n - s * batch);
    }
    return new Scores(sum / n, correct / (double) n);
  }

  private static UserError diverged(float[] stepLoss, int s, int epoch, int firstStep) {
    String last = s > 0 ? "last finite loss " + Params.show(stepLoss[s - 1]) : "no finite loss this epoch";
    return new UserError("training diverged at epoch " + epoch + ", step " + (firstStep + s + 1) + ": the loss is "
        + stepLoss[s] + " (" + last + "); lower the learning rate (model.lr)");
  }
}
