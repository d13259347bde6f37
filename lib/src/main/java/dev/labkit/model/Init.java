package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import java.util.Arrays;
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
public record Init(Kind kind, double w, double b, double std) implements DeclaredSpec<Init> {
  public enum Kind { ZEROS, CONSTANT, NORMAL }

  private static final Declare<Init> P = Declare.of(Init.class);

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<Init> PARAMS = ParamTable.of(
      P.choice("init", Kind.class, Init::kind, (i, v) -> new Init(v, i.w, i.b, i.std),
          "`zeros`, `constant` (every weight `init_w`, the bias `init_b`) or `normal` (std `init_std`, seeded)"),
      P.number("init_w", Init::w, (i, v) -> new Init(i.kind, v, i.b, i.std), "the starting weight of `constant`")
          .check(Double::isFinite, "a finite number"),
      P.number("init_b", Init::b, (i, v) -> new Init(i.kind, i.w, v, i.std), "the starting bias of `constant`")
          .check(Double::isFinite, "a finite number"),
      P.number("init_std", Init::std, (i, v) -> new Init(i.kind, i.w, i.b, v), "the standard deviation of `normal`")
          .check(v -> v > 0 && !v.isInfinite(), "> 0"));

  public Init {
    PARAMS.validate(kind, w, b, std);
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

  @Override
  public ParamTable<Init> paramTable() {
    return PARAMS;
  }

  /** Whether {@code key} is one of {@link #params()}' keys, so a model spec knows to route it here. */
  public static boolean has(String key) {
    return PARAMS.has(key);
  }

}
