package dev.labkit.run;

import dev.labkit.ground.Axis;
import dev.labkit.ground.Grids;
import dev.labkit.ground.Params;
import dev.labkit.ground.UserError;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One {@code --sweep} option of the command line, parsed:
 *
 * <pre>
 * --sweep model.c=0.1,1,10             the listed values
 * --sweep model.c=log:0.01..10:8       8 values evenly spaced on a log scale (as logGrid(0.01, 10, 8))
 * --sweep model.max_iter=lin:50..200:4 4 values evenly spaced: 50, 100, 150, 200
 * --sweep model.c=log:0.01..10         a range without a count: only with --random N, which draws from it
 * </pre>
 *
 * @param values the listed values; empty for a range
 * @param scale  "log" or "lin" for a range, null for a list
 * @param count  how many grid points a range has; 0 when none was given (random search only)
 */
public record SweepRange(String key, List<String> values, String scale, double lo, double hi, int count,
    boolean integers) {
  private static final String EXAMPLE = "e.g. --sweep model.c=0.1,1,10 or --sweep model.c=log:0.01..10:8";

  public SweepRange {
    values = List.copyOf(values);
  }

  public static SweepRange parse(String option) {
    int eq = option.indexOf('=');
    if (eq <= 0) {
      throw new UserError("--sweep takes KEY=VALUES, got '" + option + "' (" + EXAMPLE + ")");
    }
    String key = option.substring(0, eq).trim();
    String spec = option.substring(eq + 1).trim();
    if (spec.isEmpty()) {
      throw new UserError("--sweep " + option + ": no values; give a list or a range (" + EXAMPLE + ")");
    }
    if (spec.startsWith("log:") || spec.startsWith("lin:")) {
      return range(option, key, spec);
    }
    List<String> values = new ArrayList<>();
    for (String value : spec.split(",", -1)) {
      if (value.isBlank()) {
        throw new UserError("--sweep " + option + ": an empty value in the list; separate values by single commas ("
            + EXAMPLE + ")");
      }
      values.add(value.trim());
    }
    return new SweepRange(key, values, null, 0, 0, 0, false);
  }

  private static SweepRange range(String option, String key, String spec) {
    String scale = spec.substring(0, 3);
    String[] parts = spec.substring(4).split(":", -1);
    String[] bounds = parts[0].split("\\.\\.", -1);
    if (parts.length > 2 || bounds.length != 2) {
      throw new UserError("--sweep " + option + ": a range is " + scale + ":LO..HI:N (a grid of N values) or "
          + scale + ":LO..HI (with --random), got '" + spec + "'");
    }
    double lo = Params.parseDouble("--sweep " + key + " low end", bounds[0]);
    double hi = Params.parseDouble("--sweep " + key + " high end", bounds[1]);
    int count = parts.length == 2 ? Params.parseInt("--sweep " + key + " count", parts[1]) : 0;
    if (!(lo < hi)) {
      throw new UserError("--sweep " + option + ": the range is empty (low end " + Params.show(lo)
          + " is not below high end " + Params.show(hi) + "); write " + scale + ":LO..HI with LO < HI");
    }
    if (scale.equals("log") && !(lo > 0)) {
      throw new UserError("--sweep " + option + ": a log range needs a low end > 0, got " + Params.show(lo)
          + "; use lin: for ranges that reach 0 or below");
    }
    if (parts.length == 2 && count < 2) {
      throw new UserError("--sweep " + option + ": a grid needs at least 2 values, got " + count
          + "; for one value use --set " + key + "=" + Params.show(lo));
    }
    boolean integers = isWhole(bounds[0]) && isWhole(bounds[1]);
    return new SweepRange(key, List.of(), scale, lo, hi, count, integers);
  }

  public boolean isRange() {
    return scale != null;
  }

  /**
   * The option as an {@link Axis}: a list's values typed (numbers as numbers), a range with a count its
   * grid (log or linear), a range without one the range a random search draws from.
   */
  public Axis axis() {
    if (!isRange()) {
      return Axis.parse(key, values);
    }
    boolean log = scale.equals("log");
    if (count == 0) {
      return log ? Axis.logUniform(key, lo, hi) : Axis.uniform(key, lo, hi);
    }
    if (log && integers) {
      List<Object> whole = Arrays.stream(Grids.logspace(lo, hi, count)).mapToObj(v -> (Object) Math.round(v))
          .distinct().toList();
      return new Axis(key, Axis.Scale.LOG, whole, null);
    }
    if (log) {
      return Axis.logGrid(key, lo, hi, count);
    }
    return Axis.linGrid(key, lo, hi, count, integers);
  }

  /** The values of a grid sweep: the list, or the range's {@code count} points. */
  public List<String> grid() {
    if (isRange() && count == 0) {
      throw new UserError("--sweep " + key + "=" + scale + ":" + Params.show(lo) + ".." + Params.show(hi)
          + " has no count: add :N for a grid (" + scale + ":" + Params.show(lo) + ".." + Params.show(hi)
          + ":8), or draw from it with --random N");
    }
    return isRange() ? axis().texts() : values;
  }

  /**
   * A drawn value as the command line records it: a range's draw to 3 significant digits (whole
   * numbers when both ends are written whole), a list's value as it is.
   */
  public Object rounded(Object drawn) {
    return isRange() ? Axis.number(show(((Number) drawn).doubleValue())) : drawn;
  }

  /**
   * One random value: log ranges log-uniformly (every decade as likely, as scikit-learn's
   * {@code loguniform}), lin ranges uniformly, lists by picking one value.
   */
  public String draw(Random random) {
    return Axis.text(rounded(axis().draw(random)));
  }

  /** Whole numbers when both ends are written as whole numbers (counts, iterations), else 3 significant digits. */
  private String show(double value) {
    if (integers) {
      return Long.toString(Math.round(value));
    }
    return Params.show(new BigDecimal(value).round(new MathContext(3)).doubleValue());
  }

  private static boolean isWhole(String text) {
    return text.trim().matches("-?\\d+");
  }
}
