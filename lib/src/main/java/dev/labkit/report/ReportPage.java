package dev.labkit.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The view model of an experiment's lab report ({@code experiments/<experiment>/report.html}), one page
 * a student can print and hand in: the script's description as the introduction, its notes (Markdown and
 * math), the experiment page's figures, the key run's figures, tables and images, the best trial of each
 * sweep and how it was chosen ({@link SweepView}, which asks {@code ground.Selection}), the flags in words
 * ({@link Flags}, as the run pages say them) and the command that re-runs it. It reads nothing the other
 * pages do not: the experiment page's view model and the key run's folder.
 *
 * @param key     the run the report is written about: the newest sweep's summary, else the newest run
 * @param notes   the notes as HTML fragments ({@link Markdown}), in the order the script wrote them
 * @param figures the charts, in order; the page numbers them Figure 1, 2, …
 * @param tables  the key run's tables and its final metrics; numbered Table 1, 2, …
 * @param images  the key run's image groups (sample grids, weight heatmaps), their links rebased to this page
 * @param best    one sentence per sweep naming its best trial and how it was chosen
 * @param flags   what the pages warn about (non-convergence, overfitting, mode collapse), without repeats
 */
public record ReportPage(String name, Run key, String description, List<String> notes, List<Figure> figures,
    List<RunPage.Table> tables, List<RunPage.ImageGroup> images, List<Best> best, List<String> flags, int runCount) {

  /** A chart with its caption: the title the chart carries (or the caption the page gave it). */
  public record Figure(ChartView chart, String caption) {}

  /**
   * A sweep's best trial: which, its values of the swept params, the value it was chosen by and how
   * ({@code Selection.describe()}: "val/accuracy (higher is better)", or "…, chosen on test (optimistic)").
   */
  public record Best(String sweep, String trial, String href, String settings, String chosenBy, String value,
      String headline, boolean optimistic) {}

  /** The command that re-runs the key run (its sweep, for a summary), or null when it recorded none. */
  public String command() {
    return key == null ? null : key.command();
  }

  public boolean hasCharts() {
    return !figures.isEmpty();
  }

  public boolean hasImages() {
    return !images.isEmpty();
  }

  /** Links from this page (experiments/&lt;name&gt;/) to the experiment page and to the key run's page. */
  public String experimentHref() {
    return "index.html";
  }

  public String keyHref() {
    return key == null ? null : runsBase(key) + Links.encode(key.runId()) + "/index.html";
  }

  static ReportPage of(ExperimentPage page, Consumer<String> warn) {
    List<Run> runs = page.rows().stream().map(ExperimentPage.Row::run).toList(); // newest first
    Run key = key(page, runs);
    Optional<RunPage> keyPage = key == null ? Optional.empty()
        : RunFolders.readRun(key.folder(), warn).map(full -> RunPage.of(full, warn));
    Run described = runs.stream().filter(r -> r.description() != null || !r.notes().isEmpty()).findFirst()
        .orElse(key);
    List<String> notes = described == null ? List.of() : described.notes().stream().map(Markdown::html).toList();

    List<Figure> figures = new ArrayList<>();
    page.charts().forEach(c -> figures.add(figure(c)));
    page.sweeps().forEach(s -> s.charts().forEach(c -> figures.add(figure(c))));
    List<RunPage.Table> tables = new ArrayList<>();
    List<RunPage.ImageGroup> images = new ArrayList<>();
    keyPage.ifPresent(p -> {
      if (p.run().sweep() == null) { // a run on its own: its curves are its story
        p.curves().forEach(c -> figures.add(figure(c)));
      }
      p.charts().forEach(c -> figures.add(figure(c)));
      String base = runsBase(p.run());
      p.tables().forEach(t -> tables.add(rebased(t, base)));
      if (!p.run().metrics().isEmpty()) {
        tables.add(finalMetrics(p.run()));
      }
      String folder = base + Links.encode(p.run().runId()) + "/";
      p.imageGroups().forEach(g -> images.add(rebased(g, folder)));
    });

    List<Best> best = page.sweeps().stream().filter(s -> s.best() != null).map(ReportPage::best).toList();
    Set<String> flags = new LinkedHashSet<>();
    if (key != null) {
      flags.addAll(Flags.of(key));
    }
    page.sweeps().stream().filter(s -> s.best() != null).forEach(s -> flags.addAll(Flags.of(s.best())));
    return new ReportPage(page.name(), key, described == null ? null : described.description(), notes, figures,
        tables, images, best, List.copyOf(flags), page.runCount());
  }

  /** The run the report is about: the newest sweep's summary when there is one, else the newest run. */
  private static Run key(ExperimentPage page, List<Run> runs) {
    return page.sweeps().stream().map(SweepView::summary).filter(s -> s != null)
        .max(java.util.Comparator.comparing(Run::runId))
        .orElse(runs.isEmpty() ? null : runs.getFirst());
  }

  private static Best best(SweepView s) {
    Run b = s.best();
    StringBuilder settings = new StringBuilder();
    for (ExperimentPage.Column c : s.params()) {
      Run.Entry e = b.param(c.key());
      settings.append(settings.isEmpty() ? "" : ", ").append(c.key()).append(" = ").append(e == null ? "—" : e.value());
    }
    String headline = b.headline() == null || b.headline().name().equals(s.selection().metric()) ? null
        : b.headline().name() + " " + b.headline().display();
    String trial = b.sweep().trial() == null ? b.runId() : "trial " + b.sweep().trial();
    return new Best(s.id(), trial, runsBase(b) + Links.encode(b.runId()) + "/index.html", settings.toString(),
        s.chosenBy(), s.bestValue(), headline, s.selection().optimistic());
  }

  /** From experiments/&lt;name&gt;/ to runs/&lt;name&gt;/. */
  private static String runsBase(Run run) {
    return ExperimentPage.TO_ROOT + Links.relative("runs", run.experiment()) + "/";
  }

  private static Figure figure(ChartView chart) {
    String caption = chart.caption();
    if (caption == null) {
      JsonNode title = RunFolders.JSON.readTree(chart.json()).path("title");
      caption = title.isString() ? title.asString() : title.path("text").isString() ? title.path("text").asString() : null;
    }
    return new Figure(chart, caption);
  }

  private static RunPage.Table finalMetrics(Run run) {
    List<List<RunPage.Cell>> rows = run.metrics().stream()
        .map(m -> List.of(new RunPage.Cell(m.name(), false), new RunPage.Cell(m.display(), m.numeric()))).toList();
    return new RunPage.Table("Final metrics of " + (run.sweep() != null && Integer.valueOf(0).equals(run.sweep().trial())
        ? "the sweep's summary (its best trial)" : "run " + run.runId()),
        List.of(new RunPage.Column("metric", false), new RunPage.Column("value", true)), rows);
  }

  /** A run page's table as this page links it: a run id in a cell points at runs/&lt;experiment&gt;/. */
  private static RunPage.Table rebased(RunPage.Table t, String runs) {
    return new RunPage.Table(t.title(), t.columns(), t.rows().stream()
        .map(r -> r.stream().map(c -> new RunPage.Cell(c.text(), c.numeric(), runs)).toList()).toList());
  }

  private static RunPage.ImageGroup rebased(RunPage.ImageGroup g, String folder) {
    return new RunPage.ImageGroup(g.title(), rebased(g.images(), folder), g.legend(), g.columns(),
        g.frames().stream().map(f -> new RunPage.Frame(f.step(), rebased(f.images(), folder))).toList());
  }

  private static List<RunPage.Image> rebased(List<RunPage.Image> images, String folder) {
    return images.stream().map(i -> new RunPage.Image(folder + i.src(), i.caption(), i.step())).toList();
  }
}
