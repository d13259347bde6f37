package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import java.util.Map;

/**
 * A random forest: {@code trees} decision trees, each grown on a bootstrap sample of the training set
 * and choosing each split among {@code mtry} randomly drawn features; the forest averages their class
 * probabilities. Random choices take the run's seed. Fitted by labkit's own forest (scikit-learn's
 * rules, splits searched on ≤ 256 bins a feature: exact for 8-bit images, quantile bins otherwise).
 *
 * <pre>{@code randomForest().trees(100).maxDepth(20)}</pre>
 *
 * @param trees     trees in the forest, ≥ 1
 * @param maxDepth  the deepest a leaf may be, ≥ 1; 0: no limit
 * @param criterion the impurity a split minimises: {@code gini} or {@code entropy}
 * @param mtry      features drawn as candidates at each split, ≥ 1; 0: √features (scikit-learn's "sqrt")
 */
public record RandomForest(int trees, int maxDepth, Criterion criterion, int mtry)
    implements ClassifierSpec<RandomForest>, DeclaredSpec<RandomForest> {

  private static final Declare<RandomForest> P = Declare.of(RandomForest.class);

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<RandomForest> PARAMS = ParamTable.of(
      P.integer("trees", RandomForest::trees, RandomForest::trees, "trees in the forest")
          .check(v -> v >= 1, "≥ 1", "try 100"),
      P.integer("max_depth", RandomForest::maxDepth, RandomForest::maxDepth, "the deepest a leaf may be; 0: no limit")
          .check(v -> v >= 0, "≥ 1, or 0 for no limit"),
      P.choice("criterion", Criterion.class, RandomForest::criterion, RandomForest::criterion,
          "the impurity a split minimises: `gini` or `entropy`"),
      P.integer("mtry", RandomForest::mtry, RandomForest::mtry,
          "features drawn as candidates at each split; 0: √features (scikit-learn's \"sqrt\")")
          .check(v -> v >= 0, "≥ 1, or 0 for √features"));

  public RandomForest {
    PARAMS.validate(trees, maxDepth, criterion, mtry);
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
  public ParamTable<RandomForest> paramTable() {
    return PARAMS;
  }

}
