package dev.labkit.lab;

import dev.labkit.ground.UserError;
import dev.labkit.store.MetricLines;
import dev.labkit.store.RunFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code lab export EXPERIMENT --format csv|json}: an experiment's runs as two tables a spreadsheet,
 * pandas or R reads directly.
 *
 * <ul>
 *   <li>{@code runs.csv} / {@code runs.json}: one row per run (oldest first): {@code run}, {@code status},
 *       {@code trial} (empty outside a sweep, 0 for a sweep's summary), then the union of the runs' params
 *       and then of their final metrics, each in the order first met;</li>
 *   <li>{@code series.csv} / {@code series.json}: every logged metric point in long format
 *       ({@code run, step, name, value, wall_time}), runs oldest first, points in file order.</li>
 * </ul>
 */
public final class Export {
  private Export() {}

  /** The formats {@code --format} takes. */
  public enum Format { csv, json }

  /** Writes the two files into {@code dest} and prints their paths; returns the exit code. */
  public static int write(Path runsDir, String experiment, Format format, Path dest, PrintStream out) {
    List<RunFolder> runs = runs(runsDir, experiment, out);
    List<String> params = union(runs, true);
    List<String> metrics = union(runs, false);
    Path runsFile = dest.resolve("runs." + format);
    Path seriesFile = dest.resolve("series." + format);
    try {
      Files.createDirectories(dest);
      if (format == Format.csv) {
        writeRunsCsv(runsFile, runs, params, metrics);
        writeSeriesCsv(seriesFile, runs, out);
      } else {
        RunFolder.JSON.writerWithDefaultPrettyPrinter().writeValue(runsFile.toFile(), runsJson(runs, params, metrics));
        RunFolder.JSON.writerWithDefaultPrettyPrinter().writeValue(seriesFile.toFile(), seriesJson(runs, out));
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UserError user) {
        throw user;
      }
      throw new UserError("cannot write the export to " + dest + ": " + RunFolder.firstLine(e)
          + "; give a writable folder with --dest DIR", e);
    }
    out.println(runs.size() + " runs of " + experiment + ": " + runsFile + ", " + seriesFile);
    return 0;
  }

  /** The experiment's readable runs, oldest first (ids sort by start); unreadable folders are named and skipped. */
  static List<RunFolder> runs(Path runsDir, String experiment, PrintStream out) {
    Path dir = runsDir.resolve(experiment);
    if (experiment.contains("/") || experiment.contains("..") || !Files.isDirectory(dir)) {
      List<String> names = RunRefs.children(runsDir).stream().map(e -> e.getFileName().toString()).toList();
      throw new UserError("no experiment '" + experiment + "' under " + runsDir + (names.isEmpty()
          ? " (no runs yet; --out DIR if they were written to DIR/runs)" : "; experiments there: " + String.join(", ", names)));
    }
    List<RunFolder> runs = new ArrayList<>();
    for (Path folder : RunRefs.children(dir)) {
      Optional<RunFolder> run = RunFolder.tryRead(folder);
      run.ifPresentOrElse(runs::add, () -> out.println("skipped " + folder + ": run.json missing or unreadable"));
    }
    if (runs.isEmpty()) {
      throw new UserError("no readable runs in " + dir + "; run the experiment's script first");
    }
    return runs;
  }

  /** The param names (or final metric names) of all runs, in the order first met. */
  static List<String> union(List<RunFolder> runs, boolean params) {
    Set<String> names = new LinkedHashSet<>();
    for (RunFolder run : runs) {
      if (params) {
        run.params().propertyNames().forEach(names::add);
      } else {
        names.addAll(run.metrics().keySet());
      }
    }
    return List.copyOf(names);
  }

  static List<String> header(List<String> params, List<String> metrics) {
    List<String> header = new ArrayList<>(List.of("run", "status", "trial"));
    header.addAll(params);
    header.addAll(metrics);
    return header;
  }

  static String trial(RunFolder run) {
    return run.trial() < 0 ? "" : Integer.toString(run.trial());
  }

  private static void writeRunsCsv(Path file, List<RunFolder> runs, List<String> params, List<String> metrics)
      throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      csv.printRecord(header(params, metrics));
      for (RunFolder run : runs) {
        List<String> row = new ArrayList<>(List.of(run.runId(), run.statusText(), trial(run)));
        params.forEach(p -> row.add(RunFolder.text(run.params().get(p), "")));
        Map<String, Double> values = run.metrics();
        metrics.forEach(m -> row.add(values.get(m) == null ? "" : Double.toString(values.get(m))));
        csv.printRecord(row);
      }
    }
  }

  private static void writeSeriesCsv(Path file, List<RunFolder> runs, PrintStream out) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      csv.printRecord("run", "step", "name", "value", "wall_time");
      for (RunFolder run : runs) {
        for (MetricLines.Line line : run.metricLines(out::println)) {
          csv.printRecord(run.runId(), line.step(), line.name(), Double.toString(line.value()),
              Double.isNaN(line.wallTime()) ? "" : Double.toString(line.wallTime()));
        }
      }
    }
  }

  private static ArrayNode runsJson(List<RunFolder> runs, List<String> params, List<String> metrics) {
    ArrayNode rows = RunFolder.JSON.createArrayNode();
    for (RunFolder run : runs) {
      ObjectNode row = rows.addObject().put("run", run.runId()).put("status", run.statusText());
      if (run.trial() >= 0) {
        row.put("trial", run.trial());
      } else {
        row.putNull("trial");
      }
      for (String p : params) {
        JsonNode value = run.params().get(p);
        if (value == null) {
          row.putNull(p);
        } else {
          row.set(p, value);
        }
      }
      Map<String, Double> values = new LinkedHashMap<>(run.metrics());
      metrics.forEach(m -> number(row, m, values.get(m)));
    }
    return rows;
  }

  private static ArrayNode seriesJson(List<RunFolder> runs, PrintStream out) {
    ArrayNode rows = RunFolder.JSON.createArrayNode();
    for (RunFolder run : runs) {
      for (MetricLines.Line line : run.metricLines(out::println)) {
        ObjectNode row = rows.addObject().put("run", run.runId()).put("step", line.step()).put("name", line.name());
        number(row, "value", line.value());
        number(row, "wall_time", Double.isNaN(line.wallTime()) ? null : line.wallTime());
      }
    }
    return rows;
  }

  /** A number, or null when absent; NaN and infinities as strings, as summary.json keeps them (JSON has no NaN). */
  private static void number(ObjectNode row, String name, Double value) {
    if (value == null) {
      row.putNull(name);
    } else if (value.isNaN() || value.isInfinite()) {
      row.put(name, value.toString());
    } else {
      row.put(name, value.doubleValue());
    }
  }
}
