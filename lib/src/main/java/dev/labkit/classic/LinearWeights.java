package dev.labkit.classic;

/**
 * A fitted classifier whose scores are linear in the features, one weight vector per class: its weights
 * can be drawn as one image per class ({@code weightHeatmaps()}). Logistic regression and softmax
 * regression are; a network with hidden layers is not.
 */
public interface LinearWeights extends Classifier {
  /** {@code weights()[c][j]}: the weight of feature j in class c's score. */
  double[][] weights();

  /** The largest |weight| over all classes. */
  default double maxAbsWeight() {
    double max = 0;
    for (double[] row : weights()) {
      for (double w : row) {
        max = Math.max(max, Math.abs(w));
      }
    }
    return max;
  }
}
