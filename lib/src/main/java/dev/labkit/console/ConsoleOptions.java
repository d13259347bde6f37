package dev.labkit.console;

import java.time.Duration;

/**
 * How the console talks, as the command line asked ({@code --quiet}, {@code --verbose}, {@code --progress-every}).
 *
 * @param verbosity     how much it says
 * @param progressEvery when the output is not a terminal (CI, a pipe, a Slurm log): the least time between two
 *                      plain progress lines
 */
public record ConsoleOptions(Verbosity verbosity, Duration progressEvery) {
  /** The default: one line per trial, a progress line every 10 s when the output is not a terminal. */
  public static final ConsoleOptions NORMAL = new ConsoleOptions(Verbosity.NORMAL, Duration.ofSeconds(10));

  public ConsoleOptions {
    if (progressEvery.isNegative() || progressEvery.isZero()) {
      throw new IllegalArgumentException("--progress-every must be > 0 seconds, got " + progressEvery.toMillis() / 1000.0);
    }
  }
}
