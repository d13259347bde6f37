package dev.labkit.model;

import dev.labkit.data.Dataset;
import dev.labkit.ground.UserError;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Your own classifier: any code that fits on the training set and returns a {@link Predictor} (a Smile model
 * through {@link Predictor#of}, or your own). Its params, declared with {@link #param}, are shown, swept,
 * searched and set with {@code --set model.<key>=} like a built-in model's; their defaults fix their types.
 *
 * <pre>{@code
 * Lab.classifier("smile-knn", t -> Predictor.of(smile.classification.KNN.fit(t.x(), t.y(), t.integer("k"))))
 *     .param("k", 15)
 * }</pre>
 *
 * @param name   the model's name in params and pages (lower-case, dashes)
 * @param values the params, in declaration order
 * @param fit    the code that fits
 */
public record OwnClassifier(String name, Map<String, Object> values, Fit fit)
    implements ClassifierSpec<OwnClassifier> {

  /** Fits your classifier on {@link Training}'s data with its params. */
  @FunctionalInterface
  public interface Fit {
    Predictor fit(Training training) throws Exception;
  }

  /**
   * What a fit gets: the training examples as rows of doubles (what Smile takes), their classes, the
   * run's seed (use it for every random choice, so a run reproduces), the params, and {@link #log()} for
   * curves, images and tables of your own training steps.
   */
  public record Training(Dataset data, long seed, OwnClassifier spec, RunLog log) {
    /** The examples as rows of doubles, one per example. */
    public double[][] x() {
      int d = data.featureCount();
      double[][] rows = new double[data.size()][d];
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < d; j++) {
          rows[i][j] = data.features()[i * d + j];
        }
      }
      return rows;
    }

    public int[] y() {
      return data.labels();
    }

    public int classes() {
      return data.numClasses();
    }

    /** A number param's value. */
    public double number(String key) {
      return ((Number) spec.value(key)).doubleValue();
    }

    /** A whole-number param's value. */
    public int integer(String key) {
      return ((Number) spec.value(key)).intValue();
    }

    /** A param's text. */
    public String text(String key) {
      return String.valueOf(spec.value(key));
    }

    public boolean flag(String key) {
      return (Boolean) spec.value(key);
    }
  }

  public OwnClassifier {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new UserError("classifier name '" + name + "' must be lower-case letters, digits and dashes, e.g. my-lda");
    }
    if (fit == null) {
      throw new UserError("classifier " + name + " needs a fit function: Lab.classifier(\"" + name + "\", t -> ...)");
    }
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The same classifier with one more param, {@code value} its default (a number, whole number, text or boolean). */
  public OwnClassifier param(String key, Object value) {
    if (key == null || !key.matches("[a-z][a-z0-9_]*")) {
      throw new UserError(name + ": param name '" + key + "' must be lower_snake, e.g. n_components");
    }
    if (!(value instanceof Number || value instanceof String || value instanceof Boolean)) {
      throw new UserError(name + "." + key + ": a param's default is a number, a text or a boolean, got " + value);
    }
    Map<String, Object> more = new LinkedHashMap<>(values);
    more.put(key, value instanceof Float || value instanceof Double ? ((Number) value).doubleValue()
        : value instanceof Number n && !(value instanceof Integer) ? n.intValue() : value);
    return new OwnClassifier(name, more, fit);
  }

  /** A param's value; one line naming the declared params when there is no such param. */
  public Object value(String key) {
    if (!values.containsKey(key)) {
      throw new UserError(name + " has no param '" + key + "'; declare it with .param(\"" + key + "\", default)"
          + (values.isEmpty() ? "" : " (declared: " + String.join(", ", values.keySet()) + ")"));
    }
    return values.get(key);
  }

  @Override
  public Map<String, Object> params() {
    return values;
  }

  @Override
  public OwnClassifier with(String key, String text) {
    Object old = value(key);
    String t = text.trim();
    Object parsed;
    try {
      parsed = switch (old) {
        case Integer i -> Integer.parseInt(t);
        case Number n -> Double.parseDouble(t);
        case Boolean b -> switch (t.toLowerCase(Locale.ROOT)) {
          case "true" -> true;
          case "false" -> false;
          default -> throw new NumberFormatException();
        };
        default -> t;
      };
    } catch (NumberFormatException e) {
      throw new UserError("model." + key + "=" + text + ": " + name + "'s " + key + " is a "
          + (old instanceof Integer ? "whole number" : old instanceof Boolean ? "true or false" : "number")
          + " (its default is " + old + ")");
    }
    Map<String, Object> changed = new LinkedHashMap<>(values);
    changed.put(key, parsed);
    return new OwnClassifier(name, changed, fit);
  }
}
