package dev.labkit.classic;

import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.model.Svm;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import smile.classification.Classifier;
import smile.classification.OneVersusOne;
import smile.classification.PlattScaling;
import smile.classification.SVM;
import smile.math.MathEx;
import smile.util.IntSet;

/**
 * A fitted {@link Svm} spec: Smile's kernel SVM, one machine for every pair of classes (one versus one,
 * the scheme scikit-learn's {@code SVC} uses), fitted and scored as follows.
 *
 * <ul>
 *   <li>Fitting: the pairs are independent, so they are fitted in parallel, each with Smile's random
 *       generator seeded from the run's seed and the pair (Smile's own {@code OneVersusOne.fit} fits them
 *       one after another on whatever random state its thread has). Each pair's decision score gets a
 *       Platt sigmoid fitted on its training scores, as Smile does.
 *   <li>Scoring: {@link KernelScores} computes each query's kernel values once for the distinct support
 *       vectors of all machines instead of once per machine; the pairwise probabilities are then coupled
 *       into one distribution over the classes by Smile's {@link OneVersusOne} (Wu, Lin and Weng's method).
 * </ul>
 *
 * The kernel is scikit-learn's RBF {@code exp(−γ‖x−y‖²)} on float32 rows ({@link RbfKernel}: Smile's
 * {@code GaussianKernel} with σ = √(1 / (2γ)), vectorised).
 */
public final class SvmModel extends SmileModel {
  private final OneVersusOne<float[]> machines; // Smile's model: what is measured, and the slow reference
  private final PlattScaling[][] platt;
  private final List<SVM<float[]>> pairMachines;
  private final KernelScores scores;
  private final int[][] pairs;          // pair m is {i, j}: class i (+1) against class j (−1), j < i
  private final IntSet labels;
  private final double gamma;

  private SvmModel(OneVersusOne<float[]> machines, PlattScaling[][] platt, List<SVM<float[]>> pairMachines,
      int[][] pairs, IntSet labels, double gamma, Dataset train, double seconds) {
    super(train.numClasses(), train.featureCount(), labels.values, seconds);
    this.machines = machines;
    this.platt = platt;
    this.pairMachines = pairMachines;
    this.scores = new KernelScores(pairMachines, gamma, train.featureCount());
    this.pairs = pairs;
    this.labels = labels;
    this.gamma = gamma;
  }

