package dev.labkit.neural;

import dev.labkit.ground.UserError;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of DJL's per-platform libtorch jars ({@code ai.djl.pytorch:pytorch-native-cpu}, classifier) fits a
 * machine, from its {@code os.name} and {@code os.arch}. The library's POM picks the same jar by one Maven
 * profile per platform (JBang activates them as Maven does), so a script gets its platform's libtorch from
 * Maven Central; on a platform with none, {@link #check()} says in one line which platforms work.
 */
public final class NativePlatform {
  /** DJL's classifiers of pytorch-native-cpu 2.7.1 on Maven Central, in the order messages name them. */
  public static final List<String> SUPPORTED = List.of("linux-x86_64", "linux-aarch64", "osx-aarch64", "win-x86_64");

  private NativePlatform() {}

  /** The classifier for {@code osName}/{@code osArch} as the JVM reports them, or empty when DJL ships none. */
  public static Optional<String> classifier(String osName, String osArch) {
    String name = osName.toLowerCase(Locale.ROOT);
    String os = name.startsWith("linux") ? "linux"
        : name.startsWith("mac") || name.startsWith("darwin") ? "osx"
        : name.startsWith("windows") ? "win" : null;
    String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64", "x64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      default -> null;
    };
    if (os == null || arch == null) {
      return Optional.empty();
    }
    String classifier = os + "-" + arch;
    return SUPPORTED.contains(classifier) ? Optional.of(classifier) : Optional.empty();
  }

  /** The one line for a platform with no libtorch build. */
  public static String unsupported(String osName, String osArch) {
    return "PyTorch (libtorch) has no build for " + osName + " " + osArch + ", so this script's neural models cannot run "
        + "here; they run on " + String.join(", ", SUPPORTED) + " (the classic models, e.g. logreg and classifiers, "
        + "run anywhere)";
  }

  /** Stops with {@link #unsupported} before libtorch is loaded on a platform that has none. */
  public static void check() {
    String osName = System.getProperty("os.name", "?");
    String osArch = System.getProperty("os.arch", "?");
    if (classifier(osName, osArch).isEmpty()) {
      throw new UserError(unsupported(osName, osArch));
    }
  }
}
