package dev.labkit.cli;

import dev.labkit.cluster.SlurmOptions;
import dev.labkit.ground.UserError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a sweep's trials run: {@code --cluster local|slurm} and the Slurm options (a mixin of {@link LabOptions}). */
final class ClusterOptions {
  @Option(names = "--cluster", paramLabel = "local|slurm", defaultValue = "local",
      description = "Where a sweep's trials run: local (default: this machine, --parallel K at once) or slurm "
          + "(one sbatch job array, a task per trial; the runs folder must be on a file system the nodes share).")
  String cluster = "local";

  @Option(names = "--slurm-partition", paramLabel = "NAME", description = "With --cluster slurm: the partition "
      + "(sbatch --partition; default: the cluster's default).")
  String slurmPartition;

  @Option(names = "--slurm-time", paramLabel = "LIMIT", description = "With --cluster slurm: each task's time limit, "
      + "minutes or [D-]HH:MM:SS (sbatch --time; default: the partition's).")
  String slurmTime;

  @Option(names = "--slurm-mem", paramLabel = "SIZE", description = "With --cluster slurm: memory per task, e.g. 4G "
      + "(sbatch --mem).")
  String slurmMem;

  @Option(names = "--slurm-cpus", paramLabel = "N", description = "With --cluster slurm: CPUs per task "
      + "(sbatch --cpus-per-task).")
  Integer slurmCpus;

  @Option(names = "--slurm-max", paramLabel = "K", description = "With --cluster slurm: at most K tasks at once "
      + "(--array=…%%K).")
  Integer slurmMax;

  @Option(names = "--sbatch-arg", paramLabel = "ARG", description = "With --cluster slurm: one more sbatch option, "
      + "as sbatch takes it, e.g. --sbatch-arg=--qos=short (repeatable).")
  List<String> sbatchArgs = new ArrayList<>();

  @Option(names = "--detach", description = "With --cluster slurm: submit the sweep, print its id and exit; "
      + "./jbang lab status SWEEP_ID reports on it and writes its summary once every task ended.")
  boolean detach;

  /** Set by {@code lab status}: submit nothing, wait for the sweep's arrays and write its summary. */
  @Option(names = "--slurm-collect", hidden = true)
  boolean slurmCollect;

  /** {@code --cluster slurm}: how to submit (null for a local sweep); a Slurm option without it is an error. */
  SlurmOptions slurm() {
    if (cluster.equals("slurm")) {
      return new SlurmOptions(slurmPartition, slurmTime, slurmMem, slurmCpus, slurmMax, sbatchArgs, detach,
          slurmCollect);
    }
    if (!cluster.equals("local")) {
      throw new UserError("--cluster takes local or slurm, got '" + cluster + "'");
    }
    String stray = slurmPartition != null ? "--slurm-partition" : slurmTime != null ? "--slurm-time"
        : slurmMem != null ? "--slurm-mem" : slurmCpus != null ? "--slurm-cpus" : slurmMax != null ? "--slurm-max"
        : !sbatchArgs.isEmpty() ? "--sbatch-arg" : detach ? "--detach" : null;
    if (stray != null) {
      throw new UserError(stray + " is for a sweep on Slurm; add --cluster slurm");
    }
    return null;
  }

  /** {@code --cluster slurm} as {@code options} say, for running from code and tests. */
  void slurm(SlurmOptions options) {
    cluster = "slurm";
    slurmPartition = options.partition();
    slurmTime = options.time();
    slurmMem = options.mem();
    slurmCpus = options.cpus();
    slurmMax = options.max();
    sbatchArgs = new ArrayList<>(options.sbatchArgs());
    detach = options.detach();
    slurmCollect = options.collect();
  }

}
