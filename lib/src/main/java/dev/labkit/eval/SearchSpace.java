package dev.labkit.eval;

import dev.labkit.UserError;
import dev.labkit.model.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hyper-parameters a search may change, each as a {@link Dimension} over one {@code params()} key
 * of the spec (relative keys: {@code c}, {@code penalty}). Immutable: each step returns a new space.
 *
 * <pre>{@code SearchSpace.of()
 *     .logUniform("c", 0.01, 10)          // a scale: every decade equally likely
 *     .choice("penalty", "l2", "none")}</pre>
 *
 * A value reaches the spec as text through {@code spec.with(key, String.valueOf(value))}, the path
 * {@code --set key=value} takes, so the spec's own validation decides what is allowed.
 */
public record SearchSpace(List<Dimension> dimensions) {
  public SearchSpace {
    dimensions = List.copyOf(dimensions);
    List<String> keys = dimensions.stream().map(Dimension::key).toList();
    for (String key : keys) {
      if (keys.indexOf(key) != keys.lastIndexOf(key)) {
        throw new UserError("search space: " + key + " is given twice; give each parameter one range or list");
      }
    }
  }

  /** An empty space; add axes with the methods below. */
  public static SearchSpace of() {
    return new SearchSpace(List.of());
  }

  /** {@code key} takes one of {@code values}, e.g. {@code choice("penalty", "l2", "none")}. */
  public SearchSpace choice(String key, Object... values) {
    return with(new Dimension.Choice(key, Arrays.asList(values)));
  }

  /** {@code key} uniform on [lo, hi]: for parameters whose effect is linear, such as a ratio. */
  public SearchSpace uniform(String key, double lo, double hi) {
    return with(new Dimension.Uniform(key, lo, hi));
  }

  /** {@code key} log-uniform on [lo, hi] (lo > 0): for scale parameters such as {@code c}. */
  public SearchSpace logUniform(String key, double lo, double hi) {
    return with(new Dimension.LogUniform(key, lo, hi));
  }

  /** {@code key} a whole number of [lo, hi], both included, e.g. a tree depth. */
  public SearchSpace intUniform(String key, int lo, int hi) {
    return with(new Dimension.IntUniform(key, lo, hi));
  }

  /** {@code key} one of {@code lo, lo + step, …} up to {@code hi}: {@code intGrid("k", 1, 9, 2)} is 1, 3, 5, 7, 9. */
  public SearchSpace intGrid(String key, int lo, int hi, int step) {
    if (step < 1 || lo > hi) {
      throw new UserError("search space: intGrid " + key + " needs lo ≤ hi and step ≥ 1, got " + lo + ".." + hi
          + " step " + step);
    }
    List<Object> values = new ArrayList<>();
    for (long v = lo; v <= hi; v += step) {
      values.add((int) v);
    }
    return with(new Dimension.Choice(key, values));
  }

  /**
   * {@code key} one of {@code points} values spaced evenly on a log axis from lo to hi:
   * {@code logGrid("c", 0.01, 100, 5)} is 0.01, 0.1, 1, 10, 100 — a C sweep.
   */
  public SearchSpace logGrid(String key, double lo, double hi, int points) {
    if (points < 1) {
      throw new UserError("search space: logGrid " + key + " needs at least 1 point, got " + points);
    }
    List<Object> values = new Dimension.LogUniform(key, lo, hi).grid(points);
    return with(new Dimension.Choice(key, values));
  }

  private SearchSpace with(Dimension dimension) {
    List<Dimension> all = new ArrayList<>(dimensions);
    all.add(dimension);
    return new SearchSpace(all);
  }

  /**
   * Checks the space against a spec before any fitting: every key must be one of the spec's
   * {@code params()}, and every axis must have at least one value the spec accepts. An axis none of
   * whose probed values is valid (say {@code uniform("c", -1, 0)}, where c must be > 0) is a one-line
   * {@link UserError} naming the parameter and the spec's own reason.
   */
  public void check(ModelSpec<?> spec) {
    if (dimensions.isEmpty()) {
      throw new UserError("search space is empty; add a parameter, e.g. SearchSpace.of().logUniform(\"c\", 0.01, 10)");
    }
    Map<String, Object> params = spec.params();
    for (Dimension dimension : dimensions) {
      if (!params.containsKey(dimension.key())) {
        throw new UserError("search space: " + spec.name() + " has no parameter '" + dimension.key()
            + "'; valid keys: " + String.join(", ", params.keySet()));
      }
      String reason = null;
      for (Object value : probes(dimension)) {
        try {
          apply(spec, Map.of(dimension.key(), value));
          reason = null;
          break;
        } catch (UserError rejected) {
          reason = reason == null ? rejected.getMessage() : reason;
        }
      }
      if (reason != null) {
        throw new UserError("search space has no valid " + dimension.key() + ": every value of "
            + dimension.describe() + " is rejected (" + reason + ")");
      }
    }
  }

  /** Values to try when checking an axis: a finite axis all of them, a range both ends and points between. */
  private static List<Object> probes(Dimension dimension) {
    return dimension.grid(dimension instanceof Dimension.Choice ? 0 : 9);
  }

  /** {@code spec} with every parameter of {@code point} set; the spec's {@link UserError} if it rejects one. */
  static ModelSpec<?> apply(ModelSpec<?> spec, Map<String, Object> point) {
    ModelSpec<?> result = spec;
    for (Map.Entry<String, Object> entry : point.entrySet()) {
      result = (ModelSpec<?>) result.with(entry.getKey(), String.valueOf(entry.getValue()));
    }
    return result;
  }

  /** All combinations of the axes' grid values, the first axis varying slowest. */
  List<Map<String, Object>> grid(int pointsPerRange) {
    List<Map<String, Object>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (Dimension dimension : dimensions) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> partial : points) {
        for (Object value : dimension.grid(pointsPerRange)) {
          Map<String, Object> point = new LinkedHashMap<>(partial);
          point.put(dimension.key(), value);
          next.add(point);
        }
      }
      points = next;
    }
    return points;
  }

  /** Number of distinct points when every axis is finite (choices, integer ranges); else Long.MAX_VALUE. */
  long finiteSize() {
    long size = 1;
    for (Dimension dimension : dimensions) {
      long values = switch (dimension) {
        case Dimension.Choice choice -> choice.values().size();
        case Dimension.IntUniform range -> (long) range.hi() - range.lo() + 1;
        case Dimension.Uniform u -> Long.MAX_VALUE;
        case Dimension.LogUniform u -> Long.MAX_VALUE;
      };
      size = size > Long.MAX_VALUE / values ? Long.MAX_VALUE : size * values;
    }
    return size;
  }

  /** One random point: each axis drawn independently. */
  Map<String, Object> sample(java.util.Random random) {
    Map<String, Object> point = new LinkedHashMap<>();
    for (Dimension dimension : dimensions) {
      point.put(dimension.key(), dimension.sample(random));
    }
    return point;
  }

  /** The axes as one line, e.g. {@code c ~ log-uniform[0.01, 10], penalty in [l2, none]}. */
  public String describe() {
    return String.join(", ", dimensions.stream().map(Dimension::describe).toList());
  }
}
