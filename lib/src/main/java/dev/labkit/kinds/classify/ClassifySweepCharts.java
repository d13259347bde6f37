package dev.labkit.kinds.classify;

import dev.labkit.ground.Event;
import dev.labkit.run.Outcome;
import dev.labkit.run.RunKind;
import java.util.List;

/**
 * A classification sweep's summary charts: accuracy per model (or per value) for a comparison, fit and
 * predict time beside it, and accuracy against every swept number, split by the first swept key that
 * is not a number (L1 against L2), one line per combination of the other swept keys; every trial's
 * fold accuracies when they were cross-validated ({@link FoldSpread}); and for a crossed sweep the pivot
 * tables of {@link SweepPivots}.
 */
final class ClassifySweepCharts {
  private ClassifySweepCharts() {}

  static void emit(RunKind.SweepCharts sweep) {
    List<Outcome> outcomes = sweep.outcomes();
    if (sweep.best() == null) {
      return;
    }
    String groupKey = firstTextKey(sweep.keys(), outcomes);
    if (groupKey != null && sweep.keys().size() == 1) { // a comparison: bars per model (or per value)
      sweep.store().accept(new Event.Table("accuracy-per-" + groupKey, "chart", "Accuracy per " + groupKey,
          RunCharts.bars(groupKey, outcomes).spec()));
      if (outcomes.stream().anyMatch(o -> o.metrics().containsKey("predict_seconds"))) {
        sweep.store().accept(new Event.Table("time-per-" + groupKey, "chart", "Fit and predict time per " + groupKey,
            RunCharts.times(groupKey, outcomes).spec()));
      }
    }
    for (String key : sweep.keys()) {
      boolean numeric = outcomes.stream().allMatch(o -> isNumber(o.trial().assignment().get(key)));
      if (numeric) {
        sweep.store().accept(new Event.Table("accuracy-against-" + key, "chart", "Accuracy against " + key,
            RunCharts.sweep(key, sweep.keys(), outcomes, sweep.best(), sweep.selection()).spec()));
      }
    }
    FoldSpread.emit(sweep);
    for (SweepPivots.Pivot pivot : SweepPivots.of(sweep.keys(), outcomes, sweep.selection())) {
      sweep.store().accept(new Event.Table(pivot.name(), "table", pivot.title(), pivot.table()));
    }
  }

  /** The first swept key with a value that is not a number (penalty, model), or null. */
  static String firstTextKey(List<String> keys, List<Outcome> outcomes) {
    return keys.stream().filter(key -> outcomes.stream()
        .anyMatch(o -> !isNumber(o.trial().assignment().get(key)))).findFirst().orElse(null);
  }

  static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }
}
