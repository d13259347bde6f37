package dev.labkit.run;

import dev.labkit.ground.Axis;
import dev.labkit.model.ModelSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a sweep or comparison: the experiment with one model and no sweeps left, and the values
 * that made it ({@code model.c = 0.1}), which its re-run command sets.
 *
 * @param assignment each swept key's value in the text form {@code --set key=value} takes
 * @param axes       the axes of the sweep this trial is one of (typed values and scales); empty when unknown
 */
public record Trial(Experiment experiment, Map<String, String> assignment, List<Axis> axes) {
  public Trial {
    assignment = Collections.unmodifiableMap(new LinkedHashMap<>(assignment));
    axes = List.copyOf(axes);
  }

  public Trial(Experiment experiment, Map<String, String> assignment) {
    this(experiment, assignment, List.of());
  }

  /** Every run {@code e} makes ({@link Experiment#trials}): the compared models crossed with every swept value. */
  static List<Trial> allOf(Experiment e) {
    List<Trial> trials = new ArrayList<>();
    List<ModelSpec<?>> models = e.compared().isEmpty() ? List.of(e.model()) : List.copyOf(e.compared());
    for (ModelSpec<?> each : models) {
      Map<String, String> assignment = new LinkedHashMap<>();
      if (!e.compared().isEmpty()) {
        assignment.put("model", each.name());
      }
      trials.add(new Trial(new Experiment(e.name(), e.data(), each, List.of(), List.of(), e.validation(), e.evaluations(),
          e.seed(), e.repeats(), e.notes()), assignment));
    }
    for (Sweep sweep : e.sweeps()) {
      List<Trial> crossed = new ArrayList<>();
      for (Trial trial : trials) {
        for (String value : sweep.values()) {
          Map<String, String> assignment = new LinkedHashMap<>(trial.assignment());
          assignment.put(sweep.key(), value);
          crossed.add(new Trial(trial.experiment().with(sweep.key(), value), assignment));
        }
      }
      trials = crossed;
    }
    return trials;
  }

  /** The same trial as one of a sweep over {@code sweepAxes}. */
  Trial withAxes(List<Axis> sweepAxes) {
    return new Trial(experiment, assignment, sweepAxes);
  }

  /** Each swept key's typed value: a number as a number, a category as its name. */
  public Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    assignment.forEach((key, text) -> values.put(key, axes.stream().filter(a -> a.key().equals(key)).findFirst()
        .map(a -> a.value(text)).orElseGet(() -> Axis.number(text) instanceof Object n ? n : text)));
    return values;
  }
}
