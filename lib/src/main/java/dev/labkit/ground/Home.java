package dev.labkit.ground;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where labkit keeps its files: the checkout the launcher runs from ({@code $LABKIT_HOME}, set by
 * {@code ./jbang}), else the system property {@code labkit.home}, else the working directory (a script run
 * with JBang alone, from a catalog or a URL: {@link #checkout()} is false). Runs go to {@code data/runs/},
 * the report to {@code site/}, shipped datasets live in {@code data/}; downloads go to the user's cache.
 */
public final class Home {
  private Home() {}

  public static Path dir() {
    String configured = configured();
    return Path.of(configured != null ? configured : ".").toAbsolutePath().normalize();
  }

  /** Whether labkit runs from a checkout (its launcher or a test named one), not from the working directory. */
  public static boolean checkout() {
    return configured() != null;
  }

  private static String configured() {
    String env = System.getenv("LABKIT_HOME");
    String prop = System.getProperty("labkit.home");
    return prop != null && !prop.isBlank() ? prop : env != null && !env.isBlank() ? env : null;
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

  /** Download cache: {@code $LABKIT_CACHE}, else the user cache of this OS ({@link #userCache}). */
  public static Path cache() {
    String env = System.getenv("LABKIT_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    return userCache(System.getProperty("os.name", ""), System.getProperty("user.home"), System::getenv);
  }

  /**
   * The OS's per-user cache folder for labkit: {@code %LOCALAPPDATA%\labkit\cache} on Windows,
   * {@code ~/Library/Caches/labkit} on macOS, {@code $XDG_CACHE_HOME/labkit} else {@code ~/.cache/labkit}.
   */
  public static Path userCache(String osName, String userHome, UnaryOperator<String> env) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String local = env.apply("LOCALAPPDATA");
      return local != null && !local.isBlank() ? Path.of(local, "labkit", "cache")
          : Path.of(userHome, "AppData", "Local", "labkit", "cache");
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return Path.of(userHome, "Library", "Caches", "labkit");
    }
    String xdg = env.apply("XDG_CACHE_HOME");
    return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg, "labkit")
        : Path.of(userHome, ".cache", "labkit");
  }
}
