package dev.labkit.store;

import dev.labkit.ground.UserError;
import dev.labkit.ground.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run folder ({@code <runs>/<experiment>/<run-id>/}, format in docs/architecture.md), read and written
 * here and nowhere else: run.json (as written, and as a typed {@link RunRecord}), the final metrics of
 * summary.json, the lines of metrics.csv ({@link MetricLines}), and where artifacts.json lies. The run store
 * writes through it; the report, the {@code lab} tool and {@code --resume} read through it. Two
 * package-private parts of it, called by nothing else, hold how a folder is opened ({@link RunFolderReading})
 * and what is written besides run.json ({@link RunFolderWriting}).
 *
 * <p>A folder is read, never trusted: every field of run.json is optional (a run.json from an older labkit
 * still reads), a damaged or absent summary.json reads as no final metrics, and a missing or damaged run.json
 * is one line saying which and why: an error for a folder that was asked for ({@link #read}), a warning
 * for one met in a scan ({@link #scan}).
 */
public final class RunFolder {
  public static final String RUN_JSON = "run.json";
  public static final String SUMMARY_JSON = "summary.json";
  public static final String METRICS_CSV = "metrics.csv";
  public static final String ARTIFACTS_JSON = "artifacts.json";

  /** The one JSON mapper of run folders: snake_case keys, indented. */
  public static final JsonMapper JSON = Json.MAPPER;

  private final Path folder;
  private final JsonNode json;
  private final JsonNode summary;
  private Boolean orphaned;

  RunFolder(Path folder, JsonNode json, JsonNode summary) {
    this.folder = folder;
    this.json = json;
    this.summary = summary;
  }

  // ---- reading

  /** Reads {@code folder}; a missing or damaged run.json (or one without an experiment) is a one-line error. */
  public static RunFolder read(Path folder) {
    return RunFolderReading.read(folder);
  }

  /** The same, or empty when the folder is not a readable run (for scans that skip such folders quietly). */
  public static Optional<RunFolder> tryRead(Path folder) {
    try {
      return Optional.of(read(folder));
    } catch (UserError e) {
      return Optional.empty();
    }
  }

  /**
   * Reads a folder met in a scan of the runs folder: when its run.json is missing, not JSON or not an
   * object, one warning says so and the folder is skipped; a damaged summary.json is a warning too.
   */
  public static Optional<RunFolder> scan(Path folder, Consumer<String> warn) {
    return RunFolderReading.scan(folder, warn);
  }

  /** A JSON file of a run folder that may be absent (a run in progress) or damaged (a warning): both read as missing. */
  public static JsonNode readOptional(Path file, Consumer<String> warn) {
    return RunFolderReading.readOptional(file, warn);
  }

  // ---- writing

  /** Writes run.json from {@code record}, crash-safe (a reader sees the old file or the new one). */
  public static void writeRecord(Path folder, RunRecord record) {
    Json.writeAtomically(folder.resolve(RUN_JSON), record);
  }

  /**
   * Marks a run that Slurm ended before it could mark itself (a time limit, memory, preemption, a node that
   * failed, a cancel): status failed, {@code reason} as its error, Slurm's {@code state} under {@code slurm}.
   * What the run wrote stays; a run that finished is left as it is.
   */
  public static void endedBySlurm(Path folder, String state, String reason) {
    RunFolderWriting.endedBySlurm(folder, state, reason);
  }

  /** Writes summary.json: the final metrics and the name of the headline one. */
  public static void writeSummary(Path folder, Map<String, ?> metrics, String headline) {
    writeSummary(folder, metrics, headline, Map.of());
  }

  /** The same, with the direction of the metrics the script declared ({@code lower_is_better}, when any). */
  public static void writeSummary(Path folder, Map<String, ?> metrics, String headline,
      Map<String, Boolean> lowerIsBetter) {
    RunFolderWriting.writeSummary(folder, metrics, headline, lowerIsBetter);
  }

  // ---- what was read

  public Path folder() {
    return folder;
  }

  /** run.json as written (a tree: fields a newer or older labkit wrote or left out read as missing). */
  public JsonNode json() {
    return json;
  }

  /**
   * run.json as a typed record; fields it lacks are null (0 or false for numbers and flags). A run.json whose
   * fields have the wrong types is a one-line error.
   */
  public RunRecord record() {
    try {
      RunRecord read = JSON.readerFor(RunRecord.class)
          .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .readValue(json);
      return orphaned() ? read.ended(RunStatus.INTERRUPTED, error(), read.provenance() == null ? null : read.provenance().ended()) : read;
    } catch (JacksonException e) {
      throw new UserError(folder.resolve(RUN_JSON) + " is damaged (" + firstLine(e) + "); the run cannot be read: "
          + "delete the folder or re-run its command", e);
    }
  }

  /** summary.json as written, or a missing node while the run goes on (or when it is damaged). */
  public JsonNode summary() {
    return summary;
  }

  /** The experiment run.json names (null when it names none). */
  public String experiment() {
    return text(json.path("experiment"), null);
  }

  /** The folder's name, which is the run's id. */
  public String runId() {
    return folder.getFileName().toString();
  }

  /** {@code experiment/run-id}: how a run is named on the command line and in messages. */
  public String name() {
    return experiment() + "/" + runId();
  }

  /**
   * The status run.json gives, or null when it gives none this labkit knows; a run that says {@code running}
   * but whose process is gone ({@link #orphaned}) is {@code interrupted}.
   */
  public RunStatus status() {
    return orphaned() ? RunStatus.INTERRUPTED : RunStatus.parse(text(json.path("status"), null));
  }

  /** The status as run.json spells it ({@code interrupted} for an orphaned run), {@code "unknown"} when absent or blank. */
  public String statusText() {
    String text = orphaned() ? RunStatus.INTERRUPTED.text() : text(json.path("status"), null);
    return text == null || text.isBlank() ? "unknown" : text;
  }

  /** The one-line error of a failed run (or what became of an orphaned one), or null. */
  public String error() {
    return orphaned() ? owner().endedUnmarked() : text(json.path("error"), null);
  }

  /** Slurm's part of run.json ({@link RunRecord.Slurm}), or null for a run outside Slurm. */
  public RunRecord.Slurm slurm() {
    JsonNode node = json.path("slurm");
    return node.isObject() ? JSON.convertValue(node, RunRecord.Slurm.class) : null;
  }

  /** The process that wrote the folder, as run.json's {@code owner} records it, or null (a folder older than it). */
  public Owner owner() {
    return Owner.read(json.path("owner"));
  }

  /**
   * Whether run.json says {@code running} but the process that wrote it is gone (killed with kill -9, or the
   * machine stopped): such a run reads as interrupted everywhere. Checked once per reading of the folder.
   */
  public boolean orphaned() {
    if (orphaned == null) {
      Owner owner = owner();
      orphaned = RunStatus.RUNNING.text().equals(text(json.path("status"), null)) && owner != null && owner.gone();
    }
    return orphaned;
  }

  /** The script's {@code //DESCRIPTION} as run.json records it, or null (older runs, scripts without one). */
  public String description() {
    return text(json.path("description"), null);
  }

  /** The script's {@code .note("…")} texts (Markdown) in order; empty when it wrote none. */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    json.path("notes").forEach(note -> {
      if (note.isString() && !note.asString().isBlank()) {
        notes.add(note.asString());
      }
    });
    return List.copyOf(notes);
  }

  public JsonNode provenance() {
    return json.path("provenance");
  }

  public JsonNode params() {
    return json.path("params");
  }

  /**
   * The task family that ran ({@code classify}, {@code regress}, {@code generate}) as run.json records it;
   * for a folder written before run.json had it, read off the model it names: a GAN generates, a linear
   * regression regresses, everything else classifies.
   */
  public String kind() {
    if (json.path("kind").isString()) {
      return json.path("kind").asString();
    }
    String model = text(json.path("params").path("model"), "");
    return switch (model) {
      case "gan", "cgan", "dcgan", "cdcgan" -> "generate";
      case "linear-regression" -> "regress";
      default -> "classify";
    };
  }

  /** The sweep this run belongs to, or null. */
  public String sweepId() {
    return json.path("sweep").path("id").isString() ? json.path("sweep").path("id").asString() : null;
  }

  /** This run's trial number in its sweep (0 for the sweep's summary), or -1 outside a sweep. */
  public int trial() {
    return json.path("sweep").path("trial").isNumber() ? json.path("sweep").path("trial").asInt() : -1;
  }

  /** The final metrics of summary.json, in its order (a fresh copy); empty while the run goes on or when it failed early. */
  public Map<String, Double> metrics() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    summary.path("metrics").properties().forEach(e -> metrics.put(e.getKey(), number(e.getValue())));
    return metrics;
  }

  /** The metric summary.json names as the headline, or null. */
  public String headline() {
    return summary.path("headline").isString() ? summary.path("headline").asString() : null;
  }

  public Path metricsCsv() {
    return folder.resolve(METRICS_CSV);
  }

  /** Every well-formed line of metrics.csv, in file order ({@link MetricLines#read}). */
  public List<MetricLines.Line> metricLines(Consumer<String> warn) {
    return MetricLines.read(metricsCsv(), warn);
  }

  public Path artifactsJson() {
    return folder.resolve(ARTIFACTS_JSON);
  }

  /** A field as text: strings as they are, numbers and lists as JSON, {@code fallback} when absent or null. */
  public static String text(JsonNode node, String fallback) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return fallback;
    }
    return node.isValueNode() ? node.asString() : node.toString();
  }

  /** The first line of an exception's message, for one-line warnings and errors. */
  public static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** A metric's value; Jackson writes NaN and infinities as strings. */
  private static Double number(JsonNode value) {
    if (value.isNumber()) {
      return value.asDouble();
    }
    try {
      return Double.parseDouble(value.asString());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
