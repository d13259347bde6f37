package dev.labkit.run;

import dev.labkit.console.Console;
import dev.labkit.ground.EventSink;
import dev.labkit.ground.Selection;
import dev.labkit.model.ModelSpec;
import dev.labkit.store.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A task family (classify, regress, generate), said in one place: how one of its trials runs (data,
 * fit, evaluation), the metrics its sweeps tabulate, the measure that picks the best trial and in which
 * direction, whether a stopped run can go on, and the charts its sweeps add. Sweeps, comparisons and
 * worker processes run any kind the same way; {@link RunKinds#of} is the one place a model's kind is
 * decided. A new task family is one package with one implementation of this interface (see
 * docs/architecture.md, "A new task family").
 */
public interface RunKind {
  /** {@code classify}, {@code regress} or {@code generate}: recorded in run.json. */
  String name();

  /** Runs one trial to its end in its run folder; {@code resume} is the folder of a stopped run to go on in, or null. */
  Runner.Result run(TrialRun trial);

  /** The metrics a sweep's trials table shows, in this order, where any trial has them. */
  List<String> summaryColumns();

  /** What the best trial is chosen by, and in which direction ({@link Selection} decides on which split). */
  Selection.Rule selection();

  /** Whether a stopped run of {@code model} goes on from a checkpoint ({@code --resume RUN_ID}). */
  default boolean resumes(ModelSpec model) {
    return false;
  }

  /** Marks per trial folder beside the trials table (e.g. a significance test against the best); none by default. */
  default Map<Path, String> marks(Outcome best, List<Outcome> outcomes) {
    return Map.of();
  }

  /** The charts this kind adds to a sweep's summary run. */
  void sweepCharts(SweepCharts sweep);

  /**
   * One trial to run: the trial, its place in a sweep (null alone), the command's settings, where
   * phase lines go, the data loaded so far, and the folder of a stopped run to go on in (or null).
   */
  record TrialRun(Trial trial, RunRecord.SweepInfo sweep, Settings options,
      Console console, DataCache cache, Path resume) {}

  /**
   * A finished sweep, for its charts: the summary run's sink, the swept keys, every finished trial,
   * how the best was chosen and the best (null when none has the selection metric), the command's settings.
   */
  record SweepCharts(EventSink store, List<String> keys, List<Outcome> outcomes, Selection selection,
      Outcome best, Settings options) {}
}
