package dev.labkit.run;

import dev.labkit.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * One parameter tried at several values: {@code sweep("model.c", logGrid(0.01, 10, 8))}. Values are
 * kept in their text form, the form {@code --set} takes, so a trial re-runs with {@code --set key=value}.
 */
public record Sweep(String key, List<String> values) {
  public Sweep {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new dev.labkit.UserError("sweep over " + key + " has no values; give at least one");
    }
  }

  /** The text form of a value: numbers as people write them ({@code 0.1}, {@code 10}). */
  static String text(Object value) {
    return value instanceof Number number ? Params.show(number.doubleValue())
        : value instanceof Enum<?> constant ? Params.name(constant) : String.valueOf(value);
  }

  static Sweep of(String key, Object... values) {
    List<String> texts = new ArrayList<>();
    for (Object value : values) {
      if (value instanceof double[] array) {
        for (double v : array) {
          texts.add(text(v));
        }
      } else {
        texts.add(text(value));
      }
    }
    return new Sweep(key, texts);
  }

  /**
   * {@code n} values from {@code lo} to {@code hi}, evenly spaced on a log scale (numpy's
   * {@code logspace}), rounded to 3 significant digits so they read well in tables.
   */
  public static double[] logGrid(double lo, double hi, int n) {
    if (!(lo > 0) || !(hi > lo) || n < 2) {
      throw new dev.labkit.UserError("logGrid needs 0 < lo < hi and n ≥ 2, got lo " + Params.show(lo) + ", hi "
          + Params.show(hi) + ", n " + n);
    }
    double[] grid = new double[n];
    for (int i = 0; i < n; i++) {
      double value = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (n - 1));
      grid[i] = new java.math.BigDecimal(value).round(new java.math.MathContext(3)).doubleValue();
    }
    return grid;
  }
}
