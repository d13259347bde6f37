package dev.labkit.lab;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the terminal: columns padded to their widest cell, long cells cut in the middle with "…". */
final class TextTable {
  private static final int MAX_CELL = 64;

  private TextTable() {}

  static void print(PrintStream out, List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    rows.forEach(row -> all.add(row.stream().map(TextTable::cut).toList()));
    int[] widths = new int[header.size()];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == 0 ? "" : "  ").append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String cut(String cell) {
    String text = cell == null ? "" : cell;
    // the middle goes: commands and jar lists differ at their ends (--set model.c=…, a version)
    int head = MAX_CELL / 2 - 1;
    return text.length() <= MAX_CELL ? text
        : text.substring(0, head) + "…" + text.substring(text.length() - (MAX_CELL - head - 1));
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
