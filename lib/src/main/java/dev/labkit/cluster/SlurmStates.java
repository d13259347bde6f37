package dev.labkit.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the tasks of a sweep's arrays stand, by task id: asked of {@code scontrol show job} (pending, running and,
 * for {@code MinJobAge}, ended tasks), else of {@code sacct} (ended tasks, where accounting is kept). A task of a
 * later array (a {@code --resume}) stands for the same trial as an earlier one of its id, and wins.
 */
public final class SlurmStates {
  private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "TIMEOUT", "OUT_OF_MEMORY", "PREEMPTED",
      "NODE_FAIL", "CANCELLED", "BOOT_FAIL", "DEADLINE", "REVOKED", "SPECIAL_EXIT");
  private static final Set<String> WAITING = Set.of("PENDING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED",
      "RESV_DEL_HOLD", "CONFIGURING");
  private static final Pattern FIELD = Pattern.compile("(?:^| )(\\w+)=(\\S*)");

  private SlurmStates() {}

  /** One array task as Slurm last reported it. */
  public record Task(String arrayJobId, int taskId, String jobId, String state, String node) {
    public boolean ended() {
      return ENDED.contains(state);
    }

    public boolean waiting() {
      return WAITING.contains(state);
    }

    public boolean completed() {
      return "COMPLETED".equals(state);
    }

    /** Why the task did not complete, in one line naming what to change; null when it completed. */
    public String reason() {
      String why = switch (state) {
        case "COMPLETED" -> null;
        case "TIMEOUT" -> "reached its time limit; give it more with --slurm-time";
        case "OUT_OF_MEMORY" -> "used more memory than it was given; give it more with --slurm-mem";
        case "PREEMPTED" -> "was preempted for a job of higher priority; --resume runs it again";
        case "NODE_FAIL" -> "lost its node" + (node == null ? "" : " " + node) + "; --resume runs it again";
        case "CANCELLED" -> "was cancelled (scancel, or Ctrl-C on the sweep); --resume runs it again";
        case "BOOT_FAIL" -> "could not start on its node; --resume runs it again";
        case "DEADLINE" -> "passed its deadline; --resume runs it again";
        case "FAILED" -> "exited with an error; its log says why";
        default -> "ended as " + state;
      };
      return why == null ? null : "Slurm " + state + ": job " + jobId + " " + why;
    }
  }

  /** Slurm's controller did not answer (down, restarting, unreachable): nothing is known, not "ended". */
  public static final class Unreachable extends RuntimeException {
    Unreachable(String message) {
      super(message);
    }
  }

  /** Every known task of {@code arrays} (oldest first), by task id; {@link Unreachable} when Slurm does not answer. */
  public static Map<Integer, Task> of(List<String> arrays) {
    Map<Integer, Task> tasks = new TreeMap<>();
    for (String array : arrays) {
      Commands.Output shown = Commands.run(List.of("scontrol", "-o", "show", "job", array));
      List<Task> read = shown.ok() ? fromScontrol(shown.stdout()) : List.of();
      if (read.isEmpty()) { // the controller forgot it (past MinJobAge): ask accounting
        Commands.Output accounted = Commands.run(List.of("sacct", "-n", "-P", "-X", "-j", array, "-o",
            "JobID,JobIDRaw,State,NodeList"));
        read = accounted.ok() ? fromSacct(array, accounted.stdout()) : List.of();
        if (!shown.ok() && !shown.stderr().contains("Invalid job id") && !accounted.ok()) {
          throw new Unreachable("scontrol: " + shown.firstLine());
        }
      }
      read.forEach(task -> tasks.put(task.taskId(), task));
    }
    return tasks;
  }

  /** Tasks from {@code scontrol -o show job}: one line per job; a pending rest of an array as one line of ids. */
  static List<Task> fromScontrol(String text) {
    List<Task> tasks = new ArrayList<>();
    for (String line : text.strip().lines().toList()) {
      Map<String, String> fields = new TreeMap<>();
      Matcher m = FIELD.matcher(line);
      while (m.find()) {
        fields.putIfAbsent(m.group(1), m.group(2));
      }
      String ids = fields.get("ArrayTaskId");
      String state = fields.get("JobState");
      if (ids == null || state == null) {
        continue;
      }
      String node = fields.get("BatchHost");
      for (int id : taskIds(ids)) {
        tasks.add(new Task(fields.get("ArrayJobId"), id, fields.get("JobId"), state, node));
      }
    }
    return tasks;
  }

  /** Tasks from {@code sacct -n -P -X -o JobID,JobIDRaw,State,NodeList}: {@code 12_3|15|TIMEOUT|node1}. */
  static List<Task> fromSacct(String array, String text) {
    List<Task> tasks = new ArrayList<>();
    for (String line : text.strip().lines().toList()) {
      String[] f = line.split("\\|", -1);
      if (f.length < 4 || !f[0].startsWith(array + "_")) {
        continue;
      }
      String state = f[2].split(" ")[0]; // "CANCELLED by 0"
      String ids = f[0].substring(array.length() + 1).replace("[", "").replace("]", "");
      for (int id : taskIds(ids)) {
        tasks.add(new Task(array, id, f[1], state, f[3].isBlank() || f[3].startsWith("None") ? null : f[3]));
      }
    }
    return tasks;
  }

  /** Task ids as Slurm writes them: {@code 3}, {@code 2-3%2}, {@code 1,4-6}. */
  static List<Integer> taskIds(String text) {
    List<Integer> ids = new ArrayList<>();
    String bare = text.contains("%") ? text.substring(0, text.indexOf('%')) : text;
    for (String part : bare.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] range = part.split("-");
      int from = Integer.parseInt(range[0].strip());
      int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
      for (int id = from; id <= to; id++) {
        ids.add(id);
      }
    }
    return ids;
  }
}
