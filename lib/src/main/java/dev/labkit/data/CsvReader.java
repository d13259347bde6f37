package dev.labkit.data;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV table with a header row into one {@link Dataset}: every column but the label is a numeric
 * feature. Labels may be text or whole numbers; the classes are the distinct values sorted (numerically
 * when all are whole numbers), and a label is its class's position in that order. Every problem is one
 * line naming the file, the line (1-based, the header is line 1) and the column.
 */
final class CsvReader {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true)
      .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW).get();

  private CsvReader() {}

  static Dataset read(Path file, String labelColumn) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such file; give the path of a CSV file with a header row");
    } catch (IOException e) {
      throw new UserError(file + ": cannot read it (" + e.getMessage() + ")", e);
    }
    String where = file.toString();
    List<String> header;
    List<float[]> rows = new ArrayList<>();
    List<String> labelTexts = new ArrayList<>();
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    String content = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded; // a byte-order mark (Excel)
    int[] breaks = java.util.stream.IntStream.range(0, content.length()).filter(i -> content.charAt(i) == '\n').toArray();
    try (Reader reader = new java.io.StringReader(content);
        CSVParser parser = CSVParser.parse(reader, FORMAT)) {
      header = parser.getHeaderNames();
      int label = header.indexOf(labelColumn);
      if (label < 0) {
        throw new UserError(where + ": no column '" + labelColumn + "'; the columns are "
            + String.join(", ", header) + " (choose one with label=<column>)");
      }
      if (header.size() < 2) {
        throw new UserError(where + ": only the label column '" + labelColumn + "'; a dataset needs at least one "
            + "feature column");
      }
      for (CSVRecord record : parser) {
        long line = line(breaks, record.getCharacterPosition());
        if (record.size() != header.size()) {
          throw new UserError(where + ": line " + line + " has " + record.size() + " cells but the header has "
              + header.size() + " columns; every row needs one value per column");
        }
        float[] row = new float[header.size() - 1];
        for (int c = 0, j = 0; c < header.size(); c++) {
          if (c != label) {
            row[j++] = number(where, line, header.get(c), record.get(c));
          }
        }
        String text = record.get(label);
        if (text.isEmpty()) {
          throw new UserError(where + ": line " + line + ", column '" + labelColumn + "': the label is empty");
        }
        rows.add(row);
        labelTexts.add(text);
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new UserError(where + ": not a readable CSV table (" + UserError.reason(e) + ")", e);
    }
    if (rows.isEmpty()) {
      throw new UserError(where + ": no data rows below the header");
    }
    boolean numeric = labelTexts.stream().allMatch(CsvReader::isWhole);
    if (numeric) { // whole numbers written as "07" and "7" are one class
      labelTexts.replaceAll(text -> Long.toString(Long.parseLong(text)));
    }
    List<String> classes = classes(labelTexts, numeric);
    if (classes.size() < 2) {
      throw new UserError(where + ": the label column '" + labelColumn + "' has a single class ('" + classes.getFirst()
          + "'); a classifier needs at least two");
    }
    int d = header.size() - 1;
    float[] features = new float[rows.size() * d];
    int[] labels = new int[rows.size()];
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      index.put(classes.get(c), c);
    }
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, features, i * d, d);
      labels[i] = index.get(labelTexts.get(i));
    }
    String sha256 = HexFormat.of().formatHex(Digest.newDigest("SHA-256").digest(bytes));
    return new Dataset("csv:" + file.getFileName(), sha256, Shape.flat(d), classes, features, labels);
  }

  /** The 1-based line a character position is on: blank lines and quoted line breaks count too. */
  private static long line(int[] breaks, long position) {
    int found = java.util.Arrays.binarySearch(breaks, (int) position);
    return 1 + (found >= 0 ? found : -found - 1);
  }

  private static float number(String where, long line, String column, String cell) {
    if (cell.isEmpty()) {
      throw new UserError(where + ": line " + line + ", column '" + column + "': the cell is empty; fill or drop "
          + "the row");
    }
    double value;
    try {
      value = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new UserError(where + ": line " + line + ", column '" + column + "': '" + cell + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new UserError(where + ": line " + line + ", column '" + column + "': " + cell + " is not a finite "
          + "number; replace or drop the row");
    }
    return (float) value;
  }

  /** The distinct labels sorted: as numbers when every label is a whole number ("2" before "10"). */
  private static List<String> classes(List<String> labels, boolean numeric) {
    if (numeric) {
      TreeMap<Long, String> sorted = new TreeMap<>();
      labels.forEach(text -> sorted.putIfAbsent(Long.parseLong(text), text));
      return List.copyOf(sorted.values());
    }
    return List.copyOf(new TreeSet<>(labels));
  }

  private static boolean isWhole(String text) {
    return text.matches("[+-]?\\d{1,18}");
  }
}
