package dev.labkit.console;

/** How much a run says on the console ({@code --quiet}, the default, {@code --verbose}). */
public enum Verbosity {
  /** Errors and the report's address only. */
  QUIET,
  /** One line per trial, the sweep's best, warnings and the report's address; progress on one live line. */
  NORMAL,
  /** Also every phase line and each run's full summary block, as the run folder's summary.json has them. */
  VERBOSE
}
