package dev.labkit.classic;

import dev.labkit.data.Dataset;
import dev.labkit.model.GaussianNaiveBayes;
import java.io.Serializable;
import smile.classification.NaiveBayes;
import smile.stat.distribution.Distribution;
import smile.stat.distribution.GaussianDistribution;

/**
 * A fitted {@link GaussianNaiveBayes} spec: Smile's {@link NaiveBayes} with one Gaussian per class and
 * feature. The means and variances are computed here, as scikit-learn's {@code GaussianNB} does: the
 * population variance plus {@code var_smoothing} × the largest variance of any feature, and class
 * priors are the classes' shares of the training set. Probabilities are Smile's posteriors.
 */
public final class NaiveBayesModel extends SmileModel {
  private final NaiveBayes bayes;

  private NaiveBayesModel(NaiveBayes bayes, int[] classes, Dataset train, double seconds) {
    super(train.numClasses(), train.featureCount(), classes, seconds);
    this.bayes = bayes;
  }

  public static NaiveBayesModel fit(GaussianNaiveBayes spec, Dataset train) {
    requireExamples(train, spec.name());
    long start = System.nanoTime();
    int d = train.featureCount();
    int k = train.numClasses();
    double[][] sum = new double[k][d];
    double[][] squares = new double[k][d];
    int[] count = new int[k];
    double[] all = new double[d];
    double[] allSquares = new double[d];
    float[] x = train.features();
    for (int i = 0; i < train.size(); i++) {
      int c = train.labels()[i];
      count[c]++;
      int offset = train.offset(i);
      for (int j = 0; j < d; j++) {
        double v = x[offset + j];
        sum[c][j] += v;
        squares[c][j] += v * v;
        all[j] += v;
        allSquares[j] += v * v;
      }
    }
    double maxVariance = 0;
    for (int j = 0; j < d; j++) {
      double mean = all[j] / train.size();
      maxVariance = Math.max(maxVariance, allSquares[j] / train.size() - mean * mean);
    }
    double epsilon = spec.varSmoothing() * maxVariance;
    int present = (int) java.util.Arrays.stream(count).filter(n -> n > 0).count();
    int[] classes = new int[present];
    double[] priori = new double[present];
    Distribution[][] densities = new Distribution[present][d];
    for (int c = 0, p = 0; c < k; c++) {
      if (count[c] == 0) {
        continue; // a class absent from training gets probability 0
      }
      classes[p] = c;
      priori[p] = (double) count[c] / train.size();
      for (int j = 0; j < d; j++) {
        double mean = sum[c][j] / count[c];
        double variance = Math.max(0, squares[c][j] / count[c] - mean * mean) + epsilon;
        // a feature constant everywhere (variance 0 even after smoothing) carries no information
        densities[p][j] = new GaussianDistribution(mean, Math.sqrt(variance > 0 ? variance : 1));
      }
      p++;
    }
    NaiveBayes bayes = new NaiveBayes(priori, densities, new smile.util.IntSet(classes));
    return new NaiveBayesModel(bayes, classes, train, Probabilities.seconds(start));
  }

  @Override
  void posteriori(Dataset data, int row, double[] out) {
    bayes.predict(row(data, row), out);
  }

  @Override
  Serializable smileModel() {
    return bayes;
  }
}
