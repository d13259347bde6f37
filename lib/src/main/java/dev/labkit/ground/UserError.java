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

  /**
   * Why a file operation failed, in plain words for a one-line error (no JDK class names): {@code permission
   * denied}, {@code no such file or folder}, {@code not a folder}, the system's reason, else the message.
   */
  public static String reason(Throwable e) {
    return switch (e) {
      case java.nio.file.AccessDeniedException a -> "permission denied";
      case java.nio.file.NoSuchFileException n -> "no such file or folder";
      case java.nio.file.NotDirectoryException n -> "not a folder";
      case java.nio.file.FileAlreadyExistsException f -> "a file of that name is in the way";
      case java.nio.file.FileSystemException f when f.getReason() != null -> f.getReason().toLowerCase(java.util.Locale.ROOT);
      default -> plain(e);
    };
  }

  /** The deepest message of {@code e}'s causes, first line, with any exception class names taken out. */
  private static String plain(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    if (message == null) {
      return "failed";
    }
    String line = message.lines().findFirst().orElse("failed")
        .replaceAll("\\b(?:[a-z_]\\w*\\.)*[A-Z]\\w*(?:Exception|Error)\\b:?\\s*", "").strip();
    return line.isEmpty() ? "failed" : line;
  }
}
