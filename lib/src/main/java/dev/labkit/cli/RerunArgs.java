package dev.labkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The arguments a run records so that it can be re-run ({@link LabOptions#commandLine},
 * {@link LabOptions#sweepCommandLine}): the script's command line as typed, less the options that make or steer
 * a sweep, and with {@code --experiment NAME} when the script runs several experiments.
 */
final class RerunArgs {
  /** Options that make or steer a sweep; a single trial's re-run command leaves them out. */
  private static final Set<String> SWEEP_OPTIONS = Set.of("--sweep", "--random", "--repeat", "--parallel", "--resume",
      "--trial-of", "--cluster", "--slurm-partition", "--slurm-time", "--slurm-mem", "--slurm-cpus", "--slurm-max",
      "--sbatch-arg");
  /** The options of {@link #SWEEP_OPTIONS}' kind that take no value. */
  private static final Set<String> SWEEP_FLAGS = Set.of("--detach", "--slurm-collect");

  private RerunArgs() {}

  /** What re-runs one trial; {@code running} is the experiment running now of several, else null. */
  static List<String> trial(List<String> typed, String running) {
    return naming(withoutFlags(without(typed, SWEEP_OPTIONS), SWEEP_FLAGS), running);
  }

  /** What re-runs the whole sweep: as typed, less {@code --resume} and the worker option. */
  static List<String> sweep(List<String> typed, String running) {
    return naming(withoutFlags(without(typed, Set.of("--resume", "--trial-of")), Set.of("--slurm-collect")), running);
  }

  /** {@code args}, and {@code --experiment NAME} when this is one of several experiments and they lack it. */
  private static List<String> naming(List<String> args, String running) {
    if (running == null || args.stream().anyMatch(a -> a.equals("--experiment") || a.startsWith("--experiment="))) {
      return args;
    }
    List<String> named = new ArrayList<>(args);
    named.addAll(List.of("--experiment", running));
    return named;
  }

  /** {@code args} without the given options (each takes a value: {@code --opt v} or {@code --opt=v}). */
  static List<String> without(List<String> args, Set<String> options) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      if (!options.contains(name)) {
        kept.add(arg);
      } else if (eq < 0 || !arg.startsWith("--")) {
        i++; // the option's value is the next argument
      }
    }
    return List.copyOf(kept);
  }

  /** {@code args} without the given options that take no value. */
  static List<String> withoutFlags(List<String> args, Set<String> flags) {
    return args.stream().filter(arg -> !flags.contains(arg)).toList();
  }
}
