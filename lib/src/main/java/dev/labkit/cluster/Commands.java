package dev.labkit.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Slurm's client commands ({@code sbatch}, {@code squeue}, {@code scontrol}, {@code sinfo}, {@code scancel}). */
final class Commands {
  private Commands() {}

  /** What a command printed and how it ended; exit code -1 when it could not start. */
  record Output(int exit, String stdout, String stderr) {
    boolean ok() {
      return exit == 0;
    }

    /** The first line of stderr (else stdout), for one-line errors. */
    String firstLine() {
      String text = stderr.isBlank() ? stdout : stderr;
      return text.strip().lines().findFirst().orElse("exit code " + exit);
    }
  }

  static Output run(List<String> command) {
    try {
      Path err = Files.createTempFile("labkit-slurm", ".err");
      try {
        Process process = new ProcessBuilder(command).redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return new Output(-1, stdout, command.getFirst() + " did not answer in 60 s");
        }
        return new Output(process.exitValue(), stdout, Files.readString(err));
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      return new Output(-1, "", "cannot run " + command.getFirst() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Output(-1, "", "interrupted");
    }
  }

  /** Whether {@code name} is an executable file in a folder of {@code path} (a PATH value). */
  static boolean onPath(String name, String path) {
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }
}
