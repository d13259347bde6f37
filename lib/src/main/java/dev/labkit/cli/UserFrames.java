package dev.labkit.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The stack frames of the script's own code in an error that your code raised (a metric, a loss, a fit, a
 * network factory): labkit's one-line message says what failed, these lines say where in your script.
 * Frames of labkit, the JDK and the libraries are left out; so is everything when no frame is yours.
 */
final class UserFrames {
  /** Frames of these packages are not the user's. */
  private static final List<String> LIBRARIES = List.of("dev.labkit.", "java.", "javax.", "jdk.", "sun.", "com.sun.",
      "ai.djl.", "smile.", "picocli.", "tools.jackson.", "org.", "io.javalin.", "kotlin.");
  static final int MOST = 8;

  private UserFrames() {}

  /** "  at own.lambda$call$2(own.java:45)" lines of the causes of {@code error}, innermost cause first, at most {@link #MOST}. */
  static List<String> of(Throwable error) {
    List<String> lines = new ArrayList<>();
    List<Throwable> causes = new ArrayList<>();
    for (Throwable t = error.getCause(); t != null && !causes.contains(t); t = t.getCause()) {
      causes.add(t);
    }
    for (Throwable cause : causes.reversed()) {
      for (StackTraceElement frame : cause.getStackTrace()) {
        if (mine(frame) && lines.size() < MOST && !lines.contains("  at " + frame)) {
          lines.add("  at " + frame);
        }
      }
    }
    return lines;
  }

  private static boolean mine(StackTraceElement frame) {
    String name = frame.getClassName();
    return LIBRARIES.stream().noneMatch(name::startsWith);
  }
}
