package dev.labkit.run;

import dev.labkit.ground.Axis;
import dev.labkit.ground.UserError;
import java.util.Arrays;
import java.util.List;

/**
 * One parameter tried at several values: {@code sweep("model.c", logGrid(0.01, 10, 8))}, an {@link Axis}
 * of typed values with its scale. {@link #values()} gives them in their text form, the form {@code --set}
 * takes, so a trial re-runs with {@code --set key=value}.
 */
public record Sweep(Axis axis) {
  public Sweep {
    if (!axis.finite()) {
      throw new UserError("sweep over " + axis.key() + " needs values, not a range: " + axis.describe());
    }
  }

  public String key() {
    return axis.key();
  }

  /** The values as {@code --set} takes them. */
  public List<String> values() {
    return axis.texts();
  }

  /** The text form of a value: numbers as people write them ({@code 0.1}, {@code 10}). */
  static String text(Object value) {
    return Axis.text(value);
  }

  static Sweep of(String key, Object... values) {
    return new Sweep(Axis.of(key, values));
  }

  /**
   * {@code n} values from {@code lo} to {@code hi}, evenly spaced on a log scale (numpy's
   * {@code logspace}), rounded to 3 significant digits so they read well in tables.
   */
  public static double[] logGrid(double lo, double hi, int n) {
    return Axis.logPoints(lo, hi, n).values();
  }

  @Override
  public String toString() {
    return key() + "=" + Arrays.toString(values().toArray());
  }
}
