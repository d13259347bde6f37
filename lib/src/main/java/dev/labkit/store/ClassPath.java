package dev.labkit.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars a run ran with, read from the JVM's {@code java.class.path}. JBang starts a script with
 * every resolved jar of its {@code //DEPS} on the class path, each in the Maven repository layout
 * {@code <repo>/<group as folders>/<artifact>/<version>/<artifact>-<version>[-classifier].jar}, so the
 * path alone says group, artifact and version; anything else (the script's own compiled jar, a test
 * runner's jar) is listed by its file name.
 */
final class ClassPath {
  private ClassPath() {}

  static List<String> dependencies() {
    String classPath = System.getProperty("java.class.path", "");
    List<String> deps = new ArrayList<>();
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        deps.add(coordinates(Path.of(entry)));
      }
    }
    return List.copyOf(deps);
  }

  /** {@code group:artifact:version[:classifier]} for a jar in a Maven repository layout, else its file name. */
  static String coordinates(Path jar) {
    Path versionDir = jar.getParent();
    Path artifactDir = versionDir == null ? null : versionDir.getParent();
    String file = String.valueOf(jar.getFileName());
    if (artifactDir == null || artifactDir.getFileName() == null || !file.endsWith(".jar")) {
      return file;
    }
    String version = versionDir.getFileName().toString();
    String artifact = artifactDir.getFileName().toString();
    String stem = artifact + "-" + version;
    if (!file.startsWith(stem)) {
      return file;
    }
    // the group's folders lie between the repository root (a folder named "repository") and the artifact
    List<String> group = new ArrayList<>();
    for (Path p = artifactDir.getParent(); p != null && p.getFileName() != null; p = p.getParent()) {
      if (p.getFileName().toString().equals("repository")) {
        String rest = file.substring(stem.length(), file.length() - ".jar".length());
        String classifier = rest.startsWith("-") ? ":" + rest.substring(1) : "";
        return String.join(".", group.reversed()) + ":" + artifact + ":" + version + classifier;
      }
      group.add(p.getFileName().toString());
    }
    return file;
  }
}
