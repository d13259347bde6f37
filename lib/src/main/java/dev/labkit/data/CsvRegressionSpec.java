package dev.labkit.data;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.UserError;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV table with a header row for regression: the {@code target} column holds real numbers, every other
 * column is a numeric feature. Get one from {@link Datasets#csvRegression}, or on the command line with
 * {@code --set data=csv:<path>,target=<column>}.
 *
 * <pre>{@code Datasets.csvRegression(Path.of("peers/linreg_data.csv"), "y")}</pre>
 */
public record CsvRegressionSpec(Path file, String target) implements RegressionDataSpec<CsvRegressionSpec>, DeclaredSpec<CsvRegressionSpec> {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true)
      .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW).get();
  private static final Declare<CsvRegressionSpec> P = Declare.of(CsvRegressionSpec.class);

  /** Every knob, declared once: params(), with(key, text) and the docs come from here. */
  public static final ParamTable<CsvRegressionSpec> PARAMS = ParamTable.of(
      P.path("file", CsvRegressionSpec::file, CsvRegressionSpec::file, "the CSV file (a header row, numeric columns)"),
      P.text("target", CsvRegressionSpec::target, CsvRegressionSpec::target,
          "the target column (real numbers); every other column is a feature"));

  public CsvRegressionSpec {
    if (file == null) {
      throw new UserError("a CSV regression dataset needs a file: csv:<path>,target=<column>");
    }
    if (target == null || target.isBlank()) {
      throw new UserError(file + ": no target column given; add target=<column>, e.g. csv:" + file + ",target=y");
    }
  }

  @Override
  public String name() {
    return "csv";
  }

  public CsvRegressionSpec file(Path value) {
    return new CsvRegressionSpec(value, target);
  }

  public CsvRegressionSpec target(String column) {
    return new CsvRegressionSpec(file, column);
  }

  @Override
  public ParamTable<CsvRegressionSpec> paramTable() {
    return PARAMS;
  }

  /** Reads every row (smoke mode too: a CSV for regression is small). */
  @Override
  public RegressionData loadRegression(LoadOptions options) {
    byte[] bytes = bytes();
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<double[]> rows = new ArrayList<>();
    List<String> features;
    try (CSVParser parser = CSVParser.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text),
        FORMAT)) {
      List<String> header = parser.getHeaderNames();
      int column = header.indexOf(target);
      if (column < 0) {
        throw new UserError(file + ": no column '" + target + "'; the columns are " + String.join(", ", header)
            + " (choose one with target=<column>)");
      }
      if (header.size() < 2) {
        throw new UserError(file + ": only the target column '" + target + "'; regression needs a feature column too");
      }
      features = new ArrayList<>(header);
      features.remove(column);
      for (CSVRecord record : parser) {
        rows.add(row(record, header, column));
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new UserError(file + ": not a readable CSV table (" + e.getMessage() + ")", e);
    }
    if (rows.size() < 2) {
      throw new UserError(file + ": " + rows.size() + " data rows; regression needs at least 2");
    }
    options.progress().accept(String.format(java.util.Locale.ROOT, "%s: %,d rows, %d features, target %s",
        file.getFileName(), rows.size(), features.size(), target));
    return data(features, rows, HexFormat.of().formatHex(Digest.newDigest("SHA-256").digest(bytes)));
  }

  private byte[] bytes() {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such file; give the path of a CSV file with a header row");
    } catch (IOException e) {
      throw new UserError(file + ": cannot read it (" + e.getMessage() + ")", e);
    }
  }

  /** One record as numbers, the target last; errors name the line (the header is line 1) and the column. */
  private double[] row(CSVRecord record, List<String> header, int column) {
    long line = record.getRecordNumber() + 1;
    if (record.size() != header.size()) {
      throw new UserError(file + ": line " + line + " has " + record.size() + " cells but the header has "
          + header.size() + " columns; every row needs one value per column");
    }
    double[] values = new double[header.size()];
    for (int c = 0, j = 0; c < header.size(); c++) {
      values[c == column ? header.size() - 1 : j++] = number(line, header.get(c), record.get(c));
    }
    return values;
  }

  private double number(long line, String column, String cell) {
    try {
      double value = Double.parseDouble(cell);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError(file + ": line " + line + ", column '" + column + "': '" + cell + "' is not a finite number");
  }

  private RegressionData data(List<String> features, List<double[]> rows, String sha256) {
    int d = features.size();
    double[] x = new double[rows.size() * d];
    double[] y = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, x, i * d, d);
      y[i] = rows.get(i)[d];
    }
    return new RegressionData("csv:" + file.getFileName(), sha256, features, target, x, y);
  }
}
