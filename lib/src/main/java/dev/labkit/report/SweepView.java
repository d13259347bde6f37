package dev.labkit.report;

import dev.labkit.chart.Chart.Scale;
import dev.labkit.chart.Charts;
import dev.labkit.chart.LineChart;
import dev.labkit.eval.Metric;
import dev.labkit.ground.Axis;
import dev.labkit.ground.MeanStd;
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
 * @param seeds     seeds each trial ran with ({@code --repeat N}; 1 without): with several, each row of
 *                  {@code trials} is a trial's mean ± std over its seeds, the best is chosen on the mean,
 *                  and the charts draw means with ±1 std error bars
 * @param runs      with several seeds, every run of every trial (the rows beneath); else empty
 * @param stats     with several seeds, each trial's metrics over its seeds, as {@code trials}; else empty
 */
public record SweepView(
    String id, String progress, String headline, List<ExperimentPage.Column> params, List<String> metrics,
    List<ExperimentPage.Row> trials, Run best, Selection selection, List<ChartView> charts, Run summary,
    int seeds, List<ExperimentPage.Row> runs, List<Map<String, MeanStd>> stats) {

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

  /** The best trial's value of the metric it was chosen by, as the page shows it ("0.8590", or "0.8590 ± 0.0040"). */
  public String bestValue() {
    if (best != null && seeds > 1) {
      int index = trials.stream().map(ExperimentPage.Row::run).toList().indexOf(best);
      MeanStd mean = index < 0 ? null : stats.get(index).get(selection.metric());
      return mean == null ? "" : SweepTrials.cell(mean).text();
    }
    Double value = best == null ? null : best.metric(selection.metric());
    return value == null ? "" : Format.decimal(value);
  }

  /**
   * How the best was chosen, for the page: "val/accuracy (higher is better)", with the optimistic mark on
   * test, and ", best on the mean of 3 seeds" when the trials were repeated.
   */
  public String chosenBy() {
    return selection == null ? "" : selection.describe(seeds);
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
        .thenComparing(r -> r.sweep().repeat()).thenComparing(Run::runId));
    SweepTrials grouped = SweepTrials.of(trials);
    List<Run> each = grouped.representatives(); // one run per trial (its seeds vary within it, not across trials)
    String headline = ExperimentPage.headline(trials);
    List<ExperimentPage.Column> varying = ExperimentPage.columns(each).stream()
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
    List<Map<String, MeanStd>> stats = new ArrayList<>();
    List<ExperimentPage.Row> rows = new ArrayList<>();
    for (int i = 0; i < each.size(); i++) {
      if (grouped.repeated()) {
        stats.add(grouped.stats(i));
        rows.add(SweepTrials.row(each.get(i), stats.getLast(), varying, metrics));
      } else {
        rows.add(ExperimentPage.row(each.get(i), varying, metrics));
      }
    }
    Run best = grouped.repeated() ? bestOnMean(grouped, selection) : best(trials, selection);
    List<ChartView> charts = new ArrayList<>();
    for (ExperimentPage.Column c : varying) {
      if (headline != null && each.stream().allMatch(r -> r.param(c.key()) != null && r.param(c.key()).number() != null)) {
        List<String> others = varying.stream().map(ExperimentPage.Column::key).filter(k -> !k.equals(c.key())).toList();
        charts.add(ChartView.of(null, chart(c.key(), others, grouped, metrics, best, ParamAxes.recorded(runs))));
      }
    }
    List<ExperimentPage.Row> every = grouped.repeated()
        ? trials.stream().map(r -> ExperimentPage.row(r, varying, metrics)).toList() : List.of();
    return new SweepView(id, progress(trials, grouped), headline, varying, metrics, rows, best, selection, charts,
        summary, grouped.seeds(), every, stats);
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

  /**
   * "12 of 16 trials" (or "12 trials" when the runs do not say how many were planned); with repeats
   * "4 of 4 trials × 3 seeds (12 runs)".
   */
  static String progress(List<Run> trials, SweepTrials grouped) {
    Integer planned = trials.stream().map(r -> r.sweep().trials()).filter(t -> t != null)
        .max(Comparator.naturalOrder()).orElse(null);
    int count = grouped.groups().size();
    String done = planned == null ? count + " trials" : count + " of " + planned + " trials";
    return grouped.repeated() ? done + " × " + grouped.seeds() + " seeds (" + trials.size() + " runs)" : done;
  }

  /** The best trial on the mean of its seeds ({@link Selection#bestOnMean}): the run that stands for it, or null. */
  static Run bestOnMean(SweepTrials grouped, Selection selection) {
    if (selection == null) {
      return null;
    }
    int best = selection.bestOnMean(grouped.finals());
    return best < 0 ? null : grouped.representatives().get(best);
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
    Selection.Rule ranked = trials.getFirst().sweep() == null ? null : trials.getFirst().sweep().rank();
    return Selection.of(ranked != null ? ranked : kind.selection(), trials.stream().map(SweepView::finalMetrics).toList());
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
    return SweepTrials.finalMetrics(run);
  }

  /**
   * The metrics of every trial against one param, sorted by the param: one line per metric and per
   * combination of the {@code others} that also vary (L1 and L2 each get their own line, rather than
   * one line zig-zagging between them). Trials run with several seeds are drawn at their mean, with
   * error bars of ±1 sample std.
   */
  static LineChart chart(String param, List<String> others, SweepTrials grouped, List<String> metrics, Run best,
      Map<String, Axis.Scale> recorded) {
    List<Run> trials = grouped.representatives();
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean bars = false;
    for (Run r : trials.stream().sorted(Comparator.comparing((Run t) -> t.param(param).number())).toList()) {
      double x = r.param(param).number();
      Map<String, MeanStd> stats = grouped.repeated() ? grouped.statsOf(r) : Map.of();
      for (String m : metrics) {
        MeanStd mean = stats.get(m);
        Double y = mean != null ? (Double) mean.mean() : r.metric(m);
        if (y != null) {
          Map<String, Object> row = new LinkedHashMap<>(Charts.row(param, x, "metric", m + label(r, others), "value", y,
              "run", r.runId()));
          if (mean != null && mean.hasSpread()) {
            row.put("low", mean.mean() - mean.std());
            row.put("high", mean.mean() + mean.std());
            bars = true;
          }
          rows.add(row);
        }
      }
    }
    boolean log = ParamAxes.chartScale(param, trials, recorded) == Scale.LOG; // as the sweep recorded it
    String seeds = grouped.repeated() ? " (mean ± 1 std over " + grouped.seeds() + " seeds)" : "";
    LineChart chart = Charts.line(metrics.getFirst() + " against " + param + seeds).points()
        .x(param, param, log ? Scale.LOG : Scale.LINEAR).y("value", grouped.repeated() ? "mean" : "value")
        .series("metric", "metric").data(rows).size(420, 240);
    if (bars) {
      chart = chart.errorBars("low", "high");
    }
    if (best != null) {
      Integer trial = best.sweep().trial();
      Map<String, MeanStd> ofBest = grouped.repeated() ? grouped.statsOf(best) : null;
      MeanStd mean = ofBest == null ? null : ofBest.get(metrics.getFirst());
      chart = chart.highlight(best.param(param).number(), mean != null ? mean.mean() : best.metric(metrics.getFirst()),
          trial == null ? "best" : "best: trial " + trial);
    }
    return chart;
  }
}
