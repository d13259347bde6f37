package dev.labkit.ground;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;

/**
 * The version of the library on the class path ({@code labkit/version.properties}, filled in by the build)
 * and the check that it is at least the one a script needs ({@code Lab.requires("0.2.0")}). A checkout's
 * {@code X.Y.Z-SNAPSHOT} counts as {@code X.Y.Z}: it is that release's code or newer.
 */
public final class LabkitVersion {
  private LabkitVersion() {}

  /** This library's version, or "unknown" when the jar has no version file. */
  public static String current() {
    try (InputStream in = LabkitVersion.class.getResourceAsStream("/labkit/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Stops in one line, naming both versions, when {@link #current()} is older than {@code wanted}. */
  public static void require(String wanted) {
    String found = current();
    if (!atLeast(found, wanted)) {
      throw new UserError(mismatch(wanted, found));
    }
  }

  static String mismatch(String wanted, String found) {
    return "this script needs labkit " + wanted + " or newer, but labkit " + found + " is on its class path; run it "
        + "with jbang -Dlabkit.version=" + wanted + " …, or update the checkout whose ./jbang runs it (git pull)";
  }

  /** Whether {@code found} ≥ {@code wanted}, comparing the numbers of X.Y.Z (a qualifier such as -SNAPSHOT ignored). */
  public static boolean atLeast(String found, String wanted) {
    int[] have = numbers(found);
    int[] want = numbers(wanted);
    if (want == null) {
      throw new IllegalArgumentException("'" + wanted + "' is not a labkit version (X.Y.Z)");
    }
    return have != null && Arrays.compare(have, want) >= 0;
  }

  private static int[] numbers(String version) {
    String plain = version.strip().replaceFirst("[-+].*$", "");
    if (!plain.matches("\\d+(\\.\\d+){0,2}")) {
      return null;
    }
    int[] parts = new int[3];
    String[] split = plain.split("\\.");
    for (int i = 0; i < split.length; i++) {
      parts[i] = Integer.parseInt(split[i]);
    }
    return parts;
  }
}
