package dev.labkit.lab;

import dev.labkit.ground.Home;
import dev.labkit.ground.UserError;
import dev.labkit.store.RunFolder;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A script run again through this checkout's {@code ./jbang} by a lab command (reproduce, status), its output echoed. */
final class ScriptRun {
  private ScriptRun() {}

  /**
   * Runs {@code ./jbang script args} in {@code dir} with {@code env} added, echoing each line as {@code "  | line"};
   * returns its exit code. {@code during} says what was going on if this process is interrupted.
   */
  static int run(Path script, List<String> args, Path dir, Map<String, String> env, PrintStream out, String during) {
    List<String> command = new ArrayList<>(List.of(Home.dir().resolve("jbang").toString(), script.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        lines.lines().forEach(line -> out.println("  | " + line));
      }
      return process.waitFor();
    } catch (IOException e) {
      throw new UserError("cannot start " + command.getFirst() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted " + during, e);
    }
  }

  /** The folder a run was made in (its provenance's working_dir) if it is still there, else the checkout. */
  static Path workingDir(JsonNode provenance) {
    String dir = RunFolder.text(provenance.path("working_dir"), null);
    return dir != null && Files.isDirectory(Path.of(dir)) ? Path.of(dir) : Home.dir();
  }
}
