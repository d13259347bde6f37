package dev.labkit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A downloaded table carries a mean and its standard deviation as two columns: a column whose cells read
 * "0.8123 ± 0.0040" (a sweep's trials over several seeds) becomes {@code name mean} and {@code name std},
 * so a spreadsheet or a LaTeX table gets numbers, not text. Other columns pass unchanged.
 */
final class MeanStdColumns {
  private MeanStdColumns() {}

  private static final Pattern PLUS_MINUS = Pattern.compile("(\\S+) ± (\\S+)");

  /** Whether a cell reads "mean ± std" (a number, right-aligned and kept on one line like one). */
  static boolean isMeanStd(String text) {
    return text != null && PLUS_MINUS.matcher(text).matches();
  }

  /** The table with every mean ± std column split in two. */
  static TableExport split(TableExport table) {
    List<Boolean> split = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      int column = c;
      boolean any = table.rows().stream().anyMatch(r -> column < r.size() && PLUS_MINUS.matcher(r.get(column)).matches());
      split.add(any);
    }
    if (!split.contains(true)) {
      return table;
    }
    List<String> columns = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      if (split.get(c)) {
        columns.addAll(List.of(table.columns().get(c) + " mean", table.columns().get(c) + " std"));
        numeric.addAll(List.of(true, true));
      } else {
        columns.add(table.columns().get(c));
        numeric.add(table.numeric().get(c));
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<String> row : table.rows()) {
      List<String> out = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        if (c < split.size() && split.get(c)) {
          Matcher m = PLUS_MINUS.matcher(row.get(c));
          boolean both = m.matches();
          out.add(both ? m.group(1) : row.get(c)); // one seed: the mean alone, no std
          out.add(both ? m.group(2) : "");
        } else {
          out.add(row.get(c));
        }
      }
      rows.add(out);
    }
    return new TableExport(table.title(), columns, numeric, rows, table.folder());
  }
}
