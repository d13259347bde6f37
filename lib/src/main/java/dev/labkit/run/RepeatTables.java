package dev.labkit.run;

import dev.labkit.ground.MeanStd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary run's tables for a sweep whose trials ran with several seeds: one row per trial with
 * "mean ± std" cells (sample std, n − 1; the seeds column says n), and one row per repeat beneath, with
 * its seed and its own run folder. The report's downloads split a "mean ± std" column into two.
 */
final class RepeatTables {
  private RepeatTables() {}

  /** The separator of a mean and its standard deviation in a cell: "0.8123 ± 0.0040". */
  static final String PLUS_MINUS = " ± ";

  /** Per trial: the swept keys, seeds, each metric as mean ± std, the first repeat's run. */
  static Map<String, Object> trials(List<String> keys, List<Outcome> means, List<String> metrics) {
    List<String> header = new ArrayList<>(keys);
    header.add("seeds");
    header.addAll(metrics);
    header.add("run");
    List<List<Object>> rows = new ArrayList<>();
    for (Outcome outcome : means) {
      List<Object> row = new ArrayList<>();
      keys.forEach(key -> row.add(outcome.trial().assignment().get(key)));
      row.add(outcome.spread().values().stream().mapToInt(MeanStd::n).max().orElse(1));
      for (String metric : metrics) {
        MeanStd stats = outcome.spread().get(metric);
        row.add(stats == null ? "" : cell(stats));
      }
      row.add(outcome.folder().getFileName().toString());
      rows.add(row);
    }
    return table(header, rows);
  }

  /** Per run, in run order ({@link Repeats}' numbering): the swept keys, the trial, the repeat and its seed, each metric, the run. */
  static Map<String, Object> repeats(List<String> keys, Map<Integer, Outcome> runs, Repeats repeats, List<String> metrics) {
    List<String> header = new ArrayList<>(keys);
    header.addAll(List.of("trial", "repeat", "seed"));
    header.addAll(metrics);
    header.add("run");
    List<List<Object>> rows = new ArrayList<>();
    new java.util.TreeMap<>(runs).forEach((number, run) -> {
      List<Object> row = new ArrayList<>();
      keys.forEach(key -> row.add(run.trial().assignment().get(key)));
      row.add(repeats.trialOf(number));
      row.add(repeats.repeatOf(number));
      row.add(run.trial().experiment() == null ? null : run.trial().experiment().seed());
      metrics.forEach(metric -> row.add(run.metrics().get(metric)));
      row.add(run.folder().getFileName().toString());
      rows.add(row);
    });
    return table(header, rows);
  }

  /** "0.8123 ± 0.0040", or the mean alone when only one seed measured it. */
  static String cell(MeanStd stats) {
    return stats.hasSpread() ? number(stats.mean()) + PLUS_MINUS + number(stats.std()) : number(stats.mean());
  }

  /** Four decimals, or four significant digits in scientific notation for very large or small values. */
  static String number(double value) {
    double magnitude = Math.abs(value);
    return magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e6) ? String.format(Locale.ROOT, "%.4f", value)
        : String.format(Locale.ROOT, "%.3e", value);
  }

  private static Map<String, Object> table(List<String> header, List<List<Object>> rows) {
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("columns", header);
    table.put("rows", rows);
    return table;
  }
}
