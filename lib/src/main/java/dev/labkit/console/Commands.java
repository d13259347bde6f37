package dev.labkit.console;

import dev.labkit.ground.Home;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** A script's command line as a person types it in the working directory: {@code ./jbang scripts/logreg.java --resume ID}. */
public final class Commands {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,@%+-]+");

  private Commands() {}

  /** The launcher, the script and {@code args}, quoted for a POSIX shell; null when there is no script file. */
  public static String of(Path script, List<String> args) {
    if (script == null) {
      return null;
    }
    String launcher = Console.shown(Home.dir().resolve("jbang"));
    StringBuilder line = new StringBuilder(launcher.contains("/") ? launcher : "./" + launcher);
    line.append(' ').append(quoted(Console.shown(script)));
    args.forEach(arg -> line.append(' ').append(quoted(arg)));
    return line.toString();
  }

  static String quoted(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
