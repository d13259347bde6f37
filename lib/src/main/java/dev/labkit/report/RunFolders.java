package dev.labkit.report;

import dev.labkit.ground.Json;
import dev.labkit.report.Run.DatasetInfo;
import dev.labkit.report.Run.Entry;
import dev.labkit.report.Run.Metric;
import dev.labkit.report.Run.Split;
import dev.labkit.store.RunFolder;
import dev.labkit.store.RunRecord;
import dev.labkit.store.RunTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the report's {@link Run} views of run folders ({@code <runs>/<experiment>/<run-id>/}, format in
 * docs/architecture.md), which {@link RunFolder} reads. A run is read, never trusted: a folder whose run.json is missing or damaged is
 * skipped with a warning, and a damaged summary, artifact index or metrics line only loses that part.
 * A run still in progress (no summary.json yet) reads fine.
 */
public final class RunFolders {
  private RunFolders() {}

  /** Compact JSON for what the report writes into its pages ({@link Json#COMPACT}). */
  static final JsonMapper JSON = Json.COMPACT;

  /**
   * Every readable run under {@code runsDir}, sorted by experiment, then newest run first (run ids
   * start with their UTC start time). A missing runs folder is no runs.
   */
  public static List<Run> read(Path runsDir, Consumer<String> warn) {
    List<Run> runs = new ArrayList<>();
    for (Path folder : folders(runsDir)) {
      readRun(folder, warn).ifPresent(runs::add);
    }
    return sorted(runs);
  }

  /** Runs sorted as the pages list them: by experiment, then newest first (run ids start with their time). */
  static List<Run> sorted(List<Run> runs) {
    List<Run> copy = new ArrayList<>(runs);
    copy.sort(Comparator.comparing(Run::experiment).thenComparing(Comparator.comparing(Run::runId).reversed()));
    return copy;
  }

