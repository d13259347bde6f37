package dev.labkit.report;

import dev.labkit.chart.Chart.Scale;
import dev.labkit.chart.Charts;
import dev.labkit.chart.Marks;
import dev.labkit.chart.LineChart;
import dev.labkit.ground.Axis;
import dev.labkit.report.Run.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The curves every run gets for free from its metrics.csv: each metric logged at more than one step
 * is a line, and metrics that share a prefix ({@code train/objective}, {@code train/grad_max}) share a
 * chart, so a solver's loss curve appears with no extra code. A learning rate ({@code train/lr}) gets a
 * chart of its own, as its numbers are nothing like a loss's. Scalars named {@code mark/<kind>} are not
 * curves but moments: each is drawn on every curve of the run as a labelled vertical rule at its step
 * ({@code mark/lr_drop} at 0.005 reads "lr → 0.005", {@code mark/early_stop} reads "early stop").
 */
final class Curves {
  private Curves() {}

  /**
   * Past this many points a line is thinned to every k-th point (and its last): pages stay small. A
   * chart is about 400 pixels wide, so 500 points is more than one per pixel; a run of 10 metrics
   * over 1,000 steps then makes a page of about 0.3 MB instead of 0.55 MB (bench/site/README.md).
   */
  static final int MAX_POINTS = 500;

  /** The prefix of scalars that mark a moment of the run rather than a value to draw. */
  static final String MARK = Marks.PREFIX;

  static List<ChartView> of(List<Point> points) {
    // metric name → its points, in file order; names sorted so the charts come in a stable order
    Map<String, List<Point>> byName = new TreeMap<>(group(points));
    List<Point> marks = new ArrayList<>();
    for (String name : List.copyOf(byName.keySet())) { // marks are drawn as rules on the curves, not as curves
      if (name.startsWith(MARK)) {
        marks.addAll(byName.remove(name));
      }
    }
    Map<String, List<String>> byPrefix = new TreeMap<>();
    byName.forEach((name, pts) -> {
      if (pts.stream().map(Point::step).distinct().count() > 1) {
        byPrefix.computeIfAbsent(prefix(name), p -> new ArrayList<>()).add(name);
      }
    });
    List<ChartView> charts = new ArrayList<>();
    long lastStep = points.stream().mapToLong(Point::step).max().orElse(0);
    byPrefix.forEach((prefix, names) -> charts.add(ChartView.of(null,
        marked(chart(prefix, names, byName), marks, lastStep))));
    return charts;
  }

  /** Points by metric name, in file order; a hash map: this runs once per point of every run. */
  static Map<String, List<Point>> group(List<Point> points) {
    Map<String, List<Point>> byName = new java.util.HashMap<>();
    String name = null;
    List<Point> current = null;
    for (Point p : points) {
      if (!p.name().equals(name)) { // lines of one metric often come in runs: skip the lookup then
        name = p.name();
        current = byName.computeIfAbsent(name, n -> new ArrayList<>());
      }
      current.add(p);
    }
    return byName;
  }

  /** Marks closer than this share of the steps to the last labelled one get a rule but no label. */
  static final double LABEL_GAP = 0.06;

  /**
   * The chart with a rule at the step of each mark, labelled; when marks crowd together (a patience
   * schedule halving the rate every few steps) only the first of each crowd is labelled and the rest are
   * bare rules, so the labels do not print over each other.
   */
  static LineChart marked(LineChart chart, List<Point> marks, long lastStep) {
    LineChart result = chart;
    long labelled = Long.MIN_VALUE / 2;
    for (Point mark : marks.stream().sorted(java.util.Comparator.comparingLong(Point::step)).toList()) {
      boolean crowded = mark.step() - labelled < LABEL_GAP * Math.max(1, lastStep);
      result = result.event(mark.step(), crowded ? "" : markLabel(mark.name().substring(MARK.length()), mark.value()));
      labelled = crowded ? labelled : mark.step();
    }
    return result;
  }

  static String markLabel(String kind, double value) {
    return Marks.label(kind, value);
  }

  /** {@code train/objective} → {@code train}; a name with no slash is its own group; a learning rate is alone. */
  static String prefix(String name) {
    if (name.endsWith("/lr")) {
      return name;
    }
    int slash = name.lastIndexOf('/');
    return slash < 0 ? name : name.substring(0, slash);
  }

  static LineChart chart(String prefix, List<String> names, Map<String, List<Point>> byName) {
    List<Map<String, Object>> rows = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (String name : names) {
      for (Point p : thin(byName.get(name))) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", p.step());
        row.put("metric", name);
        row.put("value", p.value());
        rows.add(row);
        if (Double.isFinite(p.value())) {
          min = Math.min(min, p.value());
          max = Math.max(max, p.value());
        }
      }
    }
    boolean log = Double.isFinite(min) && Axis.Scale.guess(List.of(min, max)) == Axis.Scale.LOG;
    String title = names.size() == 1 ? names.getFirst() : prefix;
    LineChart chart = Charts.line(title).x("step", "step")
        .y("value", log ? "value (log scale)" : "value", log ? Scale.LOG : Scale.LINEAR).data(rows);
    return names.size() == 1 ? chart : chart.series("metric", "metric"); // one line needs no legend
  }

  /** Every k-th point and the last, so no line has more than about {@link #MAX_POINTS}. */
  static List<Point> thin(List<Point> points) {
    return thin(points, MAX_POINTS);
  }

  /** Every k-th point and the last, so that no more than about {@code max} remain. */
  static List<Point> thin(List<Point> points, int max) {
    if (points.size() <= max) {
      return points;
    }
    int k = (points.size() + max - 1) / max;
    List<Point> kept = new ArrayList<>();
    for (int i = 0; i < points.size(); i += k) {
      kept.add(points.get(i));
    }
    if ((points.size() - 1) % k != 0) {
      kept.add(points.getLast());
    }
    return kept;
  }
}
