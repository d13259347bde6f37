package dev.labkit.ground;

import dev.labkit.ground.Axis.Scale;
import java.util.Arrays;

/**
 * Numbers that know their scale, for {@code .sweep(key, points)}: what the script's {@code logGrid(0.01, 10, 8)}
 * gives, so the sweep's axis is log because the script said so, not because the values look it.
 */
public record Points(Scale scale, double[] values) {
  public Points {
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}

