package dev.labkit.kinds.regress;

import dev.labkit.chart.Charts;
import dev.labkit.chart.CurvesChart;
import dev.labkit.chart.FitChart;
import dev.labkit.chart.Marks;
import dev.labkit.store.MetricLines;
import dev.labkit.store.MetricLines.Line;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The charts of a regression sweep's summary: every trial's loss curve overlaid with its marks, and every
 * trial's fitted line over the data. Built from the trials' run folders (their metrics.csv) and the data.
 *
 * <pre>{@code
 * CurvesChart losses = RegressionCharts.losses(List.of(new Fitted("lr=0.01", folder, 2.98, 2.0)), true, warn);
 * }</pre>
 */
public final class RegressionCharts {
  /** Points kept per curve: every k-th step (and every mark's step), so a page of 30 trials stays small. */
  static final int POINTS_PER_CURVE = 400;

  private RegressionCharts() {}

  /**
   * One trial: its label in legends, its run folder, its fitted line (w, b; NaN when it has none), and the
   * panel its loss curve is drawn in (the trial's loss when losses are swept with other keys; null for one chart).
   */
  public record Fitted(String label, Path folder, double w, double b, String panel) {
    public Fitted(String label, Path folder, double w, double b) {
      this(label, folder, w, b, null);
    }
  }

  /** The row field that names a curve's panel: the trials are split by their loss. */
  static final String PANEL = "loss";

  /**
   * Every trial's {@code train/loss} curve, marks on it; a log y axis when {@code logY}; one panel per
   * loss when the trials name panels.
   */
  public static CurvesChart losses(List<Fitted> trials, boolean logY, Consumer<String> warn) {
    boolean panels = trials.stream().anyMatch(t -> t.panel() != null);
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Map<String, Object>> markers = new ArrayList<>();
    for (Fitted trial : trials) {
      List<Line> points = MetricLines.read(trial.folder().resolve("metrics.csv"), warn);
      List<Line> loss = points.stream().filter(p -> p.name().equals("train/loss")).toList();
      if (loss.isEmpty()) {
        continue;
      }
      List<Line> marks = points.stream().filter(p -> p.name().startsWith(Marks.PREFIX)).toList();
      Set<Long> markSteps = marks.stream().map(Line::step).collect(Collectors.toSet());
      Map<Long, Double> byStep = new LinkedHashMap<>();
      int every = Math.max(1, loss.size() / POINTS_PER_CURVE);
      for (int i = 0; i < loss.size(); i++) {
        Line p = loss.get(i);
        byStep.put(p.step(), p.value());
        if (i % every == 0 || i == loss.size() - 1 || markSteps.contains(p.step())) {
          rows.add(panel(panels, trial, Charts.row("step", p.step(), "series", trial.label(), "value", p.value())));
        }
      }
      for (Line mark : marks) {
        markers.add(panel(panels, trial, Charts.row("step", mark.step(), "series", trial.label(),
            "value", byStep.getOrDefault(mark.step(), loss.getLast().value()),
            "mark", Marks.label(mark.name().substring(Marks.PREFIX.length()), mark.value()))));
      }
    }
    CurvesChart chart = Charts.curves(panels ? "Training loss of every trial, one panel per loss"
        : "Training loss of every trial").yTitle("train/loss").logY(logY).data(rows).markers(markers);
    return panels ? chart.panels(PANEL) : chart;
  }

  private static Map<String, Object> panel(boolean panels, Fitted trial, Map<String, Object> row) {
    if (panels) {
      row.put(PANEL, trial.panel() == null ? "—" : trial.panel());
    }
    return row;
  }

  /**
   * The data as a scatter of at most {@code maxPoints} points per data set (evenly spaced through it), and
   * one line per trial with a finite fit, across the x range of the data. {@code data} maps a data set's
   * label to its {x, y} columns.
   */
  public static FitChart lines(String xName, String yName, Map<String, double[][]> data, List<Fitted> trials,
      int maxPoints) {
    List<Map<String, Object>> points = new ArrayList<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (var entry : data.entrySet()) {
      double[] xs = entry.getValue()[0];
      double[] ys = entry.getValue()[1];
      int step = Math.max(1, xs.length / maxPoints);
      for (int i = 0; i < xs.length; i += step) {
        points.add(Charts.row("x", xs[i], "y", ys[i], "data", entry.getKey()));
      }
      for (double x : xs) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    Map<String, double[]> fits = new LinkedHashMap<>();
    for (Fitted trial : trials) {
      if (Double.isFinite(trial.w()) && Double.isFinite(trial.b())) {
        fits.put(trial.label(), new double[] {trial.w(), trial.b()});
      }
    }
    return Charts.fit("Fitted lines over the data").axes(xName, yName).points(points).lines(fits, lo, hi);
  }
}
