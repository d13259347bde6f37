package dev.labkit.eval;

import dev.labkit.ground.UserError;
import dev.labkit.ground.Axis;
import dev.labkit.ground.RandomPoints;
import dev.labkit.model.ClassifierSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hyper-parameters a search may change, each an {@link Axis} over one key of the experiment, in the
 * key space {@code .sweep} uses ({@code model.c}, {@code model.penalty}; the model's own short form
 * {@code c} is accepted too). Immutable: each step returns a new space.
 *
 * <pre>{@code SearchSpace.of()
 *     .logUniform("model.c", 0.01, 10)          // a scale: every decade equally likely
 *     .choice("model.penalty", "l2", "none")}</pre>
 *
 * A value reaches the spec as text through {@code spec.with(key, Axis.text(value))}, the path
 * {@code --set key=value} takes, so the spec's own validation decides what is allowed.
 */
public record SearchSpace(List<Axis> axes) {
  public SearchSpace {
    axes = List.copyOf(axes);
    List<String> keys = axes.stream().map(a -> relative(a.key())).toList();
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

  /** The axes (the name older code uses). */
  public List<Axis> dimensions() {
    return axes;
  }

  /** {@code key} takes one of {@code values}, e.g. {@code choice("model.penalty", "l2", "none")}. */
  public SearchSpace choice(String key, Object... values) {
    return with(Axis.choice(key, values));
  }

  /** {@code key} uniform on [lo, hi]: for parameters whose effect is linear, such as a ratio. */
  public SearchSpace uniform(String key, double lo, double hi) {
    return with(Axis.uniform(key, lo, hi));
  }

  /** {@code key} log-uniform on [lo, hi] (lo > 0): for scale parameters such as {@code model.c}. */
  public SearchSpace logUniform(String key, double lo, double hi) {
    return with(Axis.logUniform(key, lo, hi));
  }

  /** {@code key} a whole number of [lo, hi], both included, e.g. a tree depth. */
  public SearchSpace intUniform(String key, int lo, int hi) {
    return with(Axis.intUniform(key, lo, hi));
  }

  /** {@code key} one of {@code lo, lo + step, …} up to {@code hi}: {@code intGrid("model.k", 1, 9, 2)} is 1, 3, 5, 7, 9. */
  public SearchSpace intGrid(String key, int lo, int hi, int step) {
    if (step < 1 || lo > hi) {
      throw new UserError("search space: intGrid " + key + " needs lo ≤ hi and step ≥ 1, got " + lo + ".." + hi
          + " step " + step);
    }
    List<Object> values = new ArrayList<>();
    for (long v = lo; v <= hi; v += step) {
      values.add((int) v);
    }
    return with(Axis.of(key, values.toArray()));
  }

  /**
   * {@code key} one of {@code points} values spaced evenly on a log axis from lo to hi:
   * {@code logGrid("model.c", 0.01, 100, 5)} is 0.01, 0.1, 1, 10, 100 — a C sweep.
   */
  public SearchSpace logGrid(String key, double lo, double hi, int points) {
    if (points < 1) {
      throw new UserError("search space: logGrid " + key + " needs at least 1 point, got " + points);
    }
    Axis range = Axis.logUniform(key, lo, hi);
    return with(new Axis(key, Axis.Scale.LOG, range.grid(points), null));
  }

  private SearchSpace with(Axis axis) {
    List<Axis> all = new ArrayList<>(axes);
    all.add(axis);
    return new SearchSpace(all);
  }

  /** The model's own key for an experiment key: {@code model.c} → {@code c}; a short key stays as it is. */
  static String relative(String key) {
    return key.startsWith("model.") ? key.substring("model.".length()) : key;
  }

  /**
   * Checks the space against a spec before any fitting: every key must be one of the spec's
   * {@code params()}, and every axis must have at least one value the spec accepts. An axis none of
   * whose probed values is valid (say {@code uniform("model.c", -1, 0)}, where c must be > 0) is a one-line
   * {@link UserError} naming the parameter and the spec's own reason.
   */
  public void check(ClassifierSpec<?> spec) {
    if (axes.isEmpty()) {
      throw new UserError("search space is empty; add a parameter, e.g. searchSpace().logUniform(\"model.c\", 0.01, 10)");
    }
    Map<String, Object> params = spec.params();
    for (Axis axis : axes) {
      if (!params.containsKey(relative(axis.key()))) {
        throw new UserError("search space: " + spec.name() + " has no parameter '" + axis.key()
            + "'; valid keys: " + String.join(", ", params.keySet()));
      }
      String reason = null;
      for (Object value : axis.grid(9)) { // a finite axis: all its values; a range: both ends and points between
        try {
          apply(spec, Map.of(axis.key(), value));
          reason = null;
          break;
        } catch (UserError rejected) {
          reason = reason == null ? rejected.getMessage() : reason;
        }
      }
      if (reason != null) {
        throw new UserError("search space has no valid " + axis.key() + ": every value of " + axis.describe()
            + " is rejected (" + reason + ")");
      }
    }
  }

  /** {@code spec} with every parameter of {@code point} set; the spec's {@link UserError} if it rejects one. */
  static ClassifierSpec<?> apply(ClassifierSpec<?> spec, Map<String, Object> point) {
    ClassifierSpec<?> result = spec;
    for (Map.Entry<String, Object> entry : point.entrySet()) {
      result = (ClassifierSpec<?>) result.with(relative(entry.getKey()), Axis.text(entry.getValue()));
    }
    return result;
  }

  /** All combinations of the axes' grid values, the first axis varying slowest. */
  List<Map<String, Object>> grid(int pointsPerRange) {
    List<Map<String, Object>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (Axis axis : axes) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> partial : points) {
        for (Object value : axis.grid(pointsPerRange)) {
          Map<String, Object> point = new LinkedHashMap<>(partial);
          point.put(axis.key(), value);
          next.add(point);
        }
      }
      points = next;
    }
    return points;
  }

  /** Number of distinct points when every axis is finite (choices, integer ranges); else Long.MAX_VALUE. */
  long finiteSize() {
    return RandomPoints.size(axes);
  }

  /** The axes as one line, e.g. {@code model.c ~ log-uniform[0.01, 10], model.penalty in [l2, none]}. */
  public String describe() {
    return String.join(", ", axes.stream().map(Axis::describe).toList());
  }
}
