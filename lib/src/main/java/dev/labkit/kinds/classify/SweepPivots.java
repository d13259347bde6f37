package dev.labkit.kinds.classify;

import dev.labkit.ground.Selection;
import dev.labkit.run.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pivot tables of a crossed sweep's selection metric, with the difference a reader asks about: for every
 * swept key of two values, one row per combination of the other keys and a column per value, then "Δ"
 * (second minus first: "batch 32 vs 128, Δ" per optimizer, "80/20 vs 90/10, Δ"); for a sweep of exactly
 * two keys, one row per value of the first, a column per value of the second, and Δ last minus first.
 * Trials run with several seeds enter with their means ({@code Outcome.mean}), and the title says so.
 */
final class SweepPivots {
  private SweepPivots() {}

  /** A pivot's name (for its artifact), title and content ({"columns": [...], "rows": [[...]]}). */
  record Pivot(String name, String title, Map<String, Object> table) {}

  static List<Pivot> of(List<String> keys, List<Outcome> outcomes, Selection selection) {
    List<Pivot> pivots = new ArrayList<>();
    if (selection == null || outcomes.isEmpty()) {
      return pivots;
    }
    for (String key : keys) {
      List<String> values = values(key, outcomes);
      boolean pair = values.size() == 2;
      boolean twoKeys = keys.size() == 2 && key.equals(keys.get(1)) && values.size() > 2;
      if (pair || twoKeys) {
        pivots.add(pivot(key, values, keys.stream().filter(k -> !k.equals(key)).toList(), outcomes, selection));
      }
    }
    return pivots;
  }

  private static Pivot pivot(String key, List<String> columns, List<String> others, List<Outcome> outcomes,
      Selection selection) {
    String metric = selection.metric();
    Map<String, Map<String, Double>> cells = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      String row = String.join(", ", others.stream()
          .map(k -> shortName(k) + " " + label(k, o.trial().assignment().get(k))).toList());
      Double value = o.metrics().get(metric);
      if (value != null) {
        cells.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(o.trial().assignment().get(key), value);
      }
    }
    String first = label(key, columns.getFirst());
    String last = label(key, columns.getLast());
    String delta = "Δ (" + last + " − " + first + ")";
    List<String> header = new ArrayList<>();
    header.add(others.isEmpty() ? "trials" : String.join(", ", others.stream().map(SweepPivots::shortName).toList()));
    columns.forEach(c -> header.add(label(key, c)));
    header.add(delta);
    List<List<Object>> rows = new ArrayList<>();
    cells.forEach((row, byValue) -> {
      List<Object> cellsOfRow = new ArrayList<>();
      cellsOfRow.add(row.isEmpty() ? "all" : row);
      columns.forEach(c -> cellsOfRow.add(byValue.get(c)));
      Double a = byValue.get(columns.getFirst());
      Double b = byValue.get(columns.getLast());
      cellsOfRow.add(a == null || b == null ? null : b - a);
      rows.add(cellsOfRow);
    });
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("columns", header);
    table.put("rows", rows);
    int seeds = outcomes.stream().mapToInt(o -> o.seeds(metric)).max().orElse(1); // with repeats: the means
    String title = metric + (seeds > 1 ? " (mean of " + seeds + " seeds)" : "") + ": " + shortName(key) + " " + first
        + " vs " + last + ", Δ"
        + (others.isEmpty() ? "" : " per " + String.join(", ", others.stream().map(SweepPivots::shortName).toList()));
    return new Pivot("pivot-" + key.replace('.', '-'), title, table);
  }

  /** A swept value as a reader names it: a validation fraction of 0.2 as the split "80/20". */
  static String label(String key, String value) {
    if (key.equals("validation")) {
      try {
        double v = Double.parseDouble(value);
        return String.format(Locale.ROOT, "%d/%d", Math.round(100 * (1 - v)), Math.round(100 * v));
      } catch (NumberFormatException e) {
        return value;
      }
    }
    return value;
  }

  static String shortName(String key) {
    return key.substring(key.lastIndexOf('.') + 1);
  }

  private static List<String> values(String key, List<Outcome> outcomes) {
    Set<String> values = new LinkedHashSet<>();
    outcomes.forEach(o -> values.add(o.trial().assignment().get(key)));
    values.remove(null);
    return List.copyOf(values);
  }
}
