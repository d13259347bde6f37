package dev.labkit.ground;

/**
 * A mistake the user can fix: a missing dataset, a bad parameter, a malformed file.
 * Its message is one designed line (what was wrong, where, how to fix it); the CLI prints it
 * without a stack trace and exits with {@link #exitCode()}.
 */
public class UserError extends RuntimeException {
  private final int exitCode;

  public UserError(String message) {
    this(message, 2, null);
  }

  public UserError(String message, Throwable cause) {
    this(message, 2, cause);
  }

  public UserError(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
