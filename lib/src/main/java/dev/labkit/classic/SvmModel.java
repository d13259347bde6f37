package dev.labkit.classic;

import dev.labkit.data.Dataset;
import dev.labkit.model.Svm;
import java.io.Serializable;
import smile.classification.OneVersusOne;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * A fitted {@link Svm} spec: Smile's kernel SVM, one machine for every pair of classes (Smile's
 * {@link OneVersusOne}, the scheme scikit-learn's {@code SVC} uses). Probabilities are Smile's: each
 * pairwise decision score goes through Platt scaling (a sigmoid fitted to the training scores), and the
 * pairwise probabilities are coupled into one distribution over the classes. scikit-learn's RBF kernel
 * {@code exp(−γ‖x−y‖²)} is Smile's {@link GaussianKernel} with σ = √(1 / (2γ)).
 */
public final class SvmModel extends SmileModel {
  private final OneVersusOne<double[]> machines;
  private final double gamma;

  private SvmModel(OneVersusOne<double[]> machines, double gamma, Dataset train, double seconds) {
    super(train.numClasses(), train.featureCount(), machines.classes(), seconds);
    this.machines = machines;
    this.gamma = gamma;
  }

  public static SvmModel fit(Svm spec, Dataset train) {
    requireExamples(train, spec.name());
    long start = System.nanoTime();
    double gamma = spec.gamma() == Svm.SCALE ? scaleGamma(train) : spec.gamma();
    GaussianKernel kernel = new GaussianKernel(Math.sqrt(1 / (2 * gamma)));
    SVM.Options options = new SVM.Options(spec.c(), spec.tol(), 1);
    double[][] x = rows(train);
    OneVersusOne<double[]> machines = OneVersusOne.fit(x, train.labels(),
        (xs, ys) -> SVM.fit(xs, ys, kernel, options));
    return new SvmModel(machines, gamma, train, Probabilities.seconds(start));
  }

  /** scikit-learn's gamma = "scale": 1 / (features × variance of every value of X together). */
  static double scaleGamma(Dataset train) {
    float[] x = train.features();
    double sum = 0;
    double squares = 0;
    for (float v : x) {
      sum += v;
      squares += (double) v * v;
    }
    double mean = sum / x.length;
    double variance = squares / x.length - mean * mean;
    return variance > 0 ? 1 / (train.featureCount() * variance) : 1.0;
  }

  /** The gamma used: the spec's, or the one "scale" gave for the training data. */
  public double gamma() {
    return gamma;
  }

  @Override
  void posteriori(Dataset data, int row, double[] out) {
    machines.predict(row(data, row), out);
  }

  @Override
  Serializable smileModel() {
    return machines;
  }
}
