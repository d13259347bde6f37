package dev.labkit.report;

import dev.labkit.chart.Chart.Scale;
import dev.labkit.chart.Charts;
import dev.labkit.ground.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;

/**
 * The view model of a comparison across experiments ({@code site/compare/<name>.html}), saved as a
 * {@link CompareSelection}. The params that differ and the final metrics are tables made here (with
 * their CSV, Markdown and LaTeX downloads); the overlaid curves of the metrics every run logged and
 * the image galleries side by side are drawn by assets/compare.js from each run's {@code data.js}.
 *
 * @param name    the selection's name
 * @param refs    the references as saved ("gan", "dcgan/20261126-…")
 * @param columns the runs, one column each, in the selection's order
 * @param params  the params whose values differ between the runs
 * @param paramsExport the same as a downloadable table
 * @param metrics every final metric, one row each, a cell per run ("—" where a run has none)
 * @param metricsExport the same as a downloadable table
 * @param index   the runs as compare.js reads them (id, label, data script), script-safe JSON
 */
public record CrossComparePage(String name, List<String> refs, List<Column> columns, List<Row> params,
    TableExport paramsExport, List<Row> metrics, TableExport metricsExport, String index, String curve,
    String curveLog) {

  /** The folder of the compare pages in the site, one level below its root. */
  static final String FOLDER = "compare";
  static final String TO_ROOT = "../";

  /** One run of the comparison: "gan · 20261126-…", linking to its page. */
  public record Column(String experiment, String runId, String label, String href) {}

  /** One table row: a param or metric name and a cell per run. */
  public record Row(String key, List<String> cells, boolean numeric) {}

  static CrossComparePage of(CompareSelection selection, List<Run> runs) {
    List<Column> columns = runs.stream().map(r -> new Column(r.experiment(), r.runId(), label(r),
        TO_ROOT + Links.relative("runs", r.experiment(), r.runId(), "index.html"))).toList();
    List<Row> params = differingParams(runs);
    List<Row> metrics = metrics(runs);
    List<String> header = new ArrayList<>(List.of("param"));
    columns.forEach(c -> header.add(c.label()));
    TableExport paramsExport = export(selection.name() + " parameters that differ", header, params);
    header.set(0, "metric");
    TableExport metricsExport = export(selection.name() + " final metrics", header, metrics);
    return new CrossComparePage(selection.name(), selection.refs(), columns, params, paramsExport, metrics,
        metricsExport, Charts.scriptSafe(index(runs)), Charts.scriptSafe(ComparePage.curve(Scale.LINEAR)),
        Charts.scriptSafe(ComparePage.curve(Scale.LOG)));
  }

  /** How a run is named in headers and legends: experiment, then trial or run id. */
  static String label(Run run) {
    return run.experiment() + " · " + RunData.label(run);
  }

  /** Params present in any run whose value is not the same in all of them, in first-seen order. */
  static List<Row> differingParams(List<Run> runs) {
    Set<String> keys = new LinkedHashSet<>();
    runs.forEach(r -> r.params().forEach(e -> keys.add(e.key())));
    List<Row> rows = new ArrayList<>();
    for (String key : keys) {
      List<Run.Entry> entries = runs.stream().map(r -> r.param(key)).toList();
      List<String> values = entries.stream().map(e -> e == null ? "—" : e.value()).toList();
      if (values.stream().distinct().count() > 1) {
        boolean numeric = entries.stream().allMatch(e -> e == null || e.numeric());
        rows.add(new Row(key, values, numeric));
      }
    }
    return rows;
  }

  /** Every final metric of any run, sorted by name, as each run's page prints it. */
  static List<Row> metrics(List<Run> runs) {
    Set<String> names = new TreeSet<>();
    runs.forEach(r -> r.metrics().forEach(m -> names.add(m.name())));
    List<Row> rows = new ArrayList<>();
    for (String name : names) {
      List<String> cells = new ArrayList<>();
      for (Run run : runs) {
        cells.add(run.metrics().stream().filter(m -> m.name().equals(name)).map(Run.Metric::display)
            .filter(Objects::nonNull).findFirst().orElse("—"));
      }
      rows.add(new Row(name, cells, true));
    }
    return rows;
  }

  private static TableExport export(String title, List<String> header, List<Row> rows) {
    List<Boolean> numeric = new ArrayList<>(List.of(false));
    for (int i = 1; i < header.size(); i++) {
      int column = i - 1;
      numeric.add(!rows.isEmpty() && rows.stream().allMatch(r -> r.numeric() || "—".equals(r.cells().get(column))));
    }
    List<List<String>> cells = rows.stream().map(r -> {
      List<String> line = new ArrayList<>(List.of(r.key()));
      line.addAll(r.cells());
      return (List<String>) line;
    }).toList();
    return new TableExport(title, header, numeric, cells);
  }

  /** The runs for compare.js: id (the key of data.js), the label shown, the data script from this page. */
  static ArrayNode index(List<Run> runs) {
    return RunFolders.JSON.readValue(ComparePage.across(runs).index(), ArrayNode.class);
  }

  /** Where a comparison's page is in a site: {@code <site>/compare/<name>.html}. */
  public static Path page(Path siteDir, String name) {
    return siteDir.resolve(FOLDER).resolve(name + ".html");
  }

  /**
   * Renders every saved comparison of {@code runsDir} into {@code site/compare/}, replacing what was
   * there; a comparison whose runs are gone is skipped with a warning naming the missing run.
   */
  static void writeAll(Path runsDir, Path siteDir, List<Run> runs, Consumer<String> warn) {
    Map<String, CrossComparePage> pages = new LinkedHashMap<>();
    for (CompareSelection selection : CompareSelection.saved(runsDir, warn)) {
      try {
        pages.put(selection.name(), of(selection, selection.resolve(runsDir, runs)));
      } catch (UserError e) {
        warn.accept("skipped comparison " + selection.name() + ": " + e.getMessage());
      }
    }
    pages.forEach((name, page) -> SiteGenerator.write(page(siteDir, name),
        Pages.compareAcross(page).getBytes(StandardCharsets.UTF_8)));
    for (String name : saved(siteDir)) { // pages of selections no longer saved (or no longer resolved)
      if (!pages.containsKey(name)) {
        SiteGenerator.deleteTree(siteDir, page(siteDir, name));
      }
    }
  }

  /** The names of the comparisons a site has pages for ({@code compare/<name>.html}, not the index's compare page). */
  static List<String> saved(Path siteDir) {
    Path folder = siteDir.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".html") && !f.equals("index.html"))
          .map(f -> f.substring(0, f.length() - ".html".length())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }
}
