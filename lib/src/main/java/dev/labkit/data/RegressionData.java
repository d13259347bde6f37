package dev.labkit.data;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * Data with real-valued targets, for regression: {@code features} holds n rows of {@code featureNames.size()}
 * values, row-major, and {@code targets} one value per row. {@code sha256} identifies the content (of the
 * CSV file it was read from, or of the generated numbers), so a run records exactly what it fitted.
 *
 * <pre>{@code
 * RegressionData data = Datasets.line().loadRegression(LoadOptions.quiet(42));   // y = 3x + 2 + N(0, 1)
 * data.writeCsv(Path.of("line.csv"));                                           // x,y with a header
 * }</pre>
 */
public record RegressionData(String id, String sha256, List<String> featureNames, String targetName,
    double[] features, double[] targets) {

  public RegressionData {
    featureNames = List.copyOf(featureNames);
    if (featureNames.isEmpty()) {
      throw new IllegalArgumentException(id + ": regression data needs at least one feature");
    }
    if ((long) targets.length * featureNames.size() != features.length) {
      throw new IllegalArgumentException(id + ": " + features.length + " feature values do not fill "
          + targets.length + " rows of " + featureNames.size());
    }
  }

  /** Number of rows. */
  public int size() {
    return targets.length;
  }

  /** Number of features in a row. */
  public int featureCount() {
    return featureNames.size();
  }

  /** Feature {@code j} of row {@code i}. */
  public double feature(int i, int j) {
    return features[i * featureNames.size() + j];
  }

  /** The SHA-256 of the numbers themselves (their IEEE bits, row by row), for generated data. */
  static String digestOf(double[] features, double[] targets) {
    java.security.MessageDigest digest = Digest.newDigest("SHA-256");
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8 * (features.length + targets.length));
    buffer.asDoubleBuffer().put(features).put(targets);
    return HexFormat.of().formatHex(digest.digest(buffer.array()));
  }

  /**
   * Writes the data as CSV: a header of the feature names and the target name, then one row per example,
   * every number in the shortest form that reads back to the same double.
   */
  public void writeCsv(Path file) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", featureNames) + "," + targetName + "\n");
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < size(); i++) {
        row.setLength(0);
        for (int j = 0; j < featureCount(); j++) {
          row.append(feature(i, j)).append(',');
        }
        out.write(row.append(targets[i]).append('\n').toString());
      }
    } catch (IOException e) {
      throw new UserError("cannot write " + file + " (" + e.getMessage() + "); choose a writable path", e);
    }
  }
}
