package dev.labkit.ground;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Random search, once for every caller ({@code --random N} and the random search of a nested CV): points
 * drawn from a list of {@link Axis}, each axis in turn, from one {@link Random}, so the same seed draws
 * the same points (Bergstra and Bengio, 2012). When every axis is finite, points are drawn without
 * replacement, as scikit-learn's {@code ParameterSampler}: no point twice, and a space smaller than
 * {@code n} is tried whole. A point that {@code accept} rejects (by throwing a {@link UserError}) is drawn again.
 */
public final class RandomPoints {
  /** Draws allowed per wanted point before deciding the space has (almost) no valid point. */
  static final int ATTEMPTS_PER_POINT = 100;

  private RandomPoints() {}

  /**
   * What was drawn: the accepted points (as {@code accept} made them), how many draws it took, and
   * the first rejection's reason (null when none was rejected).
   */
  public record Drawn<T>(List<T> accepted, int attempts, String firstReason) {}

  /** Number of distinct points when every axis is finite; else Long.MAX_VALUE. */
  public static long size(List<Axis> axes) {
    long size = 1;
    for (Axis axis : axes) {
      long values = axis.size();
      size = values == 0 ? 0 : size > Long.MAX_VALUE / values ? Long.MAX_VALUE : size * values;
    }
    return size;
  }

  /** One point: each axis drawn independently, in order. */
  public static Map<String, Object> point(List<Axis> axes, Random random) {
    Map<String, Object> point = new LinkedHashMap<>();
    axes.forEach(axis -> point.put(axis.key(), axis.draw(random)));
    return point;
  }

  /** Up to {@code n} accepted points (fewer only when the space is finite and smaller, or nearly all is rejected). */
  public static <T> Drawn<T> draw(List<Axis> axes, int n, Random random, Function<Map<String, Object>, T> accept) {
    if (n < 1) {
      throw new UserError("random search needs n ≥ 1 points, got " + n);
    }
    long finiteSize = size(axes);
    int wanted = (int) Math.min(n, finiteSize);
    Set<Map<String, Object>> drawn = new HashSet<>();
    List<T> valid = new ArrayList<>(wanted);
    String firstReason = null;
    int attempts = 0;
    while (valid.size() < wanted && drawn.size() < finiteSize && attempts < ATTEMPTS_PER_POINT * n) {
      attempts++;
      Map<String, Object> point = point(axes, random);
      if (finiteSize < Long.MAX_VALUE && !drawn.add(point)) {
        continue; // drawn before: without replacement
      }
      try {
        valid.add(accept.apply(point));
      } catch (UserError rejected) {
        firstReason = firstReason == null ? point + ": " + rejected.getMessage() : firstReason;
      }
    }
    return new Drawn<>(valid, attempts, firstReason);
  }
}
