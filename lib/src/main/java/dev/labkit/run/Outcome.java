package dev.labkit.run;

import dev.labkit.ground.MeanStd;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finished trial of a sweep: what was set, its run folder, and what it measured. A trial run with
 * several seeds ({@code --repeat N}) is summed up by {@link #mean}: its metrics are the means over its
 * repeats and {@code spread} holds each metric's n, mean and sample standard deviation; empty for one run.
 */
public record Outcome(Trial trial, Path folder, Map<String, Double> metrics, Map<String, MeanStd> spread) {
  public Outcome {
    spread = spread == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(spread));
  }

  public Outcome(Trial trial, Path folder, Map<String, Double> metrics) {
    this(trial, folder, metrics, Map.of());
  }

  /**
   * A trial over its finished repeats (in repeat order): the means of their metrics, each metric's spread,
   * and the first repeat's trial and folder (the one run with the sweep's own seed, when it finished).
   */
  static Outcome mean(List<Outcome> repeats) {
    List<Map<String, Double>> metrics = repeats.stream().map(Outcome::metrics).toList();
    Outcome first = repeats.getFirst();
    return new Outcome(first.trial(), first.folder(), MeanStd.means(metrics), MeanStd.ofMetrics(metrics));
  }

  /** How many seeds {@code metric} was measured with: 1 for a trial run once. */
  public int seeds(String metric) {
    MeanStd stats = spread.get(metric);
    return stats == null ? 1 : stats.n();
  }

  /** The sample standard deviation of {@code metric} over the repeats, or null when there is none (one run). */
  public Double std(String metric) {
    MeanStd stats = spread.get(metric);
    return stats == null || !stats.hasSpread() ? null : stats.std();
  }
}
