package dev.labkit.ground;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON for run folders: snake_case keys, indented, written crash-safe. */
public final class Json {
  public static final JsonMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  /**
   * The same mapper without indentation: compact JSON for what pages embed (chart specs, page data, the
   * site's manifest). Run folders are written with {@link #MAPPER}.
   */
  public static final JsonMapper COMPACT = MAPPER.rebuild().disable(SerializationFeature.INDENT_OUTPUT).build();

  private Json() {}

  /**
   * Writes {@code value} to a temporary file beside {@code target}, then moves it over
   * {@code target} in one step: a reader (or a crash) sees the old file or the new one, never half.
   */
  public static void writeAtomically(Path target, Object value) {
    writeAtomically(target, MAPPER.writeValueAsBytes(value));
  }

  public static void writeAtomically(Path target, byte[] bytes) {
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.write(temp, bytes);
      replace(temp, target);
    } catch (IOException e) {
      throw new UserError("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Moves {@code temp} over {@code target} in one step where the file system can (a plain move where not). */
  public static void replace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
