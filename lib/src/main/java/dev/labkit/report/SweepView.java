package dev.labkit.report;

import dev.labkit.chart.Chart.Scale;
import dev.labkit.chart.Charts;
import dev.labkit.chart.LineChart;
import dev.labkit.eval.Metric;
import dev.labkit.ground.Axis;
import dev.labkit.ground.Selection;
import dev.labkit.run.RunKind;
import dev.labkit.run.RunKinds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sweep on the experiment page: its trials in a small table, and for each numeric param that
 * varies across them a chart of the headline metric (and train/accuracy, when the runs have it)
 * against that param, with the best trial ringed.
 *
 * @param params  the params that vary across the trials (the table's columns)
 * @param metrics the headline, then train/accuracy when the trials have it
 * @param best      the best trial by {@code selection}, or null when no trial has its metric
 * @param selection how the best trial is chosen (the rule every page and the summary run share)
 */
public record SweepView(
    String id, String progress, String headline, List<ExperimentPage.Column> params, List<String> metrics,
    List<ExperimentPage.Row> trials, Run best, Selection selection, List<ChartView> charts, Run summary) {

  /** The trained-on accuracy, drawn beside the headline to show over- and underfitting. */
  static final String TRAIN_ACCURACY = "train/accuracy";

  /** The trials table as CSV, Markdown and LaTeX, for the links beside it. */
  public TableExport export() {
    return TableExports.trials(this);
  }

  /** Whether a row is the best trial (the page marks it). */
  public boolean isBest(ExperimentPage.Row row) {
    return best != null && row.run().equals(best);
  }

  /** The best trial's value of the metric it was chosen by, as the page shows it ("0.8590"). */
  public String bestValue() {
    Double value = best == null ? null : best.metric(selection.metric());
    return value == null ? "" : Format.decimal(value);
  }

  /** How the best was chosen, for the page: "val/accuracy (higher is better)", with the optimistic mark on test. */
  public String chosenBy() {
    return selection == null ? "" : selection.describe();
  }

  /** The link from the experiment page to the best trial's page. */
  public String bestHref() {
    return best == null ? null
        : ExperimentPage.TO_ROOT + Links.relative("runs", best.experiment(), best.runId(), "index.html");
  }

  /** The link to the sweep's summary run (trial 0: the trials table, best trial, side-by-side images). */
  public String summaryHref() {
    return summary == null ? null
        : ExperimentPage.TO_ROOT + Links.relative("runs", summary.experiment(), summary.runId(), "index.html");
  }

  /** The sweeps among an experiment's runs, by id. */
  static List<SweepView> all(List<Run> runs) {
    Map<String, List<Run>> byId = new TreeMap<>();
    runs.stream().filter(r -> r.sweep() != null)
        .forEach(r -> byId.computeIfAbsent(r.sweep().id(), id -> new ArrayList<>()).add(r));
    List<SweepView> sweeps = new ArrayList<>();
    byId.forEach((id, trials) -> sweeps.add(of(id, trials)));
    return sweeps;
  }

  static SweepView of(String id, List<Run> runs) {
    // trial 0 is the sweep's summary run: linked, but not one of the trials it sums up
    Run summary = runs.stream().filter(SweepView::isSummary).findFirst().orElse(null);
    List<Run> trials = new ArrayList<>(runs.stream().filter(r -> !isSummary(r)).toList());
    trials.sort(Comparator.comparing((Run r) -> r.sweep().trial(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Run::runId));
    String headline = ExperimentPage.headline(trials);
    List<ExperimentPage.Column> varying = ExperimentPage.columns(trials).stream()
        .filter(ExperimentPage.Column::varies).toList();
    List<String> metrics = new ArrayList<>();
    if (headline != null) {
      metrics.add(headline);
    }
    if (!TRAIN_ACCURACY.equals(headline) && trials.stream().anyMatch(r -> r.metric(TRAIN_ACCURACY) != null)) {
      metrics.add(TRAIN_ACCURACY);
    }
    Selection selection = selection(trials);
    if (selection != null && !metrics.contains(selection.metric())
        && trials.stream().anyMatch(r -> r.metric(selection.metric()) != null)) {
      metrics.add(headline == null ? 0 : 1, selection.metric()); // the measure the best is chosen by, beside the headline
    }
    List<ExperimentPage.Row> rows = trials.stream().map(r -> ExperimentPage.row(r, varying, metrics)).toList();
    Run best = best(trials, selection);
    List<ChartView> charts = new ArrayList<>();
    for (ExperimentPage.Column c : varying) {
      if (headline != null && trials.stream().allMatch(r -> r.param(c.key()) != null && r.param(c.key()).number() != null)) {
        List<String> others = varying.stream().map(ExperimentPage.Column::key).filter(k -> !k.equals(c.key())).toList();
        charts.add(ChartView.of(null, chart(c.key(), others, trials, metrics, best, ParamAxes.recorded(runs))));
      }
    }
    return new SweepView(id, progress(trials), headline, varying, metrics, rows, best, selection, charts, summary);
  }

  /** " · penalty=l1" for a run's values of the other varying params; empty when none vary. */
  private static String label(Run run, List<String> others) {
    StringBuilder label = new StringBuilder();
    for (String key : others) {
      Run.Entry value = run.param(key);
      label.append(" · ").append(key).append('=').append(value == null ? "—" : value.value());
    }
    return label.toString();
  }

  static boolean isSummary(Run run) {
    return ParamAxes.isSummary(run);
  }

  /** "12 of 16 trials" (or "12 trials" when the runs do not say how many were planned). */
  static String progress(List<Run> trials) {
    Integer planned = trials.stream().map(r -> r.sweep().trials()).filter(t -> t != null)
        .max(Comparator.naturalOrder()).orElse(null);
    return planned == null ? trials.size() + " trials" : trials.size() + " of " + planned + " trials";
  }

  /**
   * Higher is better, except for metrics whose name says they are a loss or an error, where lower is.
   * A metric is best by the direction its name implies; ties go to the earlier trial.
   */
  static boolean lowerIsBetter(String metric) {
    return Metric.lowerIsBetter(metric);
  }

  /** How the best trial is chosen: the rule of the trials' kind ({@link RunKinds}), read through {@link Selection}. */
  static Selection selection(List<Run> trials) {
    if (trials.isEmpty()) {
      return null;
    }
    RunKind kind = RunKinds.named(trials.getFirst().kind());
    return Selection.of(kind.selection(), trials.stream().map(SweepView::finalMetrics).toList());
  }

  /** The best trial by {@code selection} (the same function the sweep's summary run calls), or null. */
  static Run best(List<Run> trials, Selection selection) {
    if (selection == null) {
      return null;
    }
    int best = selection.best(trials.stream().map(SweepView::finalMetrics).toList());
    return best < 0 ? null : trials.get(best);
  }

  private static Map<String, Double> finalMetrics(Run run) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    run.metrics().forEach(m -> {
      if (m.value() != null) {
        metrics.put(m.name(), m.value());
      }
    });
    return metrics;
  }

  /**
   * The metrics of every trial against one param, sorted by the param: one line per metric and per
   * combination of the {@code others} that also vary (L1 and L2 each get their own line, rather than
   * one line zig-zagging between them).
   */
  static LineChart chart(String param, List<String> others, List<Run> trials, List<String> metrics, Run best,
      Map<String, Axis.Scale> recorded) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Run r : trials.stream().sorted(Comparator.comparing((Run t) -> t.param(param).number())).toList()) {
      double x = r.param(param).number();
      for (String m : metrics) {
        Double y = r.metric(m);
        if (y != null) {
          rows.add(Charts.row(param, x, "metric", m + label(r, others), "value", y, "run", r.runId()));
        }
      }
    }
    boolean log = ParamAxes.chartScale(param, trials, recorded) == Scale.LOG; // as the sweep recorded it
    LineChart chart = Charts.line(metrics.getFirst() + " against " + param).points()
        .x(param, param, log ? Scale.LOG : Scale.LINEAR).y("value", "value").series("metric", "metric")
        .data(rows).size(420, 240);
    if (best != null) {
      Integer trial = best.sweep().trial();
      chart = chart.highlight(best.param(param).number(), best.metric(metrics.getFirst()),
          trial == null ? "best" : "best: trial " + trial);
    }
    return chart;
  }
}
