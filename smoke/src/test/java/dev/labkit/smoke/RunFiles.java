package dev.labkit.smoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads run folders as the tests see them: plain JSON files, no library code in between. */
final class RunFiles {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private RunFiles() {}

  /** Every run folder under {@code out/runs}, in id order. */
  static List<Path> folders(Path out) throws IOException {
    Path runs = out.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(runs, 2)) {
      // a folder is claimed a moment before its run.json is written, and a kill in that moment leaves it empty:
      // lab runs lists such a folder as damaged, the site leaves it out; the tests look at runs with a run.json
      return walk.filter(p -> p.getNameCount() == runs.getNameCount() + 2 && Files.isDirectory(p))
          .filter(p -> Files.isRegularFile(p.resolve("run.json"))).sorted().toList();
    }
  }

  static JsonNode runJson(Path folder) throws IOException {
    return JSON.readTree(Files.readString(folder.resolve("run.json")));
  }

  /** The trial number of a run (0: a sweep's summary), or -1 for a run outside a sweep. */
  static int trial(Path folder) throws IOException {
    JsonNode sweep = runJson(folder).path("sweep");
    return sweep.isObject() ? sweep.path("trial").asInt() : -1;
  }

  static String status(Path folder) throws IOException {
    return runJson(folder).path("status").asString();
  }

  /** The final metrics of summary.json, sorted by name. */
  static Map<String, String> metrics(Path folder) throws IOException {
    Map<String, String> metrics = new TreeMap<>();
    JSON.readTree(Files.readString(folder.resolve("summary.json"))).path("metrics").properties()
        .forEach(e -> metrics.put(e.getKey(), e.getValue().toString()));
    return metrics;
  }

  /** {@code experiment/run-id} of a folder. */
  static String name(Path folder) {
    return folder.getParent().getFileName() + "/" + folder.getFileName();
  }
}
