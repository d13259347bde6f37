package dev.labkit.model;

import dev.labkit.Params;
import dev.labkit.UserError;
import java.util.LinkedHashMap;
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
public record Knn(int k, Weights weights) implements ModelSpec<Knn> {

  /** How neighbours' votes count. */
  public enum Weights { UNIFORM, DISTANCE }

  public Knn {
    if (k < 1) {
      throw new UserError("k must be ≥ 1, got " + k + " (the number of neighbours that vote; try 5)");
    }
    if (weights == null) {
      throw new UserError("weights must be one of uniform, distance, got nothing");
    }
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
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("k", k);
    params.put("weights", Params.name(weights));
    return params;
  }

  @Override
  public Knn with(String key, String value) {
    return switch (key) {
      case "k" -> k(Params.parseInt(key, value));
      case "weights" -> weights(Params.parseEnum(key, value, Weights.class));
      default -> throw Params.unknownKey(key, params());
    };
  }
}
