package dev.labkit.report;

import dev.labkit.report.Run.Logged;
import dev.labkit.report.Run.Point;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads metrics.csv ({@code step,name,value,wall_time}), the scalar log a run appends as it trains. */
final class MetricsCsv {
  private MetricsCsv() {}

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();

  /**
   * Every well-formed line, in file order. A run appends while we read, so the last line may be cut
   * short: that one is dropped quietly; other malformed lines are dropped with one warning.
   */
  static List<Point> read(Path file, Consumer<String> warn) {
    List<Point> points = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return points;
    }
    List<Long> bad = new ArrayList<>();
    long lastLine = 0;
    try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, FORMAT)) {
      for (CSVRecord record : parser) {
        lastLine = parser.getCurrentLineNumber();
        Point point = point(record);
        if (point == null) {
          bad.add(lastLine);
        } else {
          points.add(point);
        }
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      warn.accept("warning: stopped reading " + file + " at line " + (lastLine + 1) + ": "
          + RunFolders.firstLine(e));
      return points;
    }
    if (!bad.isEmpty() && bad.getFirst() != lastLine) {
      warn.accept("warning: ignored " + bad.size() + " malformed line(s) in " + file + " (first at line "
          + bad.getFirst() + "; expected step,name,value,wall_time)");
    }
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

  private static Point point(CSVRecord record) {
    if (!record.isConsistent() || !record.isMapped("value")) {
      return null;
    }
    try {
      String wall = record.isSet("wall_time") ? record.get("wall_time").trim() : "";
      return new Point(
          Long.parseLong(record.get("step").trim()),
          record.get("name").trim(),
          Double.parseDouble(record.get("value").trim()),
          wall.isEmpty() ? Double.NaN : Double.parseDouble(wall));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
