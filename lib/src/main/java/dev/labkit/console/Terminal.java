package dev.labkit.console;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether standard output is a terminal a person watches, and how wide it is. A terminal gets one live
 * progress line redrawn in place; anything else (CI, {@code | tee}, a Slurm log) gets plain lines.
 *
 * <p>The JDK answers the first question: since JDK 22 {@code System.console()} exists even when the streams
 * are redirected, and {@code isTerminal()} says whether standard input and output are a terminal. A
 * {@code TERM} of {@code dumb} (Emacs shells, some CI runners) or none counts as not a terminal.
 * {@code LABKIT_PROGRESS=live|plain} overrides both, for a terminal the JDK does not recognise.
 */
public record Terminal(boolean live, int width) {
  private static final int DEFAULT_WIDTH = 100;

  /** The terminal of this process, from the JDK and the environment. */
  public static Terminal detect() {
    return detect(System.getenv(), System.console() != null && System.console().isTerminal());
  }

  static Terminal detect(Map<String, String> env, boolean jdkSaysTerminal) {
    String forced = env.getOrDefault("LABKIT_PROGRESS", "");
    String term = env.getOrDefault("TERM", "");
    boolean live = switch (forced) {
      case "live" -> true;
      case "plain" -> false;
      default -> jdkSaysTerminal && !term.isEmpty() && !term.equals("dumb");
    };
    return new Terminal(live, live ? width(env) : DEFAULT_WIDTH);
  }

  /** {@code $COLUMNS} when the shell exported it, else what {@code stty size} says of the terminal, else 100. */
  private static int width(Map<String, String> env) {
    try {
      int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").trim());
      if (columns > 0) {
        return columns;
      }
    } catch (NumberFormatException e) {
      // not exported: ask the terminal
    }
    try {
      Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (stty.waitFor(2, TimeUnit.SECONDS) && size.matches("\\d+ \\d+")) {
        int columns = Integer.parseInt(size.split(" ")[1]);
        return columns > 0 ? columns : DEFAULT_WIDTH;
      }
    } catch (IOException e) {
      // no stty: the default
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return DEFAULT_WIDTH;
  }
}
