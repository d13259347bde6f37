package dev.labkit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The view model of the index: every run, grouped by experiment, and the saved comparisons across
 * experiments ({@code compare/<name>.html}).
 */
public record IndexPage(List<Experiment> experiments, int runCount, List<Comparison> comparisons) {

  public record Experiment(String name, List<Row> rows) {
    /** The link to the experiment's own page (its runs table and sweeps). */
    public String href() {
      return Links.relative("experiments", name, "index.html");
    }

    /** The link to the experiment's lab report (report.html, printable to PDF). */
    public String reportHref() {
      return Links.relative("experiments", name, SiteGenerator.REPORT);
    }
  }

  /** A saved comparison and the link to its page. */
  public record Comparison(String name, String href) {}

  /** A run and the relative link to its page. */
  public record Row(Run run, String href) {}

  /** Groups runs (already sorted, see {@link RunFolders#read}) under their experiment. */
  static IndexPage of(List<Run> runs, List<String> comparisons) {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Run run : runs) {
      groups.computeIfAbsent(run.experiment(), e -> new ArrayList<>())
          .add(new Row(run, Links.relative("runs", run.experiment(), run.runId(), "index.html")));
    }
    List<Experiment> experiments = new ArrayList<>();
    groups.forEach((name, rows) -> experiments.add(new Experiment(name, rows)));
    return new IndexPage(experiments, runs.size(), comparisons.stream()
        .map(c -> new Comparison(c, Links.relative(CrossComparePage.FOLDER, c + ".html"))).toList());
  }

  /** "3 runs in 2 experiments". */
  public String summary() {
    return plural(runCount, "run") + " in " + plural(experiments.size(), "experiment");
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
