package dev.labkit.run;

import dev.labkit.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A run folder read back: its run.json as a tree (read, never trusted: every field is optional, so a
 * run.json from an older labkit still reads) and the final metrics of its summary.json (empty while it
 * runs, or when it failed before the end).
 */
public record StoredRun(Path folder, JsonNode json, Map<String, Double> metrics, String headline) {

  /** Reads {@code folder}; a missing or damaged run.json is a one-line error saying which and why. */
  public static StoredRun read(Path folder) {
    Path runJson = folder.resolve("run.json");
    if (!Files.isDirectory(folder)) {
      throw new UserError("no run folder " + folder + "; give a run id, experiment/run-id or a run folder (lab runs lists them)");
    }
    if (!Files.isRegularFile(runJson)) {
      throw new UserError(folder + " has no run.json: not a run folder, or its run was stopped before it began; "
          + "pick another run (lab runs lists them)");
    }
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(Files.readString(runJson));
    } catch (IOException | JacksonException e) {
      throw new UserError(runJson + " is damaged (" + e.getMessage().lines().findFirst().orElse("not JSON")
          + "); the run cannot be read: delete the folder or re-run its command", e);
    }
    if (json == null || !json.isObject() || !json.path("experiment").isString()) {
      throw new UserError(runJson + " is damaged (not a run record: no \"experiment\" field); the run cannot be "
          + "read: delete the folder or re-run its command");
    }
    JsonNode summary = readSummary(folder.resolve("summary.json"));
    Map<String, Double> metrics = new LinkedHashMap<>();
    summary.path("metrics").properties().forEach(e -> metrics.put(e.getKey(), number(e.getValue())));
    String headline = summary.path("headline").isString() ? summary.path("headline").asString() : null;
    return new StoredRun(folder, json, metrics, headline);
  }

  /** The same, or empty when the folder is not a readable run (for scans over a runs folder). */
  public static Optional<StoredRun> tryRead(Path folder) {
    try {
      return Optional.of(read(folder));
    } catch (UserError e) {
      return Optional.empty();
    }
  }

  public String experiment() {
    return json.path("experiment").asString();
  }

  public String runId() {
    return folder.getFileName().toString();
  }

  /** {@code experiment/run-id}: how a run is named on the command line and in messages. */
  public String name() {
    return experiment() + "/" + runId();
  }

  public String status() {
    return text(json.path("status"), "unknown");
  }

  public JsonNode provenance() {
    return json.path("provenance");
  }

  public JsonNode params() {
    return json.path("params");
  }

  /** The sweep this run belongs to, or null. */
  public String sweepId() {
    return json.path("sweep").path("id").isString() ? json.path("sweep").path("id").asString() : null;
  }

  /** This run's trial number in its sweep (0 for the sweep's summary), or -1 outside a sweep. */
  public int trial() {
    return json.path("sweep").path("trial").isNumber() ? json.path("sweep").path("trial").asInt() : -1;
  }

  /** A field as text: strings as they are, numbers and lists as JSON, {@code fallback} when absent or null. */
  public static String text(JsonNode node, String fallback) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return fallback;
    }
    return node.isValueNode() ? node.asString() : node.toString();
  }

  private static JsonNode readSummary(Path file) {
    try {
      return Files.isRegularFile(file) ? Json.MAPPER.readTree(Files.readString(file)) : Json.MAPPER.missingNode();
    } catch (IOException | JacksonException e) {
      return Json.MAPPER.missingNode(); // a damaged summary reads as no final metrics
    }
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
