package dev.labkit.store;

import dev.labkit.ground.AtomicFiles;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.ground.Json;
import dev.labkit.ground.UserError;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a run's events into its run folder (format: docs/architecture.md). Every write leaves a
 * readable folder: JSON goes through {@link Json#writeAtomically}, metrics.csv is flushed line by line.
 */
public final class RunStore implements EventSink, AutoCloseable {
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();


  private final Path folder;
  private final BufferedWriter metrics;
  private final long started;
  private final List<Map<String, Object>> artifacts = new ArrayList<>();
  private RunRecord record;
  /** Marks the run interrupted if the JVM stops (Ctrl-C, kill) while it is still running. */
  private final Thread onExit = new Thread(() -> end(RunStatus.INTERRUPTED, "stopped before the end (Ctrl-C or kill)"));

  private RunStore(Path folder, RunRecord record, boolean fresh) throws IOException {
    this(folder, record, fresh, List.of(), 0);
  }

  /** {@code artifacts} are kept from before; wall times go on from {@code wallTime} seconds. */
  private RunStore(Path folder, RunRecord record, boolean fresh, List<Map<String, Object>> kept, double wallTime)
      throws IOException {
    this.folder = folder;
    this.started = System.nanoTime() - (long) (wallTime * 1e9);
    this.artifacts.addAll(kept);
    synchronized (this) { // a kill from here on waits for run.json, then marks it (end is synchronized)
      record = record.withOwner(Owner.current()); // this process writes the folder now: readers check it lives
      this.record = record;
      try {
        Runtime.getRuntime().addShutdownHook(onExit); // before run.json: no folder is left "running"
      } catch (IllegalStateException shuttingDown) { // Ctrl-C or kill came first
        this.record = record.ended(RunStatus.INTERRUPTED, "stopped before the end (Ctrl-C or kill)", Instant.now().toString());
      }
      RunFolder.writeRecord(folder, this.record); // first: a folder killed before it holds nothing else
      Files.createDirectories(folder.resolve("artifacts"));
      Json.writeAtomically(folder.resolve(RunFolder.ARTIFACTS_JSON), artifacts);
      boolean header = fresh || !Files.exists(folder.resolve(RunFolder.METRICS_CSV));
      metrics = Files.newBufferedWriter(folder.resolve(RunFolder.METRICS_CSV), StandardCharsets.UTF_8,
          fresh ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      if (header) {
        metrics.write(MetricLines.HEADER);
      }
      metrics.flush();
    }
  }

  /** A new run id: UTC start time plus four random hex digits, so folders sort by start. */
  public static String newRunId(Instant start) {
    return ID_TIME.format(start) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
  }

  /**
   * Creates {@code runsDir/<experiment>/<run id>/} and writes run.json with status running. Two runs
   * started in the same second get different ids: the folder is claimed with an atomic create.
   */
  public static RunStore create(Path runsDir, RunRecord record) {
    Path experimentDir = runsDir.resolve(record.experiment());
    try {
      Files.createDirectories(experimentDir);
    } catch (IOException e) {
      throw new UserError("cannot create the run folder under " + runsDir + " (" + UserError.reason(e)
          + "); choose a writable folder with --out DIR", e);
    }
    RunRecord claimed = record;
    for (int attempt = 0; attempt < 20; attempt++) {
      Path folder = experimentDir.resolve(claimed.runId());
      try {
        Files.createDirectory(folder);
        return new RunStore(folder, claimed, true);
      } catch (FileAlreadyExistsException e) {
        String id = claimed.runId().substring(0, claimed.runId().lastIndexOf('-') + 1)
            + String.format("%04x", RANDOM.nextInt(0x10000));
        claimed = claimed.withRunId(id);
      } catch (IOException e) {
        throw new UserError("cannot write the run folder " + folder + " (" + UserError.reason(e)
            + "); choose a writable folder with --out DIR", e);
      }
    }
    throw new UserError("could not claim a run folder under " + experimentDir + " after 20 tries");
  }

  /**
   * Opens a run folder that exists again, as {@code --resume} does with a sweep's summary: run.json is
   * rewritten from {@code record} (status running), metrics.csv is appended to, artifacts start afresh.
   */
  public static RunStore reopen(Path folder, RunRecord record) {
    try {
      return new RunStore(folder, record, false);
    } catch (IOException e) {
      throw new UserError("cannot write the run folder " + folder + " (" + e.getMessage()
          + "); check its permissions", e);
    }
  }

  /**
   * Opens a stopped run's folder to go on from step {@code step} ({@code --resume RUN_ID}): metrics.csv and
   * artifacts.json keep what was logged up to that step and drop what came after (the run logs it again),
   * wall times go on from the last line kept, and run.json is rewritten from {@code record}. So the folder
   * reads as one run.
   */
  public static RunStore resume(Path folder, RunRecord record, long step) {
    try {
      Path metricsCsv = folder.resolve(RunFolder.METRICS_CSV);
      List<MetricLines.Line> kept = new ArrayList<>();
      double wallTime = 0;
      for (MetricLines.Line line : MetricLines.read(metricsCsv, warning -> { })) { // a line cut short by a kill is dropped
        if (line.step() <= step && !Double.isNaN(line.wallTime())) {
          kept.add(line);
          wallTime = Math.max(wallTime, line.wallTime());
        }
      }
      Json.writeAtomically(metricsCsv, MetricLines.text(kept).getBytes(StandardCharsets.UTF_8));
      List<Map<String, Object>> artifacts = new ArrayList<>();
      for (Map<String, Object> artifact : RunFolder.JSON.readValue(folder.resolve(RunFolder.ARTIFACTS_JSON).toFile(),
          new tools.jackson.core.type.TypeReference<List<Map<String, Object>>>() {})) {
        if (!(artifact.get("step") instanceof Number n) || n.longValue() <= step) {
          artifacts.add(artifact);
        }
      }
      return new RunStore(folder, record, false, artifacts, wallTime);
    } catch (IOException | RuntimeException e) {
      throw new UserError("cannot go on in the run folder " + folder + " (" + e.getMessage()
          + "); its metrics.csv or artifacts.json is damaged", e);
    }
  }

  public Path folder() {
    return folder;
  }

  public synchronized RunRecord record() {
    return record;
  }

  /**
   * Records values a search chose on the training set in place of the script's, with a note under
   * {@code refit} saying how (the run's params then describe the model that was tested).
   */
  public synchronized void chosen(Map<String, Object> values, String note) {
    Map<String, Object> params = new java.util.LinkedHashMap<>(record.params());
    params.putAll(values);
    params.put("refit", note);
    record = record.withParams(params);
    RunFolder.writeRecord(folder, record);
  }

  /** Records what data the run uses, once it is loaded. */
  public synchronized void dataset(RunRecord.DatasetInfo dataset) {
    record = record.withDataset(dataset);
    RunFolder.writeRecord(folder, record);
  }

  /** Records Slurm's part of the run (the arrays a sweep submitted). */
  public synchronized void slurm(RunRecord.Slurm slurm) {
    record = record.withSlurm(slurm);
    RunFolder.writeRecord(folder, record);
  }

  /**
   * Leaves the run {@code running} with no owner and lets go of the folder: its work goes on elsewhere (a
   * Slurm array after {@code --detach}), and whatever finishes it ({@code lab status}) opens the folder again.
   */
  public synchronized void release() {
    record = record.withOwner(null);
    RunFolder.writeRecord(folder, record);
    close();
  }

  @Override
  public synchronized void accept(Event event) {
    try {
      switch (event) {
        case Event.Scalar scalar -> {
          metrics.write(MetricLines.line(scalar.step(), scalar.name(), scalar.value(),
              (System.nanoTime() - started) / 1e9));
          metrics.flush();
        }
        case Event.Image image -> {
          String path = "artifacts/" + safe(image.name()) + ".png";
          AtomicFiles.write(folder.resolve(path), image.png());
          addArtifact(artifact(image.name(), "image", image.title(), path, image.step(), image.group(),
              new java.util.TreeMap<>(image.attributes())));
        }
        case Event.Table table -> {
          String path = "artifacts/" + safe(table.name()) + ".json";
          Files.createDirectories(folder.resolve(path).getParent());
          Json.writeAtomically(folder.resolve(path), table.content());
          addArtifact(artifact(table.name(), table.kind(), table.title(), path, null, null, Map.of()));
        }
        case Event.Summary summary -> {
          RunFolder.writeSummary(folder, summary.metrics(), summary.headline(), summary.lowerIsBetter());
        }
        case Event.Phase phase -> { }
        case Event.Progress progress -> { }
      }
    } catch (IOException e) {
      throw new UserError("cannot write to the run folder " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Marks the run finished, failed or interrupted; keeps everything written so far. */
  public synchronized void end(RunStatus status, String error) {
    if (record.status() != RunStatus.RUNNING) {
      return;
    }
    record = record.ended(status, error, Instant.now().toString());
    RunFolder.writeRecord(folder, record);
  }

  @Override
  public synchronized void close() {
    try {
      metrics.close();
    } catch (IOException e) {
      // metrics were flushed line by line; nothing is lost
    }
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook marks the run
    }
  }

  /** One entry of artifacts.json: the documented fields, then the event's own attributes. */
  private static Map<String, Object> artifact(String name, String kind, String title, String path, Long step,
      String group, Map<String, Object> attributes) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("kind", kind);
    entry.put("title", title);
    entry.put("path", path);
    entry.put("step", step);
    entry.put("group", group);
    entry.putAll(attributes);
    return entry;
  }

  private void addArtifact(Map<String, Object> artifact) {
    artifacts.removeIf(existing -> existing.get("name").equals(artifact.get("name")));
    artifacts.add(artifact);
    Json.writeAtomically(folder.resolve(RunFolder.ARTIFACTS_JSON), artifacts);
  }

  /** Artifact names become file names: keep letters, digits, dash, underscore, dot and slash. */
  private static String safe(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9_./-]", "_").replace("..", "_");
    return cleaned.startsWith("/") ? cleaned.substring(1) : cleaned;
  }
}
