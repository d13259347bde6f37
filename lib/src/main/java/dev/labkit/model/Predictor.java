package dev.labkit.model;

/**
 * What your own classifier's fit returns: a class for an example and, where the model can, each class's
 * probability. A lambda {@code x -> …} is a predictor without probabilities; {@link #of} wraps any Smile
 * classifier, soft ones with their posteriors.
 */
@FunctionalInterface
public interface Predictor {
  /** The class of example {@code x} (its features, in the dataset's order), 0..k−1. */
  int predict(double[] x);

  /**
   * Writes each class's probability of {@code x} into {@code probabilities} and returns true, or returns
   * false when the model has none (then its 0/1 predictions stand in for them, in ROC curves and log-loss).
   */
  default boolean probabilities(double[] x, double[] probabilities) {
    return false;
  }

  /** A Smile classifier as a predictor: with its posteriors when it is soft. */
  static Predictor of(smile.classification.Classifier<double[]> model) {
    return new Smile(model);
  }

  /** A Smile classifier; serialisable as the model is, so the run can say how large it is. */
  record Smile(smile.classification.Classifier<double[]> model) implements Predictor, java.io.Serializable {
    @Override
    public int predict(double[] x) {
      return model.predict(x);
    }

    @Override
    public boolean probabilities(double[] x, double[] probabilities) {
      if (!model.isSoft()) {
        return false;
      }
      model.predict(x, probabilities);
      return true;
    }
  }
}
