package dev.labkit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the last build of a site was made from: {@code site/.labkit-manifest.json} holds a
 * fingerprint of the generator (labkit's code and templates) and one per run folder. A rebuild
 * re-renders only the runs whose fingerprint changed; a new generator re-renders everything.
 *
 * <pre>{@code
 * {"generator": "9f2c…", "runs": {"logreg-fashion/20261126-213000-1a2b": "4be1…", …}}
 * }</pre>
 *
 * A run's fingerprint hashes the relative path, size and modification time of every file in its
 * folder, not the contents: stat calls only, so checking a thousand runs takes milliseconds. Run
 * folders are written by appending (metrics.csv) or by atomic renames (JSON), and both change the
 * size or the time.
 */
record SiteManifest(String generator, Map<String, String> runs) {
  static final String FILE = ".labkit-manifest.json";

  SiteManifest {
    runs = new TreeMap<>(runs); // sorted, so the file is the same for the same runs
  }

  /** The manifest of a site, or null when it has none or it is unreadable (then everything is rebuilt). */
  static SiteManifest read(Path siteDir) {
    Path file = siteDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode json = RunFolders.JSON.readTree(file);
      Map<String, String> runs = new TreeMap<>();
      json.path("runs").properties().forEach(e -> runs.put(e.getKey(), e.getValue().asString()));
      return new SiteManifest(json.path("generator").asString(), runs);
    } catch (JacksonException | IllegalArgumentException e) {
      return null;
    }
  }

  void write(Path siteDir) {
    ObjectNode json = RunFolders.JSON.createObjectNode();
    json.put("generator", generator);
    ObjectNode map = json.putObject("runs");
    runs.forEach(map::put);
    SiteGenerator.write(siteDir.resolve(FILE), RunFolders.JSON.writeValueAsBytes(json));
  }

  /** The key of a run in the manifest: {@code <experiment>/<run-id>}. */
  static String key(String experiment, String runId) {
    return experiment + "/" + runId;
  }

  /** A fingerprint of a run folder: every regular file's path, size and modification time. */
  static String ofFolder(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      StringBuilder text = new StringBuilder();
      for (Path file : walk.sorted().toList()) {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          text.append(folder.relativize(file)).append('\t').append(Files.size(file)).append('\t')
              .append(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis()).append('\n');
        }
      }
      return sha256(text.toString());
    } catch (IOException | UncheckedIOException e) {
      return "unreadable"; // a folder deleted while we look: it is read (and skipped) like any other
    }
  }

  /**
   * A fingerprint of the code that renders pages: the labkit jar (its size and time), or, when the
   * classes come from a folder (tests, an IDE), every file under it. A new labkit means new pages.
   */
  static String ofGenerator() {
    try {
      Path code = Path.of(SiteGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isDirectory(code) ? ofFolder(code) : ofFiles(List.of(code));
    } catch (URISyntaxException | RuntimeException e) {
      return "unknown"; // no code source we can read: a fresh, full build every time is still correct
    }
  }

  private static String ofFiles(List<Path> files) {
    StringBuilder text = new StringBuilder();
    for (Path f : files) {
      try {
        text.append(f).append('\t').append(Files.size(f)).append('\t').append(Files.getLastModifiedTime(f).toMillis());
      } catch (IOException e) {
        text.append(f).append("\tmissing");
      }
    }
    return sha256(text.toString());
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM lacks SHA-256, which every Java platform must have", e);
    }
  }
}
