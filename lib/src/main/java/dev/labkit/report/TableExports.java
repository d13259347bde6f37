package dev.labkit.report;

import dev.labkit.ground.MeanStd;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The experiment page's tables ({@link ExperimentPage}'s runs, {@link SweepView}'s trials) as
 * {@link TableExport}s: the columns the page shows (every param, the hidden constant ones too), cells as shown.
 */
final class TableExports {
  private TableExports() {}

  /** The folder beside an experiment page that holds its tables' files (they would be too big inline). */
  static final String FOLDER = "tables";

  /** Writes the experiment page's table files next to it ({@code pageDir}/tables/). */
  static void write(ExperimentPage page, java.nio.file.Path pageDir) {
    page.export().writeFiles(pageDir.resolve(FOLDER));
    page.sweeps().forEach(s -> s.export().writeFiles(pageDir.resolve(FOLDER)));
  }

  static TableExport runs(ExperimentPage page) {
    List<String> leading = List.of("run", "status", "started");
    List<List<String>> rows = new ArrayList<>();
    for (ExperimentPage.Row r : page.rows()) {
      rows.add(row(List.of(r.run().runId(), text(r.run().status()), r.run().startedDisplay()), r));
    }
    return table(page.name() + " runs", leading, List.of(false, false, false), page.params(), page.metrics(), rows)
        .inFolder(FOLDER);
  }

  static TableExport trials(SweepView sweep) {
    if (sweep.seeds() > 1) {
      return repeatedTrials(sweep);
    }
    List<String> leading = List.of("trial", "run", "status");
    List<List<String>> rows = new ArrayList<>();
    for (ExperimentPage.Row r : sweep.trials()) {
      Integer trial = r.run().sweep() == null ? null : r.run().sweep().trial();
      rows.add(row(List.of(trial == null ? "" : trial.toString(), r.run().runId(), text(r.run().status())), r));
    }
    return table("sweep " + sweep.id() + " trials", leading, List.of(true, false, false), sweep.params(),
        sweep.metrics(), rows).inFolder(FOLDER);
  }

  /**
   * A sweep whose trials ran with several seeds: per trial, its params, the seeds, and each metric's mean
   * and sample std in two columns ({@code test/accuracy mean}, {@code test/accuracy std}).
   */
  private static TableExport repeatedTrials(SweepView sweep) {
    List<String> columns = new ArrayList<>(List.of("trial", "run"));
    List<Boolean> numeric = new ArrayList<>(List.of(true, false));
    sweep.params().forEach(p -> {
      columns.add(p.key());
      numeric.add(sweep.trials().stream().allMatch(r -> isNumber(r.params().get(sweep.params().indexOf(p)).text())));
    });
    columns.add("seeds");
    numeric.add(true);
    for (String metric : sweep.metrics()) {
      columns.addAll(List.of(metric + " mean", metric + " std"));
      numeric.addAll(List.of(true, true));
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < sweep.trials().size(); i++) {
      ExperimentPage.Row r = sweep.trials().get(i);
      Map<String, MeanStd> stats = sweep.stats().get(i);
      Integer trial = r.run().sweep() == null ? null : r.run().sweep().trial();
      List<String> row = new ArrayList<>(List.of(trial == null ? "" : trial.toString(), r.run().runId()));
      r.params().forEach(c -> row.add(c.text()));
      row.add(Integer.toString(stats.values().stream().mapToInt(MeanStd::n).max().orElse(1)));
      for (String metric : sweep.metrics()) {
        MeanStd m = stats.get(metric);
        row.add(m == null ? "" : Format.decimal(m.mean()));
        row.add(m == null || !m.hasSpread() ? "" : Format.decimal(m.std()));
      }
      rows.add(row);
    }
    return new TableExport("sweep " + sweep.id() + " trials, mean and std over " + sweep.seeds() + " seeds", columns,
        numeric, rows).inFolder(FOLDER);
  }

  /** A run's final metrics: metric, value (as the page prints them). */
  static TableExport metrics(Run run) {
    return new TableExport(run.experiment() + " " + run.runId() + " metrics", List.of("metric", "value"),
        List.of(false, true), run.metrics().stream().map(m -> List.of(m.name(), m.display())).toList());
  }

  /** A run's last logged value of each metric: metric, step, value. */
  static TableExport lastLogged(Run run) {
    return new TableExport(run.experiment() + " " + run.runId() + " last logged values", List.of("metric", "step", "value"),
        List.of(false, true, true), run.lastLogged().stream().map(l -> List.of(l.name(), Long.toString(l.step()),
            l.display())).toList());
  }

  /** A run's params: param, value. */
  static TableExport params(Run run) {
    boolean numeric = !run.params().isEmpty() && run.params().stream().allMatch(Run.Entry::numeric);
    return new TableExport(run.experiment() + " " + run.runId() + " parameters", List.of("param", "value"),
        List.of(false, numeric), run.params().stream().map(e -> List.of(e.key(), e.value())).toList());
  }

  /** A run's dataset splits: split, id, examples, sha256 (in full: the page shortens it). */
  static TableExport dataset(Run run) {
    return new TableExport(run.experiment() + " " + run.runId() + " dataset", List.of("split", "id", "examples", "sha256"),
        List.of(false, false, true, false), run.dataset().splits().stream()
            .map(s -> List.of(text(s.name()), text(s.id()), text(s.size()), text(s.sha256()))).toList());
  }

  /** A run's provenance: key, value. */
  static TableExport provenance(Run run) {
    return new TableExport(run.experiment() + " " + run.runId() + " provenance", List.of("key", "value"),
        List.of(false, false), run.provenance().stream().map(e -> List.of(e.key(), text(e.value()))).toList());
  }

  /** A confusion matrix as the page shows it: true class, a count per predicted class, n, recall. */
  static TableExport confusion(RunPage.Confusion c) {
    List<String> columns = new ArrayList<>(List.of("true \\ predicted"));
    columns.addAll(c.labels());
    columns.addAll(List.of("n", "recall"));
    List<Boolean> numeric = new ArrayList<>(List.of(false));
    columns.stream().skip(1).forEach(x -> numeric.add(true));
    List<List<String>> rows = new ArrayList<>();
    for (RunPage.ConfusionRow r : c.rows()) {
      List<String> row = new ArrayList<>(List.of(r.label()));
      r.cells().forEach(cell -> row.add(Long.toString(cell.count())));
      row.add(Long.toString(r.total()));
      row.add(r.recall());
      rows.add(row);
    }
    return new TableExport(c.title(), columns, numeric, rows);
  }

  private static List<String> row(List<String> leading, ExperimentPage.Row r) {
    List<String> row = new ArrayList<>(leading);
    r.params().forEach(c -> row.add(c.text()));
    r.metrics().forEach(c -> row.add(c.text()));
    return row;
  }

  private static TableExport table(String title, List<String> leading, List<Boolean> leadingNumeric,
      List<ExperimentPage.Column> params, List<String> metrics, List<List<String>> rows) {
    List<String> columns = new ArrayList<>(leading);
    List<Boolean> numeric = new ArrayList<>(leadingNumeric);
    int first = columns.size();
    params.forEach(p -> columns.add(p.key()));
    metrics.forEach(columns::add);
    for (int i = first; i < columns.size(); i++) {
      int column = i;
      numeric.add(i >= first + params.size() || (!rows.isEmpty() && rows.stream().allMatch(r -> isNumber(r.get(column)))));
    }
    return new TableExport(title, columns, numeric, rows);
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
