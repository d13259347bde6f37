package dev.labkit.lab;

import dev.labkit.ground.AtomicFiles;
import dev.labkit.ground.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code lab new NAME --from SCRIPT}: a script of your own to start from, copied from one of the catalog's
 * (shipped inside the library, so it works without a checkout) with its class, command and experiment renamed
 * after NAME. It runs with {@code --smoke} as written.
 */
final class NewScript {
  /** The scripts one can start from. */
  static final List<String> STARTERS = List.of("logreg", "cnn", "gan", "own");

  private NewScript() {}

  static int write(String name, String from, Path dir, PrintStream out) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new UserError("new: '" + name + "' cannot name a script: JBang names the class after the file, so use "
          + "letters, digits and _ (not first), e.g. my_lab");
    }
    if (!STARTERS.contains(from)) {
      throw new UserError("new: --from " + from + " is not a starter; choose one of " + String.join(", ", STARTERS));
    }
    Path file = dir.resolve(name + ".java");
    if (Files.exists(file)) {
      throw new UserError("new: " + file + " already exists; choose another NAME or remove it first");
    }
    String script = starter(from)
        .replace("class " + from + " implements", "class " + name + " implements")
        .replace("new " + from + "()", "new " + name + "()")
        .replace("@Command(name = \"" + from + "\"", "@Command(name = \"" + name + "\"")
        .replaceAll("experiment\\(\"[a-z0-9-]+\"\\)", "experiment(\"" + experimentName(name) + "\")");
    try {
      Files.createDirectories(dir);
      AtomicFiles.write(file, script.getBytes(StandardCharsets.UTF_8)); // never half a script
    } catch (IOException e) {
      throw new UserError("new: cannot write " + file + " (" + e.getMessage() + "); choose a writable --dir");
    }
    out.println("wrote " + file + " (from " + from + ".java): try it with ./jbang " + file + " --smoke");
    return 0;
  }

  /** The experiment's name for runs and pages: the script's name, lower-case with dashes. */
  static String experimentName(String name) {
    return name.replace('_', '-').toLowerCase(Locale.ROOT).replaceAll("^-+", "");
  }

  private static String starter(String from) {
    try (InputStream in = NewScript.class.getResourceAsStream("/labkit/starters/" + from + ".java")) {
      if (in == null) {
        throw new IllegalStateException("the library has no starter " + from + ".java (a broken build)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
