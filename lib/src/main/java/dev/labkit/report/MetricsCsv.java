package dev.labkit.report;

import dev.labkit.report.Run.Logged;
import dev.labkit.report.Run.Point;
import dev.labkit.store.MetricLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/** metrics.csv ({@code step,name,value,wall_time}, read by {@link MetricLines}) as the report's points. */
final class MetricsCsv {
  private MetricsCsv() {}

  /**
   * Every well-formed line, in file order, as {@link MetricLines#read} reads it (a cut-off last line dropped
   * quietly, other malformed lines with one warning).
   */
  static List<Point> read(Path file, Consumer<String> warn) {
    List<Point> points = new ArrayList<>();
    MetricLines.read(file, warn).forEach(l -> points.add(new Point(l.step(), l.name(), l.value(), l.wallTime())));
    return points;
  }

  /** The last logged value of each metric name, sorted by name. */
  static List<Logged> lastValues(List<Point> points) {
    // from the end back: each name's first point met is its last one logged
    TreeMap<String, Logged> last = new TreeMap<>();
    for (int i = points.size() - 1; i >= 0; i--) {
      Point p = points.get(i);
      if (!last.containsKey(p.name())) {
        last.put(p.name(), new Logged(p.name(), p.step(), p.value()));
      }
    }
    return List.copyOf(last.values());
  }
}
