package dev.labkit.run;

import dev.labkit.console.ConsoleOptions;
import dev.labkit.cluster.SlurmOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * What a command line asked of a run, as plain values: the edge (a script's picocli options) turns its
 * options into one of these, and nothing below it sees picocli or anything mutable.
 *
 * @param smoke            tiny data and few steps
 * @param seed             {@code --seed}, or null for the script's own
 * @param runsDir          where run folders go
 * @param sets             every {@code --set KEY=VALUE}, in order
 * @param sweeps           every {@code --sweep KEY=VALUES}, in order
 * @param random           {@code --random N} draws, or null for a grid
 * @param repeat           {@code --repeat N}: seeds per trial, or null for the script's own ({@code .repeat(N)}, else 1)
 * @param parallel         worker processes for a sweep's trials (1: in this JVM, one after the other)
 * @param resume           {@code --resume ID}, or null
 * @param experiment       {@code --experiment NAME}, or null for every experiment of the script
 * @param trialOf          set by a sweep for its worker processes: SWEEP_ID:TRIAL:TRIALS:KEY,KEY[:REPEAT:REPEATS] (KEY;KEY when a key is tied: a,b)
 * @param script           the script file, or null when run from code
 * @param commandLine      the arguments that re-run one trial (the trial adds its own {@code --set})
 * @param sweepCommandLine the arguments that re-run the whole sweep
 * @param report           renders the report after a run, or null for none ({@code --no-site})
 * @param console          how the console talks ({@code --quiet}, {@code --verbose}, {@code --progress-every})
 * @param slurm            {@code --cluster slurm}: the sweep's trials go to Slurm as one job array; null: they run here
 */
public record Settings(boolean smoke, Long seed, Path runsDir, List<String> sets, List<String> sweeps, Integer random,
    Integer repeat, int parallel, String resume, String experiment, String trialOf, Path script, List<String> commandLine,
    List<String> sweepCommandLine, Report report, ConsoleOptions console, SlurmOptions slurm) implements SettingsSource {

  public Settings {
    sets = List.copyOf(sets);
    sweeps = List.copyOf(sweeps);
    commandLine = List.copyOf(commandLine);
    sweepCommandLine = List.copyOf(sweepCommandLine);
    console = console == null ? ConsoleOptions.NORMAL : console;
  }

  /** Renders the report after a run and returns the page of {@code folder}, or null. */
  @FunctionalInterface
  public interface Report {
    Path render(Path runsDir, Path folder);
  }

  @Override
  public Settings settings() {
    return this;
  }

  /** Whether a report is rendered after the run. */
  public boolean buildSite() {
    return report != null;
  }
}
