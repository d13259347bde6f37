package dev.labkit.ground;

import java.io.IOException;
import java.nio.file.Path;
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

  /** The same for bytes already made (through {@link AtomicFiles}: unique temp file, fsync, rename, fsync folder). */
  public static void writeAtomically(Path target, byte[] bytes) {
    try {
      AtomicFiles.write(target, bytes);
    } catch (IOException e) {
      throw new UserError("cannot write " + target + " (" + e.getMessage() + "); check the folder's permissions and free space", e);
    }
  }
}
