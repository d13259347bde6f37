package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import java.util.Map;

/**
 * k nearest neighbours by Euclidean distance: an example gets the class most common among the k training
 * examples closest to it (scikit-learn's {@code KNeighborsClassifier}).
 *
 * <pre>{@code knn().k(5).weights(Knn.Weights.DISTANCE)}</pre>
 *
 * @param k       neighbours that vote, ≥ 1 (and at most the number of training examples)
 * @param weights {@code uniform}: one vote each; {@code distance}: votes weighted by 1 / distance (a neighbour
 *                at distance 0 outvotes all others)
 */
public record Knn(int k, Weights weights) implements ClassifierSpec<Knn>, DeclaredSpec<Knn> {

  /** How neighbours' votes count. */
  public enum Weights { UNIFORM, DISTANCE }

  private static final Declare<Knn> P = Declare.of(Knn.class);

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<Knn> PARAMS = ParamTable.of(
      P.integer("k", Knn::k, Knn::k, "neighbours that vote (at most the number of training examples)")
          .check(v -> v >= 1, "≥ 1", "the number of neighbours that vote; try 5"),
      P.choice("weights", Weights.class, Knn::weights, Knn::weights,
          "`uniform`: one vote each; `distance`: votes weighted by 1 / distance"));

  public Knn {
    PARAMS.validate(k, weights);
  }

  /** k = 5, uniform votes: scikit-learn's defaults. */
  public static Knn defaults() {
    return new Knn(5, Weights.UNIFORM);
  }

  public Knn k(int value) {
    return new Knn(value, weights);
  }

  public Knn weights(Weights value) {
    return new Knn(k, value);
  }

  @Override
  public String name() {
    return "knn";
  }

  @Override
  public ParamTable<Knn> paramTable() {
    return PARAMS;
  }

}
