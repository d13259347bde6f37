package dev.labkit.neural;

import dev.labkit.Params;
import dev.labkit.UserError;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Where gradient descent starts: every weight and the bias at zero, at given values (W = b = 0.5, or
 * W = 3.1 and b = 1.9 to start near the answer), or drawn from N(0, std²) with the run's seed.
 *
 * @param kind {@code zeros}, {@code constant} (every weight init_w, the bias init_b) or {@code normal}
 * @param w    the starting weight of {@code constant}
 * @param b    the starting bias of {@code constant}
 * @param std  the standard deviation of {@code normal}, > 0
 */
public record Init(Kind kind, double w, double b, double std) {
  public enum Kind { ZEROS, CONSTANT, NORMAL }

  public Init {
    if (kind == null) {
      throw new UserError("init must be one of zeros, constant, normal, got nothing");
    }
    if (!Double.isFinite(w) || !Double.isFinite(b)) {
      throw new UserError("init_w and init_b must be finite numbers, got " + w + " and " + b);
    }
    if (!(std > 0) || Double.isInfinite(std)) {
      throw new UserError("init_std must be > 0, got " + Params.show(std));
    }
  }

  public static Init zeros() {
    return new Init(Kind.ZEROS, 0, 0, 1);
  }

  /** Every weight at {@code w}, the bias at {@code b}. */
  public static Init constant(double w, double b) {
    return new Init(Kind.CONSTANT, w, b, 1);
  }

  public static Init normal(double std) {
    return new Init(Kind.NORMAL, 0, 0, std);
  }

  /** The starting weights (the first {@code features} values) and bias (the last), drawn from {@code random}. */
  public double[] start(int features, RandomGenerator random) {
    double[] values = new double[features + 1];
    switch (kind) {
      case ZEROS -> { }
      case CONSTANT -> {
        Arrays.fill(values, w);
        values[features] = b;
      }
      case NORMAL -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = std * random.nextGaussian();
        }
      }
    }
    return values;
  }

  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("init", Params.name(kind));
    params.put("init_w", w);
    params.put("init_b", b);
    params.put("init_std", std);
    return params;
  }

  public static boolean has(String key) {
    return zeros().params().containsKey(key);
  }

  public Init with(String key, String value) {
    return switch (key) {
      case "init" -> new Init(Params.parseEnum(key, value, Kind.class), w, b, std);
      case "init_w" -> new Init(kind, Params.parseDouble(key, value), b, std);
      case "init_b" -> new Init(kind, w, Params.parseDouble(key, value), std);
      case "init_std" -> new Init(kind, w, b, Params.parseDouble(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }
}
