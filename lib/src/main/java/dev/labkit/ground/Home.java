package dev.labkit.ground;

import java.nio.file.Path;

/**
 * Where labkit keeps its files: the checkout the launcher runs from ({@code $LABKIT_HOME}, set by
 * {@code ./jbang}), else the system property {@code labkit.home}, else the working directory.
 * Runs go to {@code data/runs/}, the report to {@code site/}, shipped datasets live in {@code data/}.
 */
public final class Home {
  private Home() {}

  public static Path dir() {
    String env = System.getenv("LABKIT_HOME");
    String prop = System.getProperty("labkit.home");
    String dir = prop != null && !prop.isBlank() ? prop : env != null && !env.isBlank() ? env : ".";
    return Path.of(dir).toAbsolutePath().normalize();
  }

  public static Path data() {
    return dir().resolve("data");
  }

  public static Path runs() {
    return data().resolve("runs");
  }

  public static Path site() {
    return dir().resolve("site");
  }

  /** Download cache: {@code $LABKIT_CACHE}, else {@code ~/.cache/labkit}. */
  public static Path cache() {
    String env = System.getenv("LABKIT_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".cache", "labkit");
  }
}
