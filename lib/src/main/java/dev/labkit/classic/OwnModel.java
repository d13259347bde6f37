package dev.labkit.classic;

import dev.labkit.data.Dataset;
import dev.labkit.eval.Metrics;
import dev.labkit.console.ConsoleSink;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.ground.UserError;
import dev.labkit.model.OwnClassifier;
import dev.labkit.model.Predictor;

/** Your own classifier, fitted by your code and measured like a built-in model. */
final class OwnModel implements Classifier, Measured {
  private final OwnClassifier spec;
  private final Predictor predictor;
  private final int classes;
  private final double fitSeconds;
  private double predictSeconds = Double.NaN;
  private boolean toldNoProbabilities;
  private final EventSink events;

  private OwnModel(OwnClassifier spec, Predictor predictor, int classes, double fitSeconds, EventSink events) {
    this.spec = spec;
    this.predictor = predictor;
    this.classes = classes;
    this.fitSeconds = fitSeconds;
    this.events = events;
  }

  static OwnModel fit(OwnClassifier spec, Dataset train, long seed, EventSink events) {
    long t0 = System.nanoTime();
    Predictor predictor;
    try {
      predictor = spec.fit().fit(new OwnClassifier.Training(train, seed, spec, new EventLog(events)));
    } catch (UserError e) {
      throw e;
    } catch (Exception e) {
      throw new UserError("your classifier " + spec.name() + " failed to fit: " + e, e);
    }
    if (predictor == null) {
      throw new UserError("your classifier " + spec.name() + "'s fit returned null; return a Predictor "
          + "(Predictor.of(smileModel), or x -> class)");
    }
    return new OwnModel(spec, predictor, train.numClasses(), (System.nanoTime() - t0) / 1e9, events);
  }

  @Override
  public int numClasses() {
    return classes;
  }

  @Override
  public double[] predictProba(Dataset data) {
    long t0 = System.nanoTime();
    double[] out = new double[data.size() * classes];
    double[] p = new double[classes];
    boolean soft = true;
    for (int i = 0; i < data.size(); i++) {
      double[] x = SmileModel.row(data, i);
      int predicted;
      try {
        soft &= predictor.probabilities(x, p);
        predicted = predictor.predict(x);
      } catch (RuntimeException e) {
        throw new UserError("your classifier " + spec.name() + " failed to predict example " + i + " of "
            + data.id() + ": " + e, e);
      }
      if (predicted < 0 || predicted >= classes) {
        throw new UserError("your classifier " + spec.name() + " predicted class " + predicted + " for example "
            + i + " of " + data.id() + "; classes are 0.." + (classes - 1));
      }
      if (soft) {
        System.arraycopy(p, 0, out, i * classes, classes);
      } else {
        java.util.Arrays.fill(out, i * classes, (i + 1) * classes, 0);
        out[i * classes + predicted] = 1;
      }
    }
    if (!soft) {
      toPredictions(out);
    }
    predictSeconds = (System.nanoTime() - t0) / 1e9;
    return out;
  }

  /** Without probabilities for every example, every row becomes its 0/1 prediction, so all rows mean the same. */
  private void toPredictions(double[] out) {
    int[] predicted = Metrics.argmax(out, classes);
    java.util.Arrays.fill(out, 0);
    for (int i = 0; i < predicted.length; i++) {
      out[i * classes + predicted[i]] = 1;
    }
    if (!toldNoProbabilities) {
      toldNoProbabilities = true;
      events.accept(new Event.Phase(ConsoleSink.NOTE, spec.name() + " gives no probabilities: ROC curves and log-loss use "
          + "its 0/1 predictions"));
    }
  }

  @Override
  public double fitSeconds() {
    return fitSeconds;
  }

  @Override
  public double predictSeconds() {
    return predictSeconds;
  }

  /** Its Java-serialised size when the predictor is serialisable (Smile's models are), else 0: unknown. */
  @Override
  public long memoryBytes() {
    return predictor instanceof java.io.Serializable serializable ? Probabilities.serializedSize(serializable) : 0;
  }

}
