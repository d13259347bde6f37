package dev.labkit.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A run folder's metrics.csv ({@code step,name,value,wall_time}), the scalar log a run appends and flushes
 * line by line as it trains: its lines written ({@link #line}) and read back ({@link #read}) here.
 */
public final class MetricLines {
  private MetricLines() {}

  /** The first line of every metrics.csv. */
  public static final String HEADER = "step,name,value,wall_time\n";

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();

  /** One line of metrics.csv; {@code wallTime} is seconds since the run started (NaN when not written). */
  public record Line(long step, String name, double value, double wallTime) {}

  /** How lines are written: CSV quoting (a metric name with a comma or a quote stays one cell), one {@code \n} a line. */
  private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  /** A line as the run store appends it: the value as Java prints a double, wall time to the millisecond. */
  public static String line(long step, String name, double value, double wallTime) {
    return WRITE.format(step, name, Double.toString(value), String.format(Locale.ROOT, "%.3f", wallTime)) + "\n";
  }

  /** A whole metrics.csv holding {@code lines}, header first (wall times NaN are left empty). */
  public static String text(List<Line> lines) {
    StringBuilder out = new StringBuilder(HEADER);
    for (Line l : lines) {
      out.append(Double.isNaN(l.wallTime()) ? WRITE.format(l.step(), l.name(), Double.toString(l.value()), "") + "\n"
          : line(l.step(), l.name(), l.value(), l.wallTime()));
    }
    return out.toString();
  }

  /**
   * Every well-formed line, in file order; none when the file is absent. A run appends while we read, so
   * the last line may be cut short: that one is dropped quietly; other malformed lines are dropped with one
   * warning.
   */
  public static List<Line> read(Path file, Consumer<String> warn) {
    List<Line> lines = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return lines;
    }
    List<Long> bad = new ArrayList<>();
    long lastLine = 0;
    try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, FORMAT)) {
      for (CSVRecord record : parser) {
        lastLine = parser.getCurrentLineNumber();
        Line line = parse(record);
        if (line == null) {
          bad.add(lastLine);
        } else {
          lines.add(line);
        }
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      warn.accept("warning: stopped reading " + file + " at line " + (lastLine + 1) + ": " + RunFolder.firstLine(e));
      return lines;
    }
    if (!bad.isEmpty() && bad.getFirst() != lastLine) {
      warn.accept("warning: ignored " + bad.size() + " malformed line(s) in " + file + " (first at line "
          + bad.getFirst() + "; expected step,name,value,wall_time)");
    }
    return lines;
  }

  private static Line parse(CSVRecord record) {
    if (!record.isConsistent() || !record.isMapped("value")) {
      return null;
    }
    try {
      String wall = record.isSet("wall_time") ? record.get("wall_time").trim() : "";
      return new Line(
          Long.parseLong(record.get("step").trim()),
          record.get("name").trim(),
          Double.parseDouble(record.get("value").trim()),
          wall.isEmpty() ? Double.NaN : Double.parseDouble(wall));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