  /**
   * The run {@code <runsDir>/<experiment>/<runId>}, if there is such a readable run. The names are
   * matched against the folders that exist, never joined into a path, so they may come from a URL.
   */
  public static Optional<Run> find(Path runsDir, String experiment, String runId, Consumer<String> warn) {
    for (Path e : children(runsDir)) {
      if (e.getFileName().toString().equals(experiment)) {
        for (Path folder : children(e)) {
          if (folder.getFileName().toString().equals(runId)) {
            return readRun(folder, warn);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Reads one run folder; empty (after a warning) when its run.json is missing or damaged. */
  public static Optional<Run> readRun(Path folder, Consumer<String> warn) {
    return readRun(folder, warn, true);
  }

  /**
   * Reads a run without its metrics.csv (no series, no last logged values): all that the index and
   * experiment pages show, at a fraction of the cost for a run with millions of metric lines.
   */
  static Optional<Run> readOverview(Path folder, Consumer<String> warn) {
    return readRun(folder, warn, false);
  }

  /** Every run folder, as {@code <runs>/<experiment>/<run-id>}, sorted by experiment then run id. */
  static List<Path> folders(Path runsDir) {
    return RunTree.folders(runsDir);
  }

  private static Optional<Run> readRun(Path folder, Consumer<String> warn, boolean withSeries) {
    return RunFolder.scan(folder, warn).map(read -> view(read, warn, withSeries));
  }

  /** The report's view of a run folder that was read: its tables as rows, its dataset and sweep checked. */
  private static Run view(RunFolder read, Consumer<String> warn, boolean withSeries) {
    Path folder = read.folder();
    JsonNode run = read.json();
    String runId = read.runId();
    JsonNode provenance = read.provenance();
    JsonNode summary = read.summary();
    String started = text(provenance.path("started"));
    List<Run.Point> series = withSeries ? MetricsCsv.read(read.metricsCsv(), warn) : List.of();
    return new Run(
        folder.getParent().getFileName().toString(),
        runId,
        folder,
        read.statusText(),
        read.error(),
        started != null ? started : Format.startFromRunId(runId),
        text(provenance.path("ended")),
        SweepPlaces.asAxes(entries(read.params()), SweepPlaces.of(run.path("sweep"))),
        withSlurm(entries(provenance).stream().filter(e -> !e.key().equals("command")).toList(), read.slurm()),
        text(provenance.path("command")),
        dataset(run.path("dataset")),
        metrics(summary.path("metrics"), summary.path("lower_is_better")),
        headline(summary),
        // the final metrics are shown once, in their own table; the rest are curves' last points
        MetricsCsv.lastValues(series).stream().filter(l -> !summary.path("metrics").has(l.name())).toList(),
        series,
        Artifacts.index(folder, warn),
        SweepPlaces.of(run.path("sweep")),
        read.kind(),
        read.description(),
        read.notes());
  }

  /**
   * The runs of one experiment without their metric series ({@link #readOverview}), newest first; the
   * name is matched against folders, never joined.
   */
  public static List<Run> readExperiment(Path runsDir, String experiment, Consumer<String> warn) {
    List<Run> runs = new ArrayList<>();
    for (Path e : children(runsDir)) {
      if (e.getFileName().toString().equals(experiment)) {
        for (Path folder : children(e)) {
          readOverview(folder, warn).ifPresent(runs::add);
        }
      }
    }
    return sorted(runs);
  }

  /** Every run without its metric series ({@link #readOverview}), sorted as {@link #read} sorts. */
  static List<Run> readOverviews(Path runsDir, Consumer<String> warn) {
    List<Run> runs = new ArrayList<>();
    for (Path folder : folders(runsDir)) {
      readOverview(folder, warn).ifPresent(runs::add);
    }
    return sorted(runs);
  }

  /** The sub-folders of a folder, sorted by name; hidden ones (temporary files) left out. */
  static List<Path> children(Path dir) {
    return RunTree.children(dir);
  }

  /** A JSON file that may be absent (a run in progress) or damaged: both read as a missing node. */
  static JsonNode readOptional(Path file, Consumer<String> warn) {
    return RunFolder.readOptional(file, warn);
  }

  static String firstLine(Exception e) {
    return RunFolder.firstLine(e);
  }

  /** A scalar as text (null for null or missing); objects and arrays as compact JSON. */
  static String text(JsonNode node) {
    return RunFolder.text(node, null);
  }

  /** The provenance rows and, for a run Slurm ran, where: job, array, task and node (and the state it ended in). */
  private static List<Entry> withSlurm(List<Entry> provenance, RunRecord.Slurm slurm) {
    if (slurm == null) {
      return provenance;
    }
    List<Entry> rows = new ArrayList<>(provenance);
    if (slurm.describe() != null) {
      rows.add(new Entry("slurm", slurm.describe() + (slurm.state() == null ? "" : ", ended by Slurm: " + slurm.state()),
          false));
    } else if (slurm.arrays() != null) {
      rows.add(new Entry("slurm", "array " + String.join(", ", slurm.arrays()), false));
    }
    return rows;
  }

  private static List<Entry> entries(JsonNode object) {
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      String value = text(e.getValue());
      entries.add(new Entry(e.getKey(), value == null ? "" : value, e.getValue().isNumber()));
    }
    return entries;
  }

  /** The final metrics; a direction the script declared ({@code lower_is_better}) wins over the name's. */
  private static List<Metric> metrics(JsonNode object, JsonNode declared) {
    List<Metric> metrics = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      Metric m = metric(e.getKey(), e.getValue());
      JsonNode lower = declared.path(e.getKey());
      metrics.add(lower.isBoolean() ? new Metric(m.name(), m.display(), m.numeric(), m.value(), lower.asBoolean()) : m);
    }
    return metrics;
  }

  /** Whole numbers (counts, epochs) print as such; measured values with four fixed decimals. */
  private static Metric metric(String name, JsonNode value) {
    if (value.isIntegralNumber()) {
      return new Metric(name, name.endsWith("bytes") ? Format.bytes(value.asDouble()) : value.asString(), true,
          value.asDouble());
    }
    if (value.isNumber()) {
      return new Metric(name, Format.named(name, value.asDouble()), true, value.asDouble());
    }
    String text = text(value);
    return new Metric(name, text == null ? "" : text, false, null);
  }

  private static Metric headline(JsonNode summary) {
    String name = text(summary.path("headline"));
    JsonNode value = summary.path("metrics").path(name == null ? "" : name);
    return name == null || value.isMissingNode() ? null : metric(name, value);
  }

  private static DatasetInfo dataset(JsonNode dataset) {
    if (dataset.isMissingNode() || dataset.isNull()) {
      return null;
    }
    List<Split> splits = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : dataset.properties()) {
      JsonNode split = e.getValue();
      if (split.isObject() && (split.has("size") || split.has("sha256"))) {
        splits.add(new Split(e.getKey(), text(split.path("id")), text(split.path("size")),
            text(split.path("sha256"))));
      }
    }
    List<String> shape = new ArrayList<>();
    dataset.path("shape").forEach(n -> shape.add(n.asString()));
    List<String> classes = new ArrayList<>();
    dataset.path("classes").forEach(n -> classes.add(n.asString()));
    return new DatasetInfo(text(dataset.path("id")), splits, String.join(" \u00d7 ", shape), classes);
  }
}
