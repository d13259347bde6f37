package dev.labkit.kinds.classify;

import dev.labkit.chart.Charts;
import dev.labkit.ground.Event;
import dev.labkit.run.Outcome;
import dev.labkit.run.RunKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The spread behind a cross-validated mean: every trial's accuracy in each fold as a dot on the trial's
 * row, its mean as a tick and ±1 std as a rule, so two models whose means differ by a point but whose
 * folds overlap read as the tie the t-test calls them. Read from each trial's cv-folds table.
 */
final class FoldSpread {
  private FoldSpread() {}

  static void emit(RunKind.SweepCharts sweep) {
    List<Map<String, Object>> rows = new ArrayList<>();
    int folds = 0;
    for (Outcome outcome : sweep.outcomes()) {
      FoldMarks.Folds read = FoldMarks.read(outcome.folder());
      if (read == null) {
        continue;
      }
      String label = label(sweep.keys(), outcome);
      folds = Math.max(folds, read.accuracy().length);
      for (int i = 0; i < read.accuracy().length; i++) {
        rows.add(Charts.row("trial", label, "fold", i + 1, "accuracy", read.accuracy()[i]));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    sweep.store().accept(new Event.Table("cv-fold-spread", "chart", "Accuracy in every fold",
        Charts.strip(folds + "-fold cross-validation: accuracy in every fold (tick: mean, rule: ±1 std)")
            .group("trial", sweep.keys().size() == 1 ? sweep.keys().getFirst() : "trial")
            .value("accuracy", "accuracy").data(rows).spec()));
  }

  /** The trial's swept values: the model's name in a comparison, "l2 · C 0.1" in a crossed sweep. */
  private static String label(List<String> keys, Outcome outcome) {
    String label = RunCharts.combination(keys, outcome);
    return label.isEmpty() ? "trial" : label;
  }
}
