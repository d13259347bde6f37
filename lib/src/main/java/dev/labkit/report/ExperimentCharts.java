package dev.labkit.report;

import dev.labkit.chart.BarChart;
import dev.labkit.chart.Chart.Scale;
import dev.labkit.chart.Chart;
import dev.labkit.chart.Charts;
import dev.labkit.chart.ScatterChart;
import dev.labkit.ground.Axis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The comparison charts at the top of an experiment's page, from final values only (never per-step
 * metrics, so a thousand runs cost a few hundred kilobytes): the headline metric against each param
 * that varies, the headline of the newest runs as bars, and parallel coordinates of params → metric.
 * They compare trials: a sweep's summary run (whose params list every swept value) is never plotted, and
 * a numeric param is a quantitative axis in numeric order, on the scale {@link ParamAxes} gives.
 */
final class ExperimentCharts {
  private ExperimentCharts() {}

  /** Scatter charts are drawn for at most this many varying params; parallel axes for twice as many. */
  static final int MAX_PARAMS = 4;

  /** The bar chart shows the headline of the newest runs only; the table has them all. */
  static final int MAX_BARS = 40;

  static List<ChartView> of(List<ExperimentPage.Column> columns, String headline, List<Run> runs) {
    List<Run> scored = ParamAxes.trials(runs).stream().filter(r -> headline != null && r.metric(headline) != null)
        .toList();
    List<String> varying = ParamAxes.varying(columns.stream().map(ExperimentPage.Column::key)
        .filter(k -> !k.equals("seed")).toList(), scored);
    if (scored.size() < 2) {
      return List.of();
    }
    List<ChartView> charts = new ArrayList<>();
    Map<String, Axis.Scale> recorded = ParamAxes.recorded(runs);
    varying.stream().limit(MAX_PARAMS)
        .forEach(key -> charts.add(ChartView.of(null, scatter(key, headline, scored, recorded).spec())));
    charts.add(ChartView.of(null, bars(headline, scored).spec()));
    if (!varying.isEmpty()) {
      charts.add(ChartView.of(null, parallel(varying.stream().limit(2L * MAX_PARAMS).toList(), headline, scored,
          recorded).spec()));
    }
    return charts;
  }

  static ScatterChart scatter(String key, String headline, List<Run> runs, Map<String, Axis.Scale> recorded) {
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean numeric = ParamAxes.numeric(key, runs);
    List<Run> ordered = numeric ? runs.stream().sorted(Comparator.comparing((Run r) -> r.param(key).number())).toList()
        : runs;
    for (Run run : ordered) {
      Run.Entry e = run.param(key);
      if (e == null) {
        continue;
      }
      Object x = numeric ? e.number() : e.value();
      rows.add(Charts.row("run", RunData.label(run), "x", x, "y", run.metric(headline)));
    }
    Scale scale = numeric ? ParamAxes.chartScale(key, runs, recorded) : Scale.LINEAR;
    String xTitle = scale == Scale.LOG ? key + " (log scale)" : key;
    return new ScatterChart(headline + " against " + key, new Chart.Axis("x", xTitle, scale), numeric,
        new Chart.Axis("y", headline, Scale.LINEAR), rows);
  }

  static BarChart bars(String headline, List<Run> runs) {
    List<Map<String, Object>> rows = new ArrayList<>();
    // runs come newest first; the bars read left to right, oldest to newest
    runs.stream().limit(MAX_BARS).toList().reversed()
        .forEach(r -> rows.add(Charts.row("run", RunData.label(r), "value", r.metric(headline))));
    String title = headline + (runs.size() > MAX_BARS ? " of the newest " + MAX_BARS + " runs" : " per run");
    return Charts.bars(title).x("run", "run").y("value", headline).data(rows).size(Math.max(240, 16 * rows.size()), 200);
  }

  static ParallelChart parallel(List<String> keys, String headline, List<Run> runs, Map<String, Axis.Scale> recorded) {
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    for (Run run : runs) {
      Map<String, String> byAxis = new LinkedHashMap<>();
      for (String key : keys) {
        Run.Entry e = run.param(key);
        if (e != null) {
          byAxis.put(key, e.value());
        }
      }
      byAxis.put(headline, String.valueOf(run.metric(headline)));
      values.put(RunData.label(run), byAxis);
    }
    List<String> axes = new ArrayList<>(keys);
    axes.add(headline);
    Set<String> logAxes = new HashSet<>();
    keys.stream().filter(k -> ParamAxes.chartScale(k, runs, recorded) == Scale.LOG).forEach(logAxes::add);
    if (Axis.Scale.guess(runs.stream().map(r -> r.metric(headline)).filter(v -> v != null).toList()) == Axis.Scale.LOG) {
      logAxes.add(headline);
    }
    return new ParallelChart("Parameters → " + headline, axes, headline, values, logAxes);
  }
}
