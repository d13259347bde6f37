package dev.labkit.cluster;

import dev.labkit.ground.AtomicFiles;
import dev.labkit.ground.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * One {@code sbatch --array} for the trials of a sweep: task i runs the command line of trial i + 1, the same
 * one a {@code --parallel} worker runs. The batch script is written beside the task logs (the sweep's
 * summary folder, {@code slurm/}) so what ran can be read back; it picks its command by
 * {@code SLURM_ARRAY_TASK_ID}.
 */
public final class SlurmArray {
  private SlurmArray() {}

  /**
   * Submits {@code tasks} (by task id) as one array, at most {@code options.max()} at once; returns the
   * array's job id. A refusal by sbatch is a one-line error, and nothing runs.
   */
  public static String submit(SlurmOptions options, String jobName, Path workDir, Path logDir,
      SortedMap<Integer, List<String>> tasks) {
    Path script = logDir.resolve("array-" + System.currentTimeMillis() + ".sh");
    try {
      Files.createDirectories(logDir);
      AtomicFiles.write(script, batchScript(workDir, tasks).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UserError("cannot write the Slurm batch script into " + logDir + " (" + e.getMessage()
          + "); check the runs folder's permissions", e);
    }
    List<String> command = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=" + jobName,
        "--array=" + ids(tasks.keySet().stream().toList()) + (options.max() == null ? "" : "%" + options.max()),
        "--output=" + logDir.resolve("%A_%a.log"), "--chdir=" + workDir));
    command.addAll(options.sbatchOptions());
    command.add(script.toString());
    Commands.Output out = Commands.run(command);
    if (!out.ok()) {
      throw new UserError("sbatch refused the sweep's array: " + out.firstLine() + "; nothing was submitted");
    }
    String id = out.stdout().strip();
    int semicolon = id.indexOf(';'); // "12;cluster" on a federation
    return semicolon < 0 ? id : id.substring(0, semicolon);
  }

  /** Cancels every task of an array that has not ended ({@code scancel}); true when Slurm took it. */
  public static boolean cancel(String arrayJobId) {
    return Commands.run(List.of("scancel", arrayJobId)).ok();
  }

  /** The batch script: a {@code case} on the task id, each branch one trial's command. */
  static String batchScript(Path workDir, SortedMap<Integer, List<String>> tasks) {
    StringBuilder text = new StringBuilder("""
        #!/bin/bash
        # written by labkit: task i of this array runs trial i + 1 of the sweep, as a --parallel worker would
        """);
    text.append("cd ").append(quote(workDir.toString())).append(" || exit 2\n");
    text.append("case \"$SLURM_ARRAY_TASK_ID\" in\n");
    tasks.forEach((id, command) -> text.append("  ").append(id).append(") exec ")
        .append(String.join(" ", command.stream().map(SlurmArray::quote).toList())).append(" ;;\n"));
    text.append("esac\necho \"labkit: no trial for array task $SLURM_ARRAY_TASK_ID\" >&2\nexit 2\n");
    return text.toString();
  }

  /** Task ids as sbatch's --array takes them: runs of consecutive ids as ranges ({@code 0-3,7,9-10}). */
  static String ids(List<Integer> sorted) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < sorted.size(); ) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
        j++;
      }
      parts.add(i == j ? String.valueOf(sorted.get(i)) : sorted.get(i) + "-" + sorted.get(j));
      i = j + 1;
    }
    return String.join(",", parts);
  }

  static String quote(String word) {
    return word.matches("[A-Za-z0-9_./=:,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
