package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import java.util.Map;

/**
 * A classification tree (CART), grown until its leaves are pure or {@code max_depth} is reached, as
 * scikit-learn's {@code DecisionTreeClassifier}.
 *
 * <pre>{@code decisionTree().maxDepth(12).criterion(Criterion.ENTROPY)}</pre>
 *
 * @param maxDepth  the deepest a leaf may be, ≥ 1; 0: no limit
 * @param criterion the impurity a split minimises: {@code gini} or {@code entropy}
 */
public record DecisionTree(int maxDepth, Criterion criterion) implements ClassifierSpec<DecisionTree>, DeclaredSpec<DecisionTree> {

  private static final Declare<DecisionTree> P = Declare.of(DecisionTree.class);

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<DecisionTree> PARAMS = ParamTable.of(
      P.integer("max_depth", DecisionTree::maxDepth, DecisionTree::maxDepth, "the deepest a leaf may be; 0: no limit")
          .check(v -> v >= 0, "≥ 1, or 0 for no limit"),
      P.choice("criterion", Criterion.class, DecisionTree::criterion, DecisionTree::criterion,
          "the impurity a split minimises: `gini` or `entropy`"));

  public DecisionTree {
    PARAMS.validate(maxDepth, criterion);
  }

  /** No depth limit, Gini impurity: scikit-learn's defaults. */
  public static DecisionTree defaults() {
    return new DecisionTree(0, Criterion.GINI);
  }

  public DecisionTree maxDepth(int value) {
    return new DecisionTree(value, criterion);
  }

  public DecisionTree criterion(Criterion value) {
    return new DecisionTree(maxDepth, value);
  }

  @Override
  public String name() {
    return "decision-tree";
  }

  @Override
  public ParamTable<DecisionTree> paramTable() {
    return PARAMS;
  }

}
