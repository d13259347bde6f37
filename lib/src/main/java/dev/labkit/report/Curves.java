package dev.labkit.report;

import dev.labkit.report.Chart.Scale;
import dev.labkit.report.Run.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The curves every run gets for free from its metrics.csv: each metric logged at more than one step
 * is a line, and metrics that share a prefix ({@code train/objective}, {@code train/grad_max}) share a
 * chart, so a solver's loss curve appears with no extra code.
 */
final class Curves {
  private Curves() {}

  /**
   * Past this many points a line is thinned to every k-th point (and its last): pages stay small. A
   * chart is about 400 pixels wide, so 500 points is more than one per pixel; a run of 10 metrics
   * over 1,000 steps then makes a page of about 0.3 MB instead of 0.55 MB (bench/site/README.md).
   */
  static final int MAX_POINTS = 500;

  /** The y axis turns logarithmic when every value is positive and the largest is this many times the smallest. */
  static final double LOG_RATIO = 100;

  static List<ChartView> of(List<Point> points) {
    // metric name → its points, in file order; names sorted so the charts come in a stable order
    Map<String, List<Point>> byName = new TreeMap<>(group(points));
    Map<String, List<String>> byPrefix = new TreeMap<>();
    byName.forEach((name, pts) -> {
      if (pts.stream().map(Point::step).distinct().count() > 1) {
        byPrefix.computeIfAbsent(prefix(name), p -> new ArrayList<>()).add(name);
      }
    });
    List<ChartView> charts = new ArrayList<>();
    byPrefix.forEach((prefix, names) -> charts.add(ChartView.of(null, chart(prefix, names, byName))));
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

  /** {@code train/objective} → {@code train}; a name with no slash is its own group. */
  static String prefix(String name) {
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
    boolean log = min > 0 && max / min >= LOG_RATIO;
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
