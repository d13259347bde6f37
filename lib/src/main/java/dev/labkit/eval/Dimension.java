package dev.labkit.eval;

import dev.labkit.Params;
import dev.labkit.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One axis of a {@link SearchSpace}: a parameter key and the values it may take. */
public sealed interface Dimension {
  /** The spec's {@code params()} key this axis sets, e.g. {@code c}. */
  String key();

  /** One value drawn at random. */
  Object sample(Random random);

  /** Values for a grid search: a finite axis gives all of them, a range {@code points} spread over it. */
  List<Object> grid(int points);

  /** The axis as people write it: {@code c ~ log-uniform[0.01, 10]}. */
  String describe();

  /** A finite list of values (numbers, strings, booleans), tried in order by a grid search. */
  record Choice(String key, List<Object> values) implements Dimension {
    public Choice {
      if (values.isEmpty()) {
        throw new UserError("search space: " + key + " has no values to choose from; give at least one");
      }
      values = List.copyOf(values);
    }

    @Override
    public Object sample(Random random) {
      return values.get(random.nextInt(values.size()));
    }

    @Override
    public List<Object> grid(int points) {
      return values;
    }

    @Override
    public String describe() {
      return key + " in " + values;
    }
  }

  /** A real number, every value of [lo, hi] equally likely. For a location (a shift), not a scale. */
  record Uniform(String key, double lo, double hi) implements Dimension {
    public Uniform {
      checkRange(key, lo, hi, "uniform");
    }

    @Override
    public Object sample(Random random) {
      return lo + (hi - lo) * random.nextDouble();
    }

    @Override
    public List<Object> grid(int points) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < points; i++) {
        values.add(points == 1 ? lo : lo + (hi - lo) * i / (points - 1));
      }
      return values;
    }

    @Override
    public String describe() {
      return key + " ~ uniform[" + Params.show(lo) + ", " + Params.show(hi) + "]";
    }
  }

  /**
   * A positive real number whose logarithm is uniform on [log lo, log hi]: each decade (0.01–0.1, 0.1–1,
   * 1–10) is equally likely. Use it for scale parameters such as {@code c} or a learning rate, whose
   * effect depends on their order of magnitude: uniform on [0.01, 10] puts 90 % of the draws above 1 and
   * almost never tries 0.01–0.1, a bias one lab report noted; log-uniform gives each decade a third.
   */
  record LogUniform(String key, double lo, double hi) implements Dimension {
    public LogUniform {
      checkRange(key, lo, hi, "logUniform");
      if (!(lo > 0)) {
        throw new UserError("search space: logUniform " + key + " needs lo > 0 (the log of " + Params.show(lo)
            + " is undefined), got [" + Params.show(lo) + ", " + Params.show(hi) + "]");
      }
    }

    @Override
    public Object sample(Random random) {
      return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * random.nextDouble());
    }

    /** Geometrically spaced values (numpy's {@code geomspace}): equal steps on a log axis. */
    @Override
    public List<Object> grid(int points) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < points; i++) {
        values.add(points == 1 ? lo : Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (points - 1)));
      }
      values.set(values.size() - 1, points == 1 ? lo : hi); // exactly hi, not exp(log hi) ± rounding
      return values;
    }

    @Override
    public String describe() {
      return key + " ~ log-uniform[" + Params.show(lo) + ", " + Params.show(hi) + "]";
    }
  }

  /** A whole number of [lo, hi] (both included), each equally likely; a grid takes every one of them. */
  record IntUniform(String key, int lo, int hi) implements Dimension {
    public IntUniform {
      if (lo > hi) {
        throw new UserError("search space: intUniform " + key + " range [" + lo + ", " + hi
            + "] is empty; give lo ≤ hi");
      }
    }

    @Override
    public Object sample(Random random) {
      return lo + random.nextInt(hi - lo + 1);
    }

    @Override
    public List<Object> grid(int points) {
      List<Object> values = new ArrayList<>();
      for (int v = lo; v <= hi; v++) {
        values.add(v);
      }
      return values;
    }

    @Override
    public String describe() {
      return key + " ~ integer[" + lo + ", " + hi + "]";
    }
  }

  private static void checkRange(String key, double lo, double hi, String kind) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
      throw new UserError("search space: " + kind + " " + key + " range [" + show(lo) + ", "
          + show(hi) + "] is empty; give finite lo < hi, e.g. " + kind + "(\"" + key + "\", "
          + show(Math.min(lo, hi)) + ", " + show(Math.max(lo, hi)) + ")");
    }
  }

  private static String show(double value) {
    return Double.isFinite(value) ? Params.show(value) : String.valueOf(value);
  }
}
