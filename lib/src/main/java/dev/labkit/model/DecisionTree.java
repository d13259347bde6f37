package dev.labkit.model;

import dev.labkit.Params;
import dev.labkit.UserError;
import java.util.LinkedHashMap;
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
public record DecisionTree(int maxDepth, Criterion criterion) implements ModelSpec<DecisionTree> {

  public DecisionTree {
    if (maxDepth < 0) {
      throw new UserError("max_depth must be ≥ 1, or 0 for no limit, got " + maxDepth);
    }
    if (criterion == null) {
      throw new UserError("criterion must be one of gini, entropy, got nothing");
    }
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
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("max_depth", maxDepth);
    params.put("criterion", Params.name(criterion));
    return params;
  }

  @Override
  public DecisionTree with(String key, String value) {
    return switch (key) {
      case "max_depth" -> maxDepth(Params.parseInt(key, value));
      case "criterion" -> criterion(Params.parseEnum(key, value, Criterion.class));
      default -> throw Params.unknownKey(key, params());
    };
  }
}
