package dev.labkit.report;

import dev.labkit.chart.Chart;
import dev.labkit.ground.Axis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a chart lays out a param: the one place the report decides it. A sweep's run.json records each
 * swept key's scale ({@code sweep.axes}); the report uses it. For folders older than that (or a param no
 * sweep recorded) the scale is guessed by {@link Axis.Scale#guess}, the rule the sweep itself uses for an
 * explicit list. Charts compare trials only: a sweep's summary run (trial 0) lists every swept value
 * (params like {@code ["l1", "l2"]}), so it is never plotted.
 */
final class ParamAxes {
  private ParamAxes() {}

  /** Whether a run is a sweep's summary (trial 0), not one of its trials. */
  static boolean isSummary(Run run) {
    return run.sweep() != null && Integer.valueOf(0).equals(run.sweep().trial());
  }

  /** The runs a comparison chart may plot: every run but the sweeps' summary runs. */
  static List<Run> trials(List<Run> runs) {
    return runs.stream().filter(r -> !isSummary(r)).toList();
  }

  /** Whether every run has {@code key} as a number (so it can be a quantitative axis). */
  static boolean numeric(String key, List<Run> runs) {
    return !runs.isEmpty() && runs.stream().allMatch(r -> r.param(key) != null && r.param(key).number() != null);
  }

  /**
   * The scale each key's sweeps recorded in run.json, read from every run given (summary runs too: a
   * trial run by a worker process may not carry the axes); a key whose sweeps disagree is left out.
   */
  static Map<String, Axis.Scale> recorded(List<Run> runs) {
    Map<String, Set<Axis.Scale>> seen = new LinkedHashMap<>();
    runs.stream().map(Run::sweep).filter(Objects::nonNull).forEach(sweep -> sweep.axes()
        .forEach((key, axis) -> seen.computeIfAbsent(key, k -> new HashSet<>()).add(axis.scale())));
    Map<String, Axis.Scale> scales = new LinkedHashMap<>();
    seen.forEach((key, scale) -> {
      if (scale.size() == 1) {
        scales.put(key, scale.iterator().next());
      }
    });
    return scales;
  }

  /**
   * The scale of {@code key} across the plotted {@code runs}: CATEGORICAL unless every run has it as a
   * number; else the scale the sweeps recorded (LOG only for positive values), else the guess.
   */
  static Axis.Scale scale(String key, List<Run> runs, Map<String, Axis.Scale> recorded) {
    if (!numeric(key, runs)) {
      return Axis.Scale.CATEGORICAL;
    }
    List<Double> numbers = runs.stream().map(r -> r.param(key).number()).toList();
    Axis.Scale declared = recorded.get(key);
    Axis.Scale scale = declared != null && declared != Axis.Scale.CATEGORICAL ? declared : Axis.Scale.guess(numbers);
    return scale == Axis.Scale.LOG && numbers.stream().anyMatch(n -> !(n > 0)) ? Axis.Scale.LINEAR : scale;
  }

  /** The chart scale of a numeric axis. */
  static Chart.Scale chartScale(String key, List<Run> runs, Map<String, Axis.Scale> recorded) {
    return scale(key, runs, recorded) == Axis.Scale.LOG ? Chart.Scale.LOG : Chart.Scale.LINEAR;
  }

  /** The keys whose value differs between the runs (a trial's value, never a summary's list). */
  static List<String> varying(List<String> keys, List<Run> runs) {
    List<String> varying = new ArrayList<>();
    for (String key : keys) {
      if (runs.stream().map(r -> r.param(key) == null ? null : r.param(key).value()).distinct().count() > 1) {
        varying.add(key);
      }
    }
    return varying;
  }
}
