package dev.labkit.classic;

import dev.labkit.data.Dataset;
import dev.labkit.model.RandomForest;
import java.io.Serializable;
import java.util.Random;
import smile.data.type.StructType;

/**
 * A {@link RandomForest} spec fitted by Smile's random forest: no longer what the spec fits (that is
 * {@link ForestModel}, ours), kept for comparison in {@code bench/classic}. Probabilities are the average of the
 * trees' leaf class shares (soft voting, as scikit-learn). Tree {@code t} is grown with seed
 * {@code t}-th draw of a {@link Random} seeded with the run's seed, so a seed gives the same forest.
 */
public final class SmileForestModel extends SmileModel {
  private final smile.classification.RandomForest forest;
  private final StructType schema;

  private SmileForestModel(smile.classification.RandomForest forest, StructType schema, Dataset train, double seconds) {
    super(train.numClasses(), train.featureCount(), forest.classes(), seconds);
    this.forest = forest;
    this.schema = schema;
  }

  public static SmileForestModel fit(RandomForest spec, Dataset train, long seed) {
    requireExamples(train, spec.name());
    long start = System.nanoTime();
    long[] seeds = new Random(seed).longs(spec.trees()).toArray();
    int mtry = spec.mtry() == 0 ? (int) Math.max(1, Math.floor(Math.sqrt(train.featureCount()))) : spec.mtry();
    mtry = Math.min(mtry, train.featureCount());
    // node size 1, no leaf limit, bootstrap samples of n: scikit-learn's forest
    var options = new smile.classification.RandomForest.Options(spec.trees(), mtry, TreeModel.rule(spec.criterion()),
        TreeModel.depth(spec.maxDepth()), Math.max(2, train.size()), 1, 1.0, null, seeds, null);
    var forest = smile.classification.RandomForest.fit(Frames.FORMULA, Frames.training(train), options);
    return new SmileForestModel(forest, Frames.schema(train), train, Probabilities.seconds(start));
  }

  @Override
  void posteriori(Dataset data, int row, double[] out) {
    forest.predict(Frames.tuple(schema, data, row), out);
  }

  @Override
  Serializable smileModel() {
    return forest;
  }
}
