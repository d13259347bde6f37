package dev.labkit.lab;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints a {@link RunDiff} as one table: section, key, run A, run B, change; only what differs. */
final class DiffPrinter {
  private DiffPrinter() {}

  static void print(PrintStream out, RunDiff diff, String a, String b) {
    out.println("A = " + a);
    out.println("B = " + b);
    List<List<String>> rows = new ArrayList<>();
    add(rows, "params", diff.params());
    add(rows, "ran on", diff.provenance());
    add(rows, "metrics", diff.metrics());
    if (rows.isEmpty()) {
      out.println("no differences: same params, same provenance, same final metrics");
      return;
    }
    TextTable.print(out, List.of("", "key", "A", "B", "change"), rows);
  }

  private static void add(List<List<String>> rows, String section, List<RunDiff.Row> diff) {
    boolean first = true;
    for (RunDiff.Row row : diff) {
      rows.add(List.of(first ? section : "", row.key(), row.a(), row.b(), row.change()));
      first = false;
    }
  }
}
