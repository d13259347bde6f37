package dev.labkit.ground;

/** The range of an {@link Axis} a random search draws from: [lo, hi], both ends included for whole numbers. */
public record Range(Distribution distribution, double lo, double hi) {
  /** How a random search draws from a range. */
  public enum Distribution { UNIFORM, LOG_UNIFORM, INT_UNIFORM }
}
