package dev.labkit.classic;

import dev.labkit.data.Dataset;
import dev.labkit.ground.UserError;
import dev.labkit.model.RandomForest;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A fitted {@link RandomForest} spec: labkit's own random forest, scikit-learn's {@code RandomForestClassifier}
 * with its defaults (bootstrap samples of n, node size 1, √features per split, Gini or entropy, soft
 * voting) grown on features binned to ≤ 256 values ({@link FeatureBins}: exact for 8-bit images) by
 * histograms ({@link TreeGrower}). Trees grow in parallel on all cores; tree t draws its randomness from
 * the t-th seed drawn from the run's seed, so a seed gives the same forest on any number of threads.
 * Smile's forest, which this replaced, is {@link SmileForestModel}.
 */
public final class ForestModel implements Classifier, Measured {
  private final BinnedTree[] trees;
  private final int numClasses;
  private final int features;
  private final double fitSeconds;
  private volatile double predictSeconds = Double.NaN;

  private ForestModel(BinnedTree[] trees, int numClasses, int features, double fitSeconds) {
    this.trees = trees;
    this.numClasses = numClasses;
    this.features = features;
    this.fitSeconds = fitSeconds;
  }

  public static ForestModel fit(RandomForest spec, Dataset train, long seed) {
    SmileModel.requireExamples(train, spec.name());
    long start = System.nanoTime();
    FeatureBins bins = FeatureBins.of(train);
    int d = train.featureCount();
    int mtry = Math.min(d, spec.mtry() == 0 ? (int) Math.max(1, Math.sqrt(d)) : spec.mtry());
    double[] table = TreeGrower.table(spec.criterion(), train.size());
    long[] seeds = new SplittableRandom(seed).longs(spec.trees()).toArray();
    BinnedTree[] trees = new BinnedTree[spec.trees()];
    IntStream.range(0, trees.length).parallel().forEach(t -> trees[t] =
        new TreeGrower(bins, train.labels(), train.numClasses(), spec.criterion(), table, spec.maxDepth(), mtry)
            .grow(new SplittableRandom(seeds[t])));
    return new ForestModel(trees, train.numClasses(), d, Probabilities.seconds(start));
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  /** The average of the trees' leaf class shares (soft voting), for blocks of 64 examples in parallel. */
  @Override
  public double[] predictProba(Dataset data) {
    if (data.featureCount() != features) {
      throw new UserError("cannot predict " + data.id() + ": it has " + data.featureCount()
          + " features, the model was fitted on " + features);
    }
    long start = System.nanoTime();
    int k = numClasses;
    int n = data.size();
    double[] proba = new double[n * k];
    float[] x = data.features();
    int block = 64;
    IntStream.range(0, (n + block - 1) / block).parallel().forEach(b -> {
      int from = b * block;
      int to = Math.min(n, from + block);
      for (BinnedTree tree : trees) { // one tree over the block's examples while it is in cache
        for (int i = from; i < to; i++) {
          tree.addShares(x, data.offset(i), proba, i * k, k);
        }
      }
      for (int i = from; i < to; i++) {
        double sum = 0;
        for (int c = 0; c < k; c++) {
          sum += proba[i * k + c];
        }
        for (int c = 0; c < k; c++) {
          proba[i * k + c] /= sum; // the trees' shares sum to 1 each, up to float rounding
        }
      }
    });
    predictSeconds = Probabilities.seconds(start);
    return proba;
  }

  /** Number of trees. */
  public int trees() {
    return trees.length;
  }

  /** Leaves of all trees together: how large the forest grew. */
  public long leaves() {
    long leaves = 0;
    for (BinnedTree tree : trees) {
      leaves += tree.leaves();
    }
    return leaves;
  }

  @Override
  public double fitSeconds() {
    return fitSeconds;
  }

  @Override
  public double predictSeconds() {
    return predictSeconds;
  }

  /** Bytes of the trees' arrays. */
  @Override
  public long memoryBytes() {
    long bytes = 0;
    for (BinnedTree tree : trees) {
      bytes += tree.bytes();
    }
    return bytes;
  }
}
