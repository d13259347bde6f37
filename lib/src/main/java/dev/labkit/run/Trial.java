package dev.labkit.run;

import java.util.Map;

/**
 * One run of a sweep or comparison: the experiment with one model and no sweeps left, and the values
 * that made it ({@code model.c = 0.1}), which its re-run command sets.
 */
public record Trial(Experiment experiment, Map<String, String> assignment) {
  public Trial {
    assignment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assignment));
  }
}
