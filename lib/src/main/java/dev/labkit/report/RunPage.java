package dev.labkit.report;

import dev.labkit.image.Images;
import dev.labkit.report.Run.Artifact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The view model of a run page: the run plus its artifacts turned into what the page draws
 * (curves from metrics.csv, chart artifacts, confusion matrices, image groups, tables).
 *
 * @param curves one line chart per metric prefix, from metrics.csv ({@link Curves})
 * @param charts the run's {@code chart} artifacts (Vega-Lite specs), in the order it wrote them
 */
public record RunPage(
    Run run, List<ChartView> curves, List<ChartView> charts, List<Confusion> confusions,
    List<ImageGroup> imageGroups, List<Table> tables, List<Artifact> files) {

  /** Whether the page draws any chart, and so loads the chart scripts. */
  public boolean hasCharts() {
    return !curves.isEmpty() || !charts.isEmpty();
  }

  /** Warnings in words shown above the metrics (a fit that did not converge), empty when there are none. */
  public List<String> flags() {
    return Flags.of(run);
  }

  /** Whether an image group has a step slider. */
  public boolean hasSteppedImages() {
    return imageGroups.stream().anyMatch(ImageGroup::stepped);
  }

  /** Whether the page shows images, and so loads gallery.js (pixel scale, click to enlarge, step sliders). */
  public boolean hasImages() {
    return !imageGroups.isEmpty();
  }

  /** "trial 3 of 16 in sweep 20261126-220000-ab12", or null when the run is not part of a sweep. */
  public String sweepLabel() {
    Run.SweepPlace sweep = run.sweep();
    if (sweep == null) {
      return null;
    }
    if (Integer.valueOf(0).equals(sweep.trial())) {
      return "summary of sweep " + sweep.id() + (sweep.trials() == null ? "" : " (" + sweep.trials() + " trials)");
    }
    String trial = sweep.trial() == null ? "a trial" : "trial " + sweep.trial();
    return trial + (sweep.trials() == null ? "" : " of " + sweep.trials()) + " in sweep " + sweep.id();
  }

  /** The link from this page to its experiment's page. */
  public String experimentHref() {
    return Links.RUN_TO_ROOT + Links.relative("experiments", run.experiment(), "index.html");
  }

  /** A confusion matrix: rows are true classes, columns predicted ones. */
  public record Confusion(String title, List<String> labels, List<ConfusionRow> rows) {
    public TableExport export() {
      return TableExports.confusion(this);
    }
  }

  /** One true class: its cells, how many examples it had, and the share predicted right (recall). */
  public record ConfusionRow(String label, List<ConfusionCell> cells, long total, String recall) {}

  /**
   * A count with its share of the row; {@code style} shades the cell by that share (green on the
   * diagonal, where predictions are right, red elsewhere).
   */
  public record ConfusionCell(long count, String percent, String style, boolean diagonal) {}

  /**
   * Images shown together, in order; {@code legend} is set when they are diverging heatmaps.
   *
   * @param columns images per row when the run asked for a fixed grid (a 3×3 of examples), else null
   * @param frames  when the group's images were logged at two or more steps (samples every epoch),
   *                one frame per step, oldest first, which the page shows one at a time behind a
   *                slider; {@code images} then holds only the images that have no step
   */
  public record ImageGroup(String title, List<Image> images, Legend legend, Integer columns, List<Frame> frames) {
    /** The inline style of a fixed grid: that many columns as wide as their images. */
    public String gridStyle() {
      return columns == null ? null : "grid-template-columns: repeat(" + columns + ", max-content)";
    }

    /** Whether the page shows a step slider. */
    public boolean stepped() {
      return !frames.isEmpty();
    }
  }

  /** The images of a group logged at one step. */
  public record Frame(long step, List<Image> images) {
    public String label() {
      return "step " + step;
    }
  }

  public record Image(String src, String caption, String step) {}

  /** The colour scale of diverging heatmaps: blue at −max, white at 0, red at +max. */
  public record Legend(String min, String max) {
    /** The bar's CSS, drawn from the colours {@link Images} paints with. */
    public String gradient() {
      return Images.legendGradient();
    }
  }

  /** The run's final metrics, last logged values and params as CSV, Markdown and LaTeX, for the links beside them. */
  public TableExport metricsExport() {
    return TableExports.metrics(run);
  }

  public TableExport lastLoggedExport() {
    return TableExports.lastLogged(run);
  }

  public TableExport paramsExport() {
    return TableExports.params(run);
  }

  public record Table(String title, List<Column> columns, List<List<Cell>> rows) {
    /** The table as CSV, Markdown and LaTeX, for the links beside it; a mean ± std column as two. */
    public TableExport export() {
      return MeanStdColumns.split(new TableExport(title, columns.stream().map(Column::name).toList(),
          columns.stream().map(Column::numeric).toList(), rows.stream().map(r -> r.stream().map(Cell::text).toList()).toList()));
    }
  }

  /** A column header; numeric when every value below it is a number, so it aligns with them. */
  public record Column(String name, boolean numeric) {}

  /** A table cell; {@code runs} is the link from the page to its experiment's run folders ("../" on a run page). */
  public record Cell(String text, boolean numeric, String runs) {
    private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("\\d{8}-\\d{6}-[0-9a-f]{4}");

    public Cell(String text, boolean numeric) {
      this(text, numeric, "../");
    }

    /**
     * A cell holding a run id of the same experiment (a sweep's trials table) links to that run's page;
     * anything else gets no link, so a table cell can never point outside the site.
     */
    public String runHref() {
      return RUN_ID.matcher(text).matches() ? runs + text + "/index.html" : null;
    }
  }

  static RunPage of(Run run, Consumer<String> warn) {
    List<Confusion> confusions = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    List<ChartView> charts = new ArrayList<>();
    Map<String, List<Artifact>> groups = new LinkedHashMap<>();
    for (Artifact a : run.artifacts()) {
      switch (a.kind()) {
        case "confusion-matrix" -> {
          Confusion c = ConfusionMatrices.of(a, RunFolders.readOptional(run.folder().resolve(a.path()), warn));
          if (c == null) {
            warn.accept("warning: ignored " + run.folder().resolve(a.path())
                + ": expected {\"labels\": [...], \"counts\": [[...]]} with one row and column per label");
          } else {
            confusions.add(c);
          }
        }
        case "chart" -> chart(run, a, warn).ifPresent(charts::add);
        case "table" -> tables.add(table(a, RunFolders.readOptional(run.folder().resolve(a.path()), warn)));
        case "image" -> groups.computeIfAbsent(a.group() == null ? "Images" : a.group(), g -> new ArrayList<>())
            .add(a);
        default -> { }
      }
    }
    List<ImageGroup> imageGroups = new ArrayList<>();
    groups.forEach((title, images) -> imageGroups.add(imageGroup(title, images)));
    return new RunPage(run, Curves.of(run.series()), charts, confusions, imageGroups, tables, run.artifacts());
  }

  /**
   * A {@code chart} artifact: a Vega-Lite spec (a JSON object) drawn as it is. Its data must be inline
   * ({@code data.values}): a spec that names a {@code url} anywhere would make the page fetch it, so
   * it is skipped with a warning and the site never reaches out of itself.
   */
  static java.util.Optional<ChartView> chart(Run run, Artifact a, Consumer<String> warn) {
    java.nio.file.Path file = run.folder().resolve(a.path());
    JsonNode spec = RunFolders.readOptional(file, warn);
    if (spec.isMissingNode()) {
      return java.util.Optional.empty();
    }
    if (!spec.isObject()) {
      warn.accept("warning: ignored " + file + ": a chart artifact must be a Vega-Lite spec (a JSON object)");
      return java.util.Optional.empty();
    }
    if (!spec.findValues("url").isEmpty()) {
      warn.accept("warning: ignored " + file + ": a chart must carry its data inline (data.values), not load"
          + " it from a url");
      return java.util.Optional.empty();
    }
    // the spec's own title is drawn in the chart; the artifact's title is the caption only if it has none
    return java.util.Optional.of(ChartView.of(spec.has("title") ? null : a.title(), spec));
  }

  private static Table table(Artifact a, JsonNode json) {
    List<String> columns = new ArrayList<>();
    json.path("columns").forEach(c -> columns.add(c.asString()));
    List<List<Cell>> rows = new ArrayList<>();
    for (JsonNode row : json.path("rows")) {
      List<Cell> cells = new ArrayList<>();
      int column = 0;
      for (JsonNode value : row) {
        String name = column < columns.size() ? columns.get(column) : null;
        column++;
        if (value.isNumber() && name != null && name.endsWith("bytes")) {
          cells.add(new Cell(Format.bytes(value.asDouble()), true));
        } else if (value.isFloatingPointNumber()) {
          cells.add(new Cell(Format.decimal(value.asDouble()), true));
        } else {
          String text = RunFolders.text(value);
          cells.add(new Cell(text == null ? "" : text, value.isNumber() || MeanStdColumns.isMeanStd(text)));
        }
      }
      rows.add(cells);
    }
    List<Column> header = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      int col = c;
      boolean numeric = !rows.isEmpty() && rows.stream().allMatch(r -> col < r.size() && r.get(col).numeric());
      header.add(new Column(columns.get(c), numeric));
    }
    return new Table(a.title(), header, rows);
  }

  private static ImageGroup imageGroup(String title, List<Artifact> artifacts) {
    double maxAbs = 0;
    Integer columns = null;
    java.util.TreeMap<Long, List<Image>> bySteps = new java.util.TreeMap<>();
    List<Image> unstepped = new ArrayList<>();
    List<Image> all = new ArrayList<>();
    for (Artifact a : artifacts) {
      columns = columns == null ? a.columns() : columns;
      Image image = new Image(a.href(), a.title(), a.step() == null ? null : "step " + a.step());
      all.add(image);
      if (a.step() == null) {
        unstepped.add(image);
      } else {
        bySteps.computeIfAbsent(a.step(), s -> new ArrayList<>()).add(image);
      }
      if (a.maxAbs() != null) {
        maxAbs = Math.max(maxAbs, a.maxAbs());
      }
    }
    Legend legend = maxAbs > 0 ? new Legend(Format.signed(-maxAbs), Format.signed(maxAbs)) : null;
    if (bySteps.size() < 2) { // one step or none: a plain gallery
      return new ImageGroup(title, all, legend, columns, List.of());
    }
    List<Frame> frames = new ArrayList<>();
    bySteps.forEach((step, images) -> frames.add(new Frame(step, images)));
    return new ImageGroup(title, unstepped, legend, columns, frames);
  }
}
