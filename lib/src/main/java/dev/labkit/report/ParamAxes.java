package dev.labkit.report;

import dev.labkit.ground.Axis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
   * The scale of {@code key} across {@code runs}: CATEGORICAL unless every run has it as a number; else
   * the scale the sweeps recorded (when they agree, and LOG only for positive values), else the guess.
   */
  static Axis.Scale scale(String key, List<Run> runs) {
    if (!numeric(key, runs)) {
      return Axis.Scale.CATEGORICAL;
    }
    List<Double> numbers = runs.stream().map(r -> r.param(key).number()).toList();
    List<Axis.Scale> recorded = runs.stream().map(Run::sweep).filter(Objects::nonNull)
        .map(s -> s.axes().get(key)).filter(Objects::nonNull).map(Axis::scale).distinct().toList();
    Axis.Scale scale = recorded.size() == 1 && recorded.getFirst() != Axis.Scale.CATEGORICAL ? recorded.getFirst()
        : Axis.Scale.guess(numbers);
    return scale == Axis.Scale.LOG && numbers.stream().anyMatch(n -> !(n > 0)) ? Axis.Scale.LINEAR : scale;
  }

  /** The chart scale of a numeric axis. */
  static Chart.Scale chartScale(String key, List<Run> runs) {
    return scale(key, runs) == Axis.Scale.LOG ? Chart.Scale.LOG : Chart.Scale.LINEAR;
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
