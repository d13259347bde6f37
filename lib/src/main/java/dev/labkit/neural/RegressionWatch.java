package dev.labkit.neural;

import dev.labkit.data.RegressionData;

/** What a training run has noticed so far: convergence, drops, an early stop, a divergence, the best weights. */
final class RegressionWatch {
  int lrDrops;
  boolean stoppedEarly;
  int divergedAt = -1;
  double lastFinite = Double.NaN;
  /** The weights and bias a step started from, and those of the best step so far (for restore-best). */
  double[][] start;
  double[][] best;
  /** The last step whose loss moved by more than tol times the one before. */
  private int lastBigChange;

  void observe(int step, double loss, double tol) {
    if (Double.isNaN(lastFinite) || Math.abs(loss - lastFinite) > tol * Math.abs(lastFinite)) {
      lastBigChange = step;
    }
    lastFinite = loss;
  }

  /** The step from which the loss stayed settled, or -1 when it was still moving at the end. */
  int stepsToConverge(int steps) {
    return divergedAt < 0 && lastBigChange < steps ? lastBigChange + 1 : -1;
  }

  /** Mean squared and mean absolute error of (w, b) on the data, in plain double arithmetic. */
  static double[] errors(RegressionData data, double[] w, double b) {
    double squared = 0;
    double absolute = 0;
    for (int i = 0; i < data.size(); i++) {
      double r = b - data.targets()[i];
      for (int j = 0; j < w.length; j++) {
        r += w[j] * data.feature(i, j);
      }
      squared += r * r;
      absolute += Math.abs(r);
    }
    return new double[] {squared / data.size(), absolute / data.size()};
  }
}
