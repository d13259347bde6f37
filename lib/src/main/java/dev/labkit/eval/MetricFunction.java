package dev.labkit.eval;

/** Your own metric: one number from a classifier's {@link Predictions} on one part of the data. */
@FunctionalInterface
public interface MetricFunction {
  double score(Predictions predictions);
}
