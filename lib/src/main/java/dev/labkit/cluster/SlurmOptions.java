package dev.labkit.cluster;

import dev.labkit.ground.UserError;
import java.util.ArrayList;
import java.util.List;

/**
 * How a sweep goes to Slurm ({@code --cluster slurm}), as plain values: each is passed to {@code sbatch} as
 * written, or left to the cluster's defaults when null.
 *
 * @param partition  {@code --slurm-partition}: {@code sbatch --partition}
 * @param time       {@code --slurm-time}: a task's time limit ({@code sbatch --time}: minutes, or
 *                   [D-]HH:MM:SS)
 * @param mem        {@code --slurm-mem}: memory per task ({@code sbatch --mem}, e.g. 4G)
 * @param cpus       {@code --slurm-cpus}: CPUs per task ({@code sbatch --cpus-per-task})
 * @param max        {@code --slurm-max K}: at most K tasks at once ({@code --array=…%K})
 * @param sbatchArgs {@code --sbatch-arg}: more {@code sbatch} options, in order
 * @param detach     {@code --detach}: submit, print the sweep id and exit; {@code lab status SWEEP} finishes it
 * @param collect    set by {@code lab status}: submit nothing, wait for the arrays the sweep submitted and
 *                   write its summary
 */
public record SlurmOptions(String partition, String time, String mem, Integer cpus, Integer max,
    List<String> sbatchArgs, boolean detach, boolean collect) {

  public SlurmOptions {
    sbatchArgs = List.copyOf(sbatchArgs);
    if (cpus != null && cpus < 1) {
      throw new UserError("--slurm-cpus needs N ≥ 1 CPUs per task, got " + cpus);
    }
    if (max != null && max < 1) {
      throw new UserError("--slurm-max needs K ≥ 1 tasks at once, got " + max);
    }
    if (time != null && !time.matches("[0-9]+(-[0-9]+)?(:[0-9]+){0,2}")) {
      throw new UserError("--slurm-time takes minutes or [D-]HH:MM:SS as sbatch --time does, got '" + time + "'");
    }
  }

  /** The {@code sbatch} options these stand for, before the array and the batch script. */
  public List<String> sbatchOptions() {
    List<String> args = new ArrayList<>();
    if (partition != null) {
      args.add("--partition=" + partition);
    }
    if (time != null) {
      args.add("--time=" + time);
    }
    if (mem != null) {
      args.add("--mem=" + mem);
    }
    if (cpus != null) {
      args.add("--cpus-per-task=" + cpus);
    }
    args.addAll(sbatchArgs);
    return args;
  }
}