  /** Fits a machine for every pair of the classes present in {@code train}; {@code seed} fixes Smile's draws. */
  @SuppressWarnings("unchecked")
  public static SvmModel fit(Svm spec, Dataset train, long seed) {
    requireExamples(train, spec.name());
    long start = System.nanoTime();
    double gamma = spec.gamma() == Svm.SCALE ? scaleGamma(train) : spec.gamma();
    RbfKernel kernel = new RbfKernel(gamma);
    SVM.Options options = new SVM.Options(spec.c(), spec.tol(), 1);
    float[][] x = floatRows(train);
    IntSet labels = IntSet.of(IntStream.of(train.labels()).distinct().sorted().toArray());
    int k = labels.size();
    if (k < 2) {
      throw new UserError("cannot fit " + spec.name() + ": the training set " + train.id() + " has only class "
          + labels.valueOf(0) + "; an SVM needs at least two classes");
    }
    int[] y = IntStream.of(train.labels()).map(labels::indexOf).toArray();
    int[][] pairs = new int[k * (k - 1) / 2][];
    for (int i = 1, m = 0; i < k; i++) {
      for (int j = 0; j < i; j++) {
        pairs[m++] = new int[] {i, j};
      }
    }
    SVM<float[]>[] fitted = new SVM[pairs.length];
    PlattScaling[] sigmoids = new PlattScaling[pairs.length];
    IntStream.range(0, pairs.length).parallel().forEach(m -> {
      int[] rows = IntStream.range(0, y.length).filter(r -> y[r] == pairs[m][0] || y[r] == pairs[m][1]).toArray();
      float[][] xm = Arrays.stream(rows).mapToObj(r -> x[r]).toArray(float[][]::new);
      int[] ym = Arrays.stream(rows).map(r -> y[r] == pairs[m][0] ? +1 : -1).toArray();
      MathEx.setSeed(seed + 1_000_003L * m); // this thread's generator, which LASVM's shuffles draw from
      fitted[m] = SVM.fit(xm, ym, kernel, options);
      sigmoids[m] = PlattScaling.fit(fitted[m], xm, ym);
    });
    Classifier<float[]>[][] byPair = triangle(pairs, k, Classifier.class, m -> fitted[m]);
    PlattScaling[][] platt = triangle(pairs, k, PlattScaling.class, m -> sigmoids[m]);
    return new SvmModel(new OneVersusOne<>(byPair, platt, labels), platt, List.of(fitted), pairs, labels, gamma,
        train, Probabilities.seconds(start));
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

  /** How many distinct training rows are support vectors of some machine. */
  public int supportVectors() {
    return scores.distinct();
  }

  /** Smile's own path, one machine and one kernel value at a time: the reference the fast path is tested on. */
  @Override
  void posteriori(Dataset data, int row, double[] out) {
    machines.predict(floatRow(data, row), out);
  }

  /** Every pair's decision score of every row, {@code [i·pairs + m]}, from the shared kernel values. */
  double[] scores(Dataset data) {
    return scores.scores(data);
  }

  /** Smile's decision score of pair {@code m} for one row: every kernel value on its own, in double. */
  double smileScore(Dataset data, int row, int m) {
    return pairMachines.get(m).score(floatRow(data, row));
  }

  @Override
  double[] posteriors(Dataset data) {
    double[] s = scores.scores(data);
    int m = pairs.length;
    Classifier<Integer>[][] byPair = triangle(pairs, labels.size(), Classifier.class, pair -> new PairScore(s, pair));
    OneVersusOne<Integer> coupling = new OneVersusOne<>(byPair, platt, labels);
    int k = labels.size();
    double[] out = new double[data.size() * k];
    IntStream.range(0, data.size()).parallel().forEach(i -> {
      double[] p = new double[k];
      coupling.predict(i * m, p);
      System.arraycopy(p, 0, out, i * k, k);
    });
    return out;
  }

  /** Smile's OneVersusOne takes its pairs as a lower triangle: [i][j] holds pair {i, j}, j < i. */
  @SuppressWarnings("unchecked")
  private static <T> T[][] triangle(int[][] pairs, int k, Class<?> type, IntFunction<? extends T> ofPair) {
    T[][] out = (T[][]) Array.newInstance(type, k, 0);
    for (int i = 1; i < k; i++) {
      out[i] = (T[]) Array.newInstance(type, i);
    }
    for (int m = 0; m < pairs.length; m++) {
      out[pairs[m][0]][pairs[m][1]] = ofPair.apply(m);
    }
    return out;
  }

  private static float[] floatRow(Dataset data, int i) {
    return java.util.Arrays.copyOfRange(data.features(), data.offset(i), data.offset(i) + data.featureCount());
  }

  /** Every example's features as its own float[]: Smile's solver takes one object per example. */
  private static float[][] floatRows(Dataset data) {
    float[][] x = new float[data.size()][];
    IntStream.range(0, x.length).parallel().forEach(i -> x[i] = floatRow(data, i));
    return x;
  }

  @Override
  Serializable smileModel() {
    return machines;
  }

  /**
   * One pair's machine as Smile's coupling sees it: its score of query "i·m" is read from the table of
   * scores computed for all queries at once, so Smile's coupling code runs unchanged.
   */
  private record PairScore(double[] table, int pair) implements Classifier<Integer> {
    @Override
    public double score(Integer at) {
      return table[at + pair];
    }

    @Override
    public int predict(Integer at) {
      return score(at) > 0 ? +1 : -1;
    }

    @Override
    public int numClasses() {
      return 2;
    }

    @Override
    public int[] classes() {
      return new int[] {-1, +1};
    }
  }
}
