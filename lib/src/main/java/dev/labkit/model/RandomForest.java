package dev.labkit.model;

import dev.labkit.Params;
import dev.labkit.UserError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A random forest: {@code trees} decision trees, each grown on a bootstrap sample of the training set
 * and choosing each split among {@code mtry} randomly drawn features; the forest averages their class
 * probabilities. Random choices take the run's seed.
 *
 * <pre>{@code randomForest().trees(100).maxDepth(20)}</pre>
 *
 * @param trees     trees in the forest, ≥ 1
 * @param maxDepth  the deepest a leaf may be, ≥ 1; 0: no limit
 * @param criterion the impurity a split minimises: {@code gini} or {@code entropy}
 * @param mtry      features drawn as candidates at each split, ≥ 1; 0: √features (scikit-learn's "sqrt")
 */
public record RandomForest(int trees, int maxDepth, Criterion criterion, int mtry)
    implements ModelSpec<RandomForest> {

  public RandomForest {
    if (trees < 1) {
      throw new UserError("trees must be ≥ 1, got " + trees + " (try 100)");
    }
    if (maxDepth < 0) {
      throw new UserError("max_depth must be ≥ 1, or 0 for no limit, got " + maxDepth);
    }
    if (criterion == null) {
      throw new UserError("criterion must be one of gini, entropy, got nothing");
    }
    if (mtry < 0) {
      throw new UserError("mtry must be ≥ 1, or 0 for √features, got " + mtry);
    }
  }

  /** 100 trees without a depth limit, Gini, √features per split: scikit-learn's defaults. */
  public static RandomForest defaults() {
    return new RandomForest(100, 0, Criterion.GINI, 0);
  }

  public RandomForest trees(int value) {
    return new RandomForest(value, maxDepth, criterion, mtry);
  }

  public RandomForest maxDepth(int value) {
    return new RandomForest(trees, value, criterion, mtry);
  }

  public RandomForest criterion(Criterion value) {
    return new RandomForest(trees, maxDepth, value, mtry);
  }

  public RandomForest mtry(int value) {
    return new RandomForest(trees, maxDepth, criterion, value);
  }

  @Override
  public String name() {
    return "random-forest";
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("trees", trees);
    params.put("max_depth", maxDepth);
    params.put("criterion", Params.name(criterion));
    params.put("mtry", mtry);
    return params;
  }

  @Override
  public RandomForest with(String key, String value) {
    return switch (key) {
      case "trees" -> trees(Params.parseInt(key, value));
      case "max_depth" -> maxDepth(Params.parseInt(key, value));
      case "criterion" -> criterion(Params.parseEnum(key, value, Criterion.class));
      case "mtry" -> mtry(Params.parseInt(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }
}
