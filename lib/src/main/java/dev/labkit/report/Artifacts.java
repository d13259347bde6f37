package dev.labkit.report;

import dev.labkit.ground.AtomicFiles;
import dev.labkit.report.Run.Artifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** The artifact index of a run (artifacts.json) and the files it points to. */
final class Artifacts {
  private Artifacts() {}

  /**
   * The entries of artifacts.json in the order the run emitted them. An entry whose path would leave
   * the run folder ({@code ../../secret}, an absolute path) or whose file is missing is dropped.
   */
  static List<Artifact> index(Path folder, Consumer<String> warn) {
    Path file = folder.resolve("artifacts.json");
    JsonNode index = RunFolders.readOptional(file, warn);
    List<Artifact> artifacts = new ArrayList<>();
    if (index.isMissingNode()) {
      return artifacts;
    }
    if (!index.isArray()) {
      warn.accept("warning: ignored " + file + ": expected a JSON array of artifacts");
      return artifacts;
    }
    for (JsonNode entry : index) {
      String path = RunFolders.text(entry.path("path"));
      String kind = RunFolders.text(entry.path("kind"));
      if (path == null || kind == null || !isInside(folder, path)) {
        warn.accept("warning: ignored an artifact of " + folder + ": path " + path
            + " must be a file inside the run folder, such as artifacts/name.png");
        continue;
      }
      String name = RunFolders.text(entry.path("name"));
      String title = RunFolders.text(entry.path("title"));
      JsonNode step = entry.path("step");
      JsonNode maxAbs = entry.path("max_abs");
      JsonNode columns = entry.path("columns");
      artifacts.add(new Artifact(
          name == null ? path : name,
          kind,
          title == null ? (name == null ? path : name) : title,
          path,
          step.isIntegralNumber() ? step.asLong() : null,
          RunFolders.text(entry.path("group")),
          maxAbs.isNumber() && maxAbs.asDouble() > 0 ? maxAbs.asDouble() : null,
          columns.isIntegralNumber() && columns.asInt() > 0 && columns.asInt() <= 12 ? columns.asInt() : null));
    }
    return artifacts;
  }

  /** Whether a relative path names a regular file inside the run folder, following no link out of it. */
  static boolean isInside(Path folder, String relative) {
    if (relative.isBlank() || relative.startsWith("/") || relative.contains("\\")) {
      return false;
    }
    try {
      Path root = folder.toRealPath();
      Path target = folder.resolve(relative).normalize();
      return target.startsWith(folder.normalize()) && Files.isRegularFile(target)
          && target.toRealPath().startsWith(root);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Copies the run's {@code artifacts/} folder and every indexed artifact to {@code pageDir}, keeping
   * their relative paths so the page's links work. Regular files only: a link inside a run folder
   * can never pull a file from elsewhere into the site.
   */
  static void copy(Path runFolder, List<Artifact> indexed, Path pageDir) {
    try {
      Path source = runFolder.resolve("artifacts");
      if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> files = Files.walk(source)) {
          for (Path file : files.sorted().toList()) {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !AtomicFiles.isTemporary(file)) { // not half a file
              copyFile(file, pageDir.resolve(runFolder.relativize(file).toString()));
            }
          }
        }
      }
      for (Artifact artifact : indexed) {
        copyFile(runFolder.resolve(artifact.path()), pageDir.resolve(artifact.path()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the artifacts of " + runFolder + " to " + pageDir, e);
    }
  }

  /** Copies through {@link AtomicFiles} (a page never links half a picture); a copy already made is kept. */
  private static void copyFile(Path from, Path to) throws IOException {
    if (Files.isRegularFile(to) && Files.size(to) == Files.size(from)
        && Files.getLastModifiedTime(to).compareTo(Files.getLastModifiedTime(from)) >= 0) {
      return;
    }
    AtomicFiles.copy(from, to);
  }
}
