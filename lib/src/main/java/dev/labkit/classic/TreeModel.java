package dev.labkit.classic;

import dev.labkit.data.Dataset;
import dev.labkit.model.Criterion;
import dev.labkit.model.DecisionTree;
import java.io.Serializable;
import smile.data.type.StructType;
import smile.model.cart.SplitRule;

/**
 * A fitted {@link DecisionTree} spec: Smile's CART. Its probabilities are the class shares of the
 * training examples in the leaf an example falls into (Smile adds one to each count, so no class is ever
 * exactly 0).
 */
public final class TreeModel extends SmileModel {
  private final smile.classification.DecisionTree tree;
  private final StructType schema;

  private TreeModel(smile.classification.DecisionTree tree, StructType schema, Dataset train, double seconds) {
    super(train.numClasses(), train.featureCount(), tree.classes(), seconds);
    this.tree = tree;
    this.schema = schema;
  }

  public static TreeModel fit(DecisionTree spec, Dataset train) {
    requireExamples(train, spec.name());
    long start = System.nanoTime();
    // node size 1 and as many leaves as examples: grown until pure, as scikit-learn's default tree
    var options = new smile.classification.DecisionTree.Options(rule(spec.criterion()), depth(spec.maxDepth()),
        Math.max(2, train.size()), 1);
    var tree = smile.classification.DecisionTree.fit(Frames.FORMULA, Frames.training(train), options);
    return new TreeModel(tree, Frames.schema(train), train, Probabilities.seconds(start));
  }

  static SplitRule rule(Criterion criterion) {
    return switch (criterion) {
      case GINI -> SplitRule.GINI;
      case ENTROPY -> SplitRule.ENTROPY;
    };
  }

  /**
   * Our depth counts splits from the root, as scikit-learn (max_depth 1 is a stump); Smile counts the
   * root as depth 1, so it gets one more. 0 (no limit) is the deepest depth Smile accepts.
   */
  static int depth(int maxDepth) {
    return maxDepth == 0 ? Integer.MAX_VALUE : maxDepth + 1;
  }

  /** Number of leaves: how large the tree grew. */
  public int leaves() {
    return tree.root().leaves();
  }

  @Override
  void posteriori(Dataset data, int row, double[] out) {
    tree.predict(Frames.tuple(schema, data, row), out);
  }

  @Override
  Serializable smileModel() {
    return tree;
  }
}
