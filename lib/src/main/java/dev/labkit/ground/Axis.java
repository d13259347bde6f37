package dev.labkit.ground;

import dev.labkit.ground.Range.Distribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * One swept or searched parameter: a dotted experiment key ({@code model.c}) and either the values a
 * grid tries or the range a random search draws from, with the scale its values live on. Values keep
 * their type: numbers stay numbers (whole ones {@link Integer} or {@link Long} as given, others {@link Double}),
 * categories stay strings. The text form of a value ({@link #text}) is what {@code --set key=value} takes.
 *
 * <pre>{@code
 * Axis.of("model.penalty", "l1", "l2")            // categorical
 * Axis.logGrid("model.c", 0.01, 10, 8)            // 8 values, log scale, 3 significant digits
 * Axis.logUniform("model.c", 0.01, 10)            // a range: random search draws from it
 * }</pre>
 *
 * @param values the values of a finite axis (a grid or a choice); empty for a range
 * @param range  the range of a continuous or integer axis; null for a finite one
 * @param texts  each value as {@code --set} takes it: as the user wrote it ({@code 1e-4} from a {@code --sweep}
 *               list), else {@link #text} of the value
 */
public record Axis(String key, Scale scale, List<Object> values, Range range, List<String> texts) {

  /** How an axis's values are laid out: on a log scale, a linear one, or as unordered categories. */
  public enum Scale {
    LOG, LINEAR, CATEGORICAL;

    /** As run.json writes it: {@code log}, {@code linear}, {@code categorical}. */
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The scale run.json names, or null for anything else. */
    public static Scale parse(String text) {
      for (Scale scale : values()) {
        if (scale.json().equals(text)) {
          return scale;
        }
      }
      return null;
    }

    /**
     * The scale of numbers nobody declared one for (an explicit list, or a run folder older than
     * recorded scales): logarithmic when every value is positive and they span two decades or more.
     */
    public static Scale guess(List<? extends Number> numbers) {
      double min = numbers.stream().mapToDouble(Number::doubleValue).min().orElse(0);
      double max = numbers.stream().mapToDouble(Number::doubleValue).max().orElse(0);
      return min > 0 && max / min >= 100 ? LOG : LINEAR;
    }
  }

  /** {@link #logGrid}'s values with their scale, to pass to {@code .sweep(key, …)}. */
  public static Points logPoints(double lo, double hi, int n) {
    return new Points(Scale.LOG, logGrid("logGrid", lo, hi, n).values.stream().mapToDouble(v -> ((Number) v).doubleValue())
        .toArray());
  }

  public Axis {
    if (key == null || key.isBlank()) {
      throw new UserError("an axis needs a parameter key, e.g. model.c");
    }
    values = List.copyOf(values);
    if (range == null && values.isEmpty()) {
      throw new UserError("sweep over " + key + " has no values; give at least one");
    }
    texts = texts == null || texts.size() != values.size() ? values.stream().map(Axis::text).toList() : List.copyOf(texts);
  }

  public Axis(String key, Scale scale, List<Object> values, Range range) {
    this(key, scale, values, range, null);
  }

  /** The listed values (or one {@link Points} or {@link Axis}): numbers stay numbers (log or linear as {@link Scale#guess} says), anything else a category. */
  public static Axis of(String key, Object... values) {
    if (values.length == 1 && values[0] instanceof Axis axis) { // an axis built elsewhere (a --sweep option)
      return axis.key().equals(key) ? axis : new Axis(key, axis.scale(), axis.values(), axis.range(), axis.texts());
    }
    List<Object> typed = new ArrayList<>();
    Scale declared = null;
    for (Object value : values) {
      if (value instanceof Points points) {
        declared = values.length == 1 ? points.scale() : null;
        for (double v : points.values()) {
          typed.add(AxisValues.typed(v));
        }
      } else if (value instanceof double[] array) {
        for (double v : array) {
          typed.add(AxisValues.typed(v));
        }
      } else if (value instanceof int[] array) {
        for (int v : array) {
          typed.add((long) v);
        }
      } else {
        typed.add(AxisValues.typed(value));
      }
    }
    Axis axis = list(key, typed);
    return declared == null ? axis : new Axis(key, declared, axis.values(), null);
  }

  /** Values given as text (a {@code --sweep} list): those that read as numbers become numbers. */
  public static Axis parse(String key, List<String> texts) {
    List<Object> typed = new ArrayList<>();
    texts.forEach(text -> typed.add(number(text.trim()) instanceof Number n ? AxisValues.typed(n) : text.trim()));
    Axis axis = list(key, typed);
    return new Axis(key, axis.scale(), typed, null, texts.stream().map(String::trim).toList());
  }

  private static Axis list(String key, List<Object> typed) {
    boolean numeric = !typed.isEmpty() && typed.stream().allMatch(v -> v instanceof Number);
    Scale scale = numeric ? Scale.guess(typed.stream().map(v -> (Number) v).toList()) : Scale.CATEGORICAL;
    return new Axis(key, scale, typed, null);
  }

  /** A choice among {@code values} for a random search: every value equally likely. */
  public static Axis choice(String key, Object... values) {
    if (values.length == 0) {
      throw new UserError("search space: " + key + " has no values to choose from; give at least one");
    }
    return of(key, values);
  }

  /**
   * {@code n} values from {@code lo} to {@code hi}, evenly spaced on a log scale ({@link Grids#logspace}),
   * rounded to 3 significant digits so they read well in tables.
   */
  public static Axis logGrid(String key, double lo, double hi, int n) {
    List<Object> values = new ArrayList<>();
    for (double v : Grids.logspace(lo, hi, n)) {
      values.add(AxisValues.typed(AxisValues.round3(v)));
    }
    return new Axis(key, Scale.LOG, values.stream().distinct().toList(), null);
  }

  /** {@code n} values from {@code lo} to {@code hi} evenly spaced; whole numbers when {@code whole}, else 3 significant digits. */
  public static Axis linGrid(String key, double lo, double hi, int n, boolean whole) {
    Grids.check("linGrid", lo, hi, n);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double v = lo + (hi - lo) * i / (n - 1);
      values.add(whole ? (Object) Math.round(v) : AxisValues.typed(AxisValues.round3(v)));
    }
    return new Axis(key, Scale.LINEAR, values.stream().distinct().toList(), null);
  }

  /** A real number, every value of [lo, hi] equally likely: for a location (a shift), not a scale. */
  public static Axis uniform(String key, double lo, double hi) {
    checkRange(key, lo, hi, "uniform");
    return new Axis(key, Scale.LINEAR, List.of(), new Range(Distribution.UNIFORM, lo, hi));
  }

  /**
   * A positive real number whose logarithm is uniform on [log lo, log hi]: each decade equally likely
   * (scikit-learn's {@code loguniform}). For scale parameters such as {@code c} or a learning rate.
   */
  public static Axis logUniform(String key, double lo, double hi) {
    checkRange(key, lo, hi, "logUniform");
    if (!(lo > 0)) {
      throw new UserError("search space: logUniform " + key + " needs lo > 0 (the log of " + text(lo)
          + " is undefined), got [" + text(lo) + ", " + text(hi) + "]");
    }
    return new Axis(key, Scale.LOG, List.of(), new Range(Distribution.LOG_UNIFORM, lo, hi));
  }

  /** A whole number of [lo, hi], both included, e.g. a tree depth. */
  public static Axis intUniform(String key, int lo, int hi) {
    if (lo > hi) {
      throw new UserError("search space: intUniform " + key + " range [" + lo + ", " + hi + "] is empty; give lo ≤ hi");
    }
    return new Axis(key, Scale.LINEAR, List.of(), new Range(Distribution.INT_UNIFORM, lo, hi));
  }

  private static void checkRange(String key, double lo, double hi, String kind) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
      throw new UserError("search space: " + kind + " " + key + " range [" + text(lo) + ", " + text(hi)
          + "] is empty; give finite lo < hi, e.g. " + kind + "(\"" + key + "\", " + text(Math.min(lo, hi)) + ", "
          + text(Math.max(lo, hi)) + ")");
    }
  }

  /** Whether the axis is a finite list of values (a grid or a choice) rather than a range. */
  public boolean finite() {
    return range == null;
  }

  /** The same key and scale with other values: the values a random search drew, say. */
  public Axis withValues(List<Object> drawn) {
    return new Axis(key, scale, drawn, null);
  }

  /** The text of one of the axis's values (as the user wrote it), or {@link #text} of any other value. */
  public String textOf(Object value) {
    int at = values.indexOf(value);
    return at >= 0 ? texts.get(at) : text(value);
  }

  /** The value whose text is {@code text}, or {@code text} itself when the axis has no such value. */
  public Object value(String text) {
    int at = texts.indexOf(text);
    return at >= 0 ? values.get(at) : text;
  }

  /** Number of distinct values: the list's size, a whole-number range's width; else Long.MAX_VALUE. */
  public long size() {
    if (range == null) {
      return values.size();
    }
    return range.distribution() == Distribution.INT_UNIFORM ? (long) range.hi() - (long) range.lo() + 1 : Long.MAX_VALUE;
  }

  /** Values for a grid search: a finite axis gives all, a range {@code points} spread over it (geometrically for a log one). */
  public List<Object> grid(int points) {
    if (range == null) {
      return values;
    }
    double lo = range.lo();
    double hi = range.hi();
    List<Object> grid = new ArrayList<>();
    switch (range.distribution()) {
      case INT_UNIFORM -> {
        for (long v = (long) lo; v <= (long) hi; v++) {
          grid.add((int) v);
        }
      }
      case LOG_UNIFORM -> {
        for (int i = 0; i < points; i++) {
          grid.add(points == 1 ? lo : i == points - 1 ? hi : Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (points - 1)));
        }
      }
      case UNIFORM -> {
        for (int i = 0; i < points; i++) {
          grid.add(points == 1 ? lo : lo + (hi - lo) * i / (points - 1));
        }
      }
    }
    return grid;
  }

  /** One value drawn at random: a list's value, or a draw from the range by its distribution. */
  public Object draw(Random random) {
    if (range == null) {
      return values.get(random.nextInt(values.size()));
    }
    double lo = range.lo();
    double hi = range.hi();
    return switch (range.distribution()) {
      case UNIFORM -> lo + (hi - lo) * random.nextDouble();
      case LOG_UNIFORM -> Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * random.nextDouble());
      case INT_UNIFORM -> (int) lo + random.nextInt((int) hi - (int) lo + 1);
    };
  }

  /** The axis as people write it: {@code c ~ log-uniform[0.01, 10]}, {@code penalty in [l2, none]}. */
  public String describe() {
    if (range == null) {
      return key + " in " + texts();
    }
    return switch (range.distribution()) {
      case UNIFORM -> key + " ~ uniform[" + text(range.lo()) + ", " + text(range.hi()) + "]";
      case LOG_UNIFORM -> key + " ~ log-uniform[" + text(range.lo()) + ", " + text(range.hi()) + "]";
      case INT_UNIFORM -> key + " ~ integer[" + (long) range.lo() + ", " + (long) range.hi() + "]";
    };
  }

  /** What run.json records of the axis: {@code {"scale": "log", "values": [0.01, 0.0268, …]}}. */
  public Map<String, Object> record() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scale", scale.json());
    out.put("values", values);
    return out;
  }

  /** The text form of a value, as {@code --set} takes it: numbers as people write them ({@code 0.1}, {@code 10}). */
  public static String text(Object value) {
    return AxisValues.text(value);
  }

  /** The number a text reads as (Long when whole and written so, else Double), or null. */
  public static Object number(String text) {
    return AxisValues.number(text);
  }
}
