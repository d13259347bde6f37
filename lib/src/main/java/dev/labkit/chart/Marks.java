package dev.labkit.chart;

import dev.labkit.ground.Params;

/**
 * Marks on a training curve: a metric named {@code mark/<kind>} at a step (a learning-rate drop, an early
 * stop) is drawn as a labelled rule on the curves of its run, not as a curve of its own.
 */
public final class Marks {
  /** The prefix of a mark's metric name: {@code mark/lr_drop}. */
  public static final String PREFIX = "mark/";

  private Marks() {}

  /** What a mark's rule says: "lr → 0.005" for a learning-rate drop, else its kind in words. */
  public static String label(String kind, double value) {
    return switch (kind) {
      case "lr_drop" -> "lr → " + Params.show(value);
      default -> kind.replace('_', ' ');
    };
  }
}
