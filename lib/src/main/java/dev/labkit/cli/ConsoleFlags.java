package dev.labkit.cli;

import dev.labkit.console.ConsoleOptions;
import dev.labkit.console.Verbosity;
import dev.labkit.ground.UserError;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How much a run says while it runs: {@code --verbose}, {@code --quiet}, {@code --progress-every} (a mixin of {@link LabOptions}). */
final class ConsoleFlags {
  @Option(names = {"-v", "--verbose"},
      description = "Print every phase line and each run's full summary (always in its folder's summary.json).")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print errors and the report's address only.")
  boolean quiet;

  @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
      description = "When the output is not a terminal (CI, a pipe, a Slurm log): a plain progress line at most "
          + "every SECONDS (default: 10). On a terminal progress is one line redrawn in place.")
  double progressEvery = 10;

  /** The flags as the console's options; contradicting or impossible ones are one line. */
  ConsoleOptions options() {
    if (quiet && verbose) {
      throw new UserError("--quiet and --verbose contradict each other; give one of them");
    }
    if (!(progressEvery > 0)) {
      throw new UserError("--progress-every must be > 0 seconds, got " + progressEvery);
    }
    return new ConsoleOptions(quiet ? Verbosity.QUIET : verbose ? Verbosity.VERBOSE : Verbosity.NORMAL,
        Duration.ofMillis(Math.max(1, Math.round(progressEvery * 1000))));
  }

  void verbosity(Verbosity value) {
    quiet = value == Verbosity.QUIET;
    verbose = value == Verbosity.VERBOSE;
  }
}
