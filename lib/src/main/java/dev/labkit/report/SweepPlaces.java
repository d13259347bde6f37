package dev.labkit.report;

import dev.labkit.ground.Axis;
import dev.labkit.ground.Selection;
import dev.labkit.report.Run.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The sweep part of run.json as the report reads it ({@link RunFolders}): a run's place in its sweep, the
 * sweep's axes and the rule it was ranked by, and a sweep summary's params shown as those axes.
 */
final class SweepPlaces {
  private SweepPlaces() {}

  /** run.json's {@code sweep}: the run's place in its sweep, or null for a run outside one. */
  static Run.SweepPlace of(JsonNode sweep) {
    String id = RunFolders.text(sweep.path("id"));
    if (!sweep.isObject() || id == null || id.isBlank()) {
      return null;
    }
    JsonNode trial = sweep.path("trial");
    JsonNode trials = sweep.path("trials");
    return new Run.SweepPlace(id, trial.isIntegralNumber() ? trial.asInt() : null,
        trials.isIntegralNumber() ? trials.asInt() : null, axes(sweep.path("axes")),
        Math.max(0, sweep.path("repeat").asInt(0)), Math.max(0, sweep.path("repeats").asInt(0)), rank(sweep.path("rank")));
  }

  /** The metric a script ranked its sweep by ({@code Experiment.rankBy}), or null for the kind's rule. */
  static Selection.Rule rank(JsonNode rank) {
    return rank.path("measure").isString()
        ? new Selection.Rule(rank.path("measure").asString(), rank.path("lowerIsBetter").asBoolean(false)) : null;
  }

  /**
   * A sweep summary's params as the sweep's axes: a swept key shows the axis it was swept over
   * ("log axis, 8 values: 0.01 … 10") rather than a list standing where a trial's one value would.
   */
  static List<Entry> asAxes(List<Entry> params, Run.SweepPlace sweep) {
    if (sweep == null || !Integer.valueOf(0).equals(sweep.trial()) || sweep.axes().isEmpty()) {
      return params;
    }
    return params.stream().map(e -> {
      Axis axis = sweep.axes().get(e.key());
      return axis == null ? e : new Entry(e.key(), axisText(axis), false);
    }).toList();
  }

  /** "log axis, 8 values: 0.01 … 10", "categorical axis, 2 values: l1, l2". */
  static String axisText(Axis axis) {
    List<String> texts = axis.texts();
    String values = texts.size() <= 4 ? String.join(", ", texts) : texts.getFirst() + " … " + texts.getLast();
    return axis.scale().json() + " axis, " + texts.size() + (texts.size() == 1 ? " value: " : " values: ") + values;
  }

  /** run.json's {@code sweep.axes}: per key its scale and typed values; a malformed entry is left out. */
  private static Map<String, Axis> axes(JsonNode axes) {
    Map<String, Axis> out = new LinkedHashMap<>();
    if (!axes.isObject()) {
      return out;
    }
    for (var entry : axes.properties()) {
      Axis.Scale scale = Axis.Scale.parse(RunFolders.text(entry.getValue().path("scale")));
      JsonNode values = entry.getValue().path("values");
      if (scale == null || !values.isArray() || values.isEmpty()) {
        continue;
      }
      List<Object> typed = new ArrayList<>();
      values.forEach(v -> typed.add(v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber() ? v.asDouble() : v.asString()));
      out.put(entry.getKey(), new Axis(entry.getKey(), scale, typed, null));
    }
    return out;
  }
}
