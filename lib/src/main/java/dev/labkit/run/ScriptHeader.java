package dev.labkit.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a script says about itself in its JBang header: the {@code //DESCRIPTION} line, recorded in
 * run.json so the report page can open with it as the introduction.
 */
final class ScriptHeader {
  private ScriptHeader() {}

  private static final String DESCRIPTION = "//DESCRIPTION ";

  /** The script's {@code //DESCRIPTION} text, or null when there is no script, no such line or no file. */
  static String description(Path script) {
    if (script == null || !Files.isRegularFile(script)) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
      return lines.stream().filter(line -> line.startsWith(DESCRIPTION))
          .map(line -> line.substring(DESCRIPTION.length()).strip()).filter(text -> !text.isEmpty())
          .findFirst().orElse(null);
    } catch (IOException e) {
      return null; // a script we cannot read has no description; provenance says which file it was
    }
  }
}
