package dev.labkit.store;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * How {@link RunFolder} opens a folder: run.json checked (an error for a folder asked for, a warning for one
 * met in a scan) and summary.json read when it is there. Only {@link RunFolder} calls it.
 */
final class RunFolderReading {
  private RunFolderReading() {}

  static RunFolder read(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new UserError("no run folder " + folder + "; give a run id, experiment/run-id or a run folder (lab runs lists them)");
    }
    Path runJson = folder.resolve(RunFolder.RUN_JSON);
    if (!Files.isRegularFile(runJson)) {
      throw new UserError(folder + " has no run.json: not a run folder, or its run was stopped before it began; "
          + "pick another run (lab runs lists them)");
    }
    JsonNode json;
    try {
      json = RunFolder.JSON.readTree(Files.readString(runJson));
    } catch (IOException | JacksonException e) {
      throw new UserError(runJson + " is damaged (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("not JSON")
          + "); the run cannot be read: delete the folder or re-run its command", e);
    }
    if (json == null || !json.isObject() || !json.path("experiment").isString()) {
      throw new UserError(runJson + " is damaged (not a run record: no \"experiment\" field); the run cannot be "
          + "read: delete the folder or re-run its command");
    }
    return new RunFolder(folder, json, readOptional(folder.resolve(RunFolder.SUMMARY_JSON), warning -> { }));
  }

  static Optional<RunFolder> scan(Path folder, Consumer<String> warn) {
    Path runJson = folder.resolve(RunFolder.RUN_JSON);
    if (!Files.isRegularFile(runJson)) {
      warn.accept("warning: skipped " + folder + ": no run.json (not a run folder, or it was deleted)");
      return Optional.empty();
    }
    JsonNode json;
    try {
      json = RunFolder.JSON.readTree(runJson);
    } catch (JacksonException e) {
      warn.accept("warning: skipped " + folder + ": run.json is not valid JSON (" + RunFolder.firstLine(e) + ")");
      return Optional.empty();
    }
    if (json == null || !json.isObject()) {
      warn.accept("warning: skipped " + folder + ": run.json is not a JSON object");
      return Optional.empty();
    }
    return Optional.of(new RunFolder(folder, json, readOptional(folder.resolve(RunFolder.SUMMARY_JSON), warn)));
  }

  static JsonNode readOptional(Path file, Consumer<String> warn) {
    if (!Files.isRegularFile(file)) {
      return RunFolder.JSON.missingNode();
    }
    try {
      return RunFolder.JSON.readTree(file);
    } catch (JacksonException e) {
      warn.accept("warning: ignored " + file + ": not valid JSON (" + RunFolder.firstLine(e) + ")");
      return RunFolder.JSON.missingNode();
    }
  }
}
