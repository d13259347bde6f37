package dev.labkit.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The view model of an experiment's page: every run as a row (params and final metrics as sortable
 * columns; params that are the same in every run hidden until asked for) and one panel per sweep.
 * Only final values are shown, never per-step metrics, so the page stays small with a thousand runs.
 *
 * @param params  every param column, in the order runs first list them
 * @param metrics every final metric, the headline first, the rest by name
 * @param charts  the comparison charts ({@link ExperimentCharts}): metric against params, per run, parallel axes
 */
public record ExperimentPage(
    String name, List<Column> params, List<String> metrics, List<Row> rows, List<SweepView> sweeps,
    List<ChartView> charts) {

  /** A param column; {@code varies} is false when every run has the same value, and the page hides it. */
  public record Column(String key, boolean varies) {}

  /** A run: link to its page, its param values (one per column) and final metrics (one per metric). */
  public record Row(Run run, String href, List<Cell> params, List<Cell> metrics) {}

  /**
   * A table cell. {@code sortKey} is what the table sorts by when it differs from the text (a metric's
   * full value behind its four printed decimals), else null.
   */
  public record Cell(String text, String sortKey, boolean numeric) {
    static final Cell EMPTY = new Cell("", null, false);
  }

  /** The link from the experiment page back to the site root: experiments/&lt;name&gt;/ is two deep. */
  static final String TO_ROOT = "../../";

  /** The runs table as CSV, Markdown and LaTeX, for the links beside it. */
  public TableExport export() {
    return TableExports.runs(this);
  }

  public int runCount() {
    return rows.size();
  }

  /** Whether the page draws a chart, and so loads the chart scripts. */
  public boolean hasCharts() {
    return !charts.isEmpty() || !sweeps.isEmpty();
  }

  /** How many params are the same in every run (hidden by default). */
  public long constantCount() {
    return params.stream().filter(c -> !c.varies()).count();
  }

  /** Builds the page of one experiment from its runs (newest first, as {@link RunFolders} reads them). */
  static ExperimentPage of(String name, List<Run> runs) {
    List<Column> columns = columns(runs);
    if (runs.size() < 2) { // one run: nothing varies, and hiding every param would leave nothing to see
      columns = columns.stream().map(c -> new Column(c.key(), true)).toList();
    }
    List<String> metrics = metricNames(runs);
    List<Row> rows = new ArrayList<>();
    for (Run run : runs) {
      rows.add(row(run, columns, metrics));
    }
    String headline = metrics.isEmpty() ? null : metrics.getFirst();
    return new ExperimentPage(name, columns, metrics, rows, SweepView.all(runs),
        ExperimentCharts.of(columns, headline, runs));
  }

  static Row row(Run run, List<Column> columns, List<String> metrics) {
    List<Cell> params = new ArrayList<>();
    for (Column c : columns) {
      Run.Entry e = run.param(c.key());
      params.add(e == null ? Cell.EMPTY : new Cell(e.value(), null, e.numeric()));
    }
    List<Cell> values = new ArrayList<>();
    for (String m : metrics) {
      values.add(metricCell(run, m));
    }
    return new Row(run, TO_ROOT + Links.relative("runs", run.experiment(), run.runId(), "index.html"), params, values);
  }

  static Cell metricCell(Run run, String name) {
    for (Run.Metric m : run.metrics()) {
      if (m.name().equals(name)) {
        String key = m.value() == null ? null : RunFolders.JSON.getNodeFactory().numberNode(m.value()).asString();
        return new Cell(m.display(), Objects.equals(key, m.display()) ? null : key, m.numeric());
      }
    }
    return Cell.EMPTY;
  }

  /** Every param key in first-seen order; a key varies when two runs differ in it (absent counts). */
  static List<Column> columns(List<Run> runs) {
    Set<String> keys = new LinkedHashSet<>();
    // oldest run first, so columns follow the spec's order as it was first written
    for (Run run : runs.reversed()) {
      run.params().forEach(e -> keys.add(e.key()));
    }
    List<Column> columns = new ArrayList<>();
    for (String key : keys) {
      Set<String> values = new HashSet<>();
      for (Run run : runs) {
        Run.Entry e = run.param(key);
        values.add(e == null ? "\u0000absent" : e.value());
      }
      columns.add(new Column(key, values.size() > 1));
    }
    return columns;
  }

  /** Final metric names: the most common headline first, then the rest sorted. */
  static List<String> metricNames(List<Run> runs) {
    Set<String> names = new TreeSet<>();
    runs.forEach(r -> r.metrics().forEach(m -> names.add(m.name())));
    List<String> ordered = new ArrayList<>();
    String headline = headline(runs);
    if (headline != null && names.remove(headline)) {
      ordered.add(headline);
    }
    ordered.addAll(names);
    return ordered;
  }

  /** The headline most runs name (ties: the first by name), or null when none does. */
  static String headline(List<Run> runs) {
    Map<String, Integer> counts = new HashMap<>();
    for (Run run : runs) {
      if (run.headline() != null) {
        counts.merge(run.headline().name(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).findFirst().orElse(null);
  }

  /** Runs grouped by experiment, in the order given. */
  static Map<String, List<Run>> byExperiment(List<Run> runs) {
    Map<String, List<Run>> groups = new LinkedHashMap<>();
    runs.forEach(r -> groups.computeIfAbsent(r.experiment(), e -> new ArrayList<>()).add(r));
    return groups;
  }
}
