package dev.labkit.classic;

import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import java.util.stream.IntStream;

/**
 * A fitted Smile classifier seen as a labkit {@link Classifier}: rows are predicted in parallel, one
 * call to Smile per example unless a subclass scores them all at once, and Smile's posterior probabilities are placed at the class each belongs to
 * (Smile numbers only the classes it saw in training; {@code classes} maps them back).
 */
abstract class SmileModel implements Classifier, Measured {
  static {
    // Smile logs at INFO for every tree of a forest and every pair of an SVM; a run's console wants one
    // line per fit, so its loggers start at WARN unless the user chose a level
    if (System.getProperty("org.slf4j.simpleLogger.log.smile") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.smile", "warn");
    }
  }

  private final int numClasses;
  private final int features;
  private final int[] classes;
  private final double fitSeconds;
  private volatile long memoryBytes = -1;
  private volatile double predictSeconds = Double.NaN;

  SmileModel(int numClasses, int features, int[] classes, double fitSeconds) {
    this.numClasses = numClasses;
    this.features = features;
    this.classes = classes.clone();
    this.fitSeconds = fitSeconds;
  }

  /** Smile's posterior probabilities of one example, indexed like {@code classes}. */
  abstract void posteriori(Dataset data, int row, double[] out);

  /** The posteriors of every example, {@code out[i·classes + c]}: one call to Smile per example, in parallel. */
  double[] posteriors(Dataset data) {
    int m = classes.length;
    double[] out = new double[data.size() * m];
    IntStream.range(0, data.size()).parallel().forEach(i -> {
      double[] p = new double[m];
      posteriori(data, i, p);
      System.arraycopy(p, 0, out, i * m, m);
    });
    return out;
  }

  /** What {@link #memoryBytes()} measures. */
  abstract java.io.Serializable smileModel();

  @Override
  public int numClasses() {
    return numClasses;
  }

  @Override
  public double[] predictProba(Dataset data) {
    if (data.featureCount() != features) {
      throw new UserError("cannot predict " + data.id() + ": it has " + data.featureCount()
          + " features, the model was fitted on " + features);
    }
    long start = System.nanoTime();
    int k = numClasses;
    double[] posteriors = posteriors(data);
    double[] proba = new double[data.size() * k];
    for (int i = 0; i < data.size(); i++) {
      for (int c = 0; c < classes.length; c++) {
        proba[i * k + classes[c]] = posteriors[i * classes.length + c];
      }
    }
    predictSeconds = Probabilities.seconds(start);
    return proba;
  }

  @Override
  public double fitSeconds() {
    return fitSeconds;
  }

  @Override
  public double predictSeconds() {
    return predictSeconds;
  }

  /** Serialised size of the Smile model, computed on first use (a forest takes a moment). */
  @Override
  public long memoryBytes() {
    if (memoryBytes < 0) {
      memoryBytes = Probabilities.serializedSize(smileModel());
    }
    return memoryBytes;
  }

  /** One example's features as doubles, as Smile wants them. */
  static double[] row(Dataset data, int i) {
    double[] x = new double[data.featureCount()];
    int offset = data.offset(i);
    float[] features = data.features();
    for (int j = 0; j < x.length; j++) {
      x[j] = features[offset + j];
    }
    return x;
  }

  /** All examples as a {@code double[n][d]}: the layout Smile's fitting methods take. */
  static double[][] rows(Dataset data) {
    double[][] x = new double[data.size()][];
    IntStream.range(0, x.length).parallel().forEach(i -> x[i] = row(data, i));
    return x;
  }

  static void requireExamples(Dataset train, String model) {
    if (train.size() == 0) {
      throw new UserError("cannot fit " + model + ": the training set " + train.id() + " is empty");
    }
  }
}
