package dev.labkit.chart;

import dev.labkit.ground.Event;
import dev.labkit.ground.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lines of a quantitative y against a quantitative x, optionally one per value of a series field,
 * with hover tooltips, event rules and highlighted points. Made by {@link Charts#line(String)}.
 *
 * @param series the field whose values name the lines, or null for a single line
 * @param showPoints whether every data point is drawn as a dot (for sweeps: few points, each a run)
 */
public record LineChart(
    String title, Axis x, Axis y, String series, String seriesTitle, boolean showPoints,
    List<Map<String, Object>> rows, List<Event> events, List<Highlight> highlights, int width, int height,
    ErrorBars errors) implements Chart {

  /**
   * Error bars: each row's {@code low} to {@code high} (a mean ± 1 std over seeds) drawn as a vertical
   * rule at its x and a faint band along the line, in its line's colour; a row without them gets none.
   */
  public record ErrorBars(String low, String high) {}

  public LineChart(String title, Axis x, Axis y, String series, String seriesTitle, boolean showPoints,
      List<Map<String, Object>> rows, List<Event> events, List<Highlight> highlights, int width, int height) {
    this(title, x, y, series, seriesTitle, showPoints, rows, events, highlights, width, height, null);
  }

  public LineChart {
    rows = List.copyOf(rows);
    events = List.copyOf(events);
    highlights = List.copyOf(highlights);
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("a chart's size must be > 0, got " + width + " x " + height);
    }
  }

  static LineChart of(String title) {
    return new LineChart(title, new Axis("step", "step", Scale.LINEAR), new Axis("value", "value", Scale.LINEAR),
        null, null, false, List.of(), List.of(), List.of(), 480, 240);
  }

  public LineChart x(String field, String title) {
    return x(field, title, Scale.LINEAR);
  }

  public LineChart x(String field, String title, Scale scale) {
    return new LineChart(this.title, new Axis(field, title, scale), y, series, seriesTitle, showPoints, rows, events,
        highlights, width, height, errors);
  }

  public LineChart y(String field, String title) {
    return y(field, title, Scale.LINEAR);
  }

  public LineChart y(String field, String title, Scale scale) {
    return new LineChart(this.title, x, new Axis(field, title, scale), series, seriesTitle, showPoints, rows, events,
        highlights, width, height, errors);
  }

  /** One line per value of {@code field}, coloured, with a legend titled by the field. */
  public LineChart series(String field) {
    return series(field, field);
  }

  public LineChart series(String field, String title) {
    Charts.require(field, "the series field");
    return new LineChart(this.title, x, y, field, title, showPoints, rows, events, highlights, width, height, errors);
  }

  /** Draws each data point as a dot on its line. */
  public LineChart points() {
    return new LineChart(title, x, y, series, seriesTitle, true, rows, events, highlights, width, height, errors);
  }

  /** The rows to draw, each a map from field name to value (see {@link Charts#row}). */
  public LineChart data(List<? extends Map<String, ?>> rows) {
    List<Map<String, Object>> copy = new ArrayList<>();
    rows.forEach(r -> copy.add(java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(r))));
    return new LineChart(title, x, y, series, seriesTitle, showPoints, copy, events, highlights, width, height, errors);
  }

  /** A labelled vertical rule at x = {@code at}: "lr halved", "early stop", "checkpoint". */
  public LineChart event(double at, String label) {
    List<Event> more = new ArrayList<>(events);
    more.add(new Event(at, label));
    return new LineChart(title, x, y, series, seriesTitle, showPoints, rows, more, highlights, width, height, errors);
  }

  /** Rings the point (x, y) and labels it, e.g. the best run of a sweep. */
  public LineChart highlight(double atX, double atY, String label) {
    List<Highlight> more = new ArrayList<>(highlights);
    more.add(new Highlight(atX, atY, label));
    return new LineChart(title, x, y, series, seriesTitle, showPoints, rows, events, more, width, height, errors);
  }

  public LineChart size(int width, int height) {
    return new LineChart(title, x, y, series, seriesTitle, showPoints, rows, events, highlights, width, height, errors);
  }

  /** Draws each row's {@code low} to {@code high} as an error bar (e.g. mean ± std over the seeds of a trial). */
  public LineChart errorBars(String low, String high) {
    Charts.require(low, "the error bars' low field");
    Charts.require(high, "the error bars' high field");
    return new LineChart(title, x, y, series, seriesTitle, showPoints, rows, events, highlights, width, height,
        new ErrorBars(low, high));
  }

  @Override
  public ObjectNode spec() {
    ObjectNode spec = Charts.base(title, width, height);
    spec.putObject("data").set("values", Charts.values(rows));
    ArrayNode layers = spec.putArray("layer");

    ObjectNode line = layers.addObject();
    ObjectNode lineMark = line.putObject("mark");
    lineMark.put("type", "line");
    lineMark.put("point", showPoints);
    lineMark.put("clip", true);
    line.set("encoding", encoding());

    if (errors != null) {
      layers.add(errorBand());
      layers.add(errorLayer());
    }

    // an invisible dot on every point; the one nearest the pointer shows, with its values as tooltip
    ObjectNode hover = layers.addObject();
    hover.putArray("params").add(Charts.hoverParam());
    ObjectNode hoverMark = hover.putObject("mark");
    hoverMark.put("type", "point");
    hoverMark.put("filled", true);
    hoverMark.put("size", 70);
    ObjectNode hoverEncoding = encoding();
    hoverEncoding.set("opacity", Charts.hoverOpacity());
    ArrayNode tooltip = hoverEncoding.putArray("tooltip");
    if (series != null) {
      tooltip.add(Charts.tooltip(series, seriesTitle, "nominal"));
    }
    tooltip.add(Charts.tooltip(x.field(), x.title(), "quantitative"));
    tooltip.add(Charts.tooltip(y.field(), y.title(), "quantitative"));
    hover.set("encoding", hoverEncoding);

    if (!events.isEmpty()) {
      layers.add(eventLayer());
    }
    if (!highlights.isEmpty()) {
      layers.add(highlightLayer());
    }
    return spec;
  }

  private ObjectNode encoding() {
    ObjectNode enc = Json.COMPACT.createObjectNode();
    enc.set("x", Charts.quantitative(x, false));
    enc.set("y", Charts.quantitative(y, false));
    if (series != null) {
      enc.set("color", Charts.nominal(series, seriesTitle));
    }
    return enc;
  }

  /**
   * A faint band from low to high along each line: it shows the spread where rules overlap (lines of one
   * x) or fall on the plot's edge (the first and last value of a sweep).
   */
  private ObjectNode errorBand() {
    return spreadLayer("error_band", "area", "opacity", 0.15);
  }

  /** A rule from low to high at each row's x (rows without them are dropped as invalid), named for tests. */
  private ObjectNode errorLayer() {
    return spreadLayer("error_bars", "rule", "strokeWidth", 1.5);
  }

  /** A layer named {@code name} drawing {@code type} marks (with one style) from each row's low to its high. */
  private ObjectNode spreadLayer(String name, String type, String style, double value) {
    ObjectNode layer = Json.COMPACT.createObjectNode();
    layer.put("name", name);
    ObjectNode mark = layer.putObject("mark");
    mark.put("type", type);
    mark.put(style, value);
    mark.put("clip", true);
    ObjectNode enc = layer.putObject("encoding");
    enc.set("x", Charts.quantitative(x, false));
    enc.set("y", Charts.quantitative(new Axis(errors.low(), y.title(), y.scale()), false));
    enc.putObject("y2").put("field", Charts.field(errors.high()));
    if (series != null) {
      enc.set("color", Charts.nominal(series, seriesTitle));
    }
    return layer;
  }

  /** Dashed rules with their label at the top, in a layer with its own data. */
  private ObjectNode eventLayer() {
    ObjectNode layer = Json.COMPACT.createObjectNode();
    ArrayNode values = layer.putObject("data").putArray("values");
    for (Event e : events) {
      ObjectNode v = values.addObject();
      Charts.put(v, x.field(), e.at());
      v.put("event", e.label());
    }
    ArrayNode parts = layer.putArray("layer");
    ObjectNode rule = parts.addObject();
    ObjectNode ruleMark = rule.putObject("mark");
    ruleMark.put("type", "rule");
    ruleMark.put("color", "#6e7781");
    ruleMark.putArray("strokeDash").add(4).add(3);
    ObjectNode ruleEnc = rule.putObject("encoding");
    ruleEnc.set("x", Charts.quantitative(x, false));
    ruleEnc.putArray("tooltip").add(Charts.tooltip("event", "event", "nominal"))
        .add(Charts.tooltip(x.field(), x.title(), "quantitative"));
    ObjectNode text = parts.addObject();
    ObjectNode textMark = text.putObject("mark");
    textMark.put("type", "text");
    // written upwards along the right of its rule, from the top: close events do not overprint
    textMark.put("angle", 270);
    textMark.put("align", "right");
    textMark.put("baseline", "top");
    textMark.put("dx", -4);
    textMark.put("dy", 3);
    textMark.put("fontSize", 11);
    textMark.put("color", "#57606a");
    ObjectNode textEnc = text.putObject("encoding");
    textEnc.set("x", Charts.quantitative(x, false));
    textEnc.putObject("y").put("value", 0);
    textEnc.putObject("text").put("field", "event");
    return layer;
  }

  /** A red ring around each highlighted point and its label above. */
  private ObjectNode highlightLayer() {
    ObjectNode layer = Json.COMPACT.createObjectNode();
    ArrayNode values = layer.putObject("data").putArray("values");
    for (Highlight h : highlights) {
      ObjectNode v = values.addObject();
      Charts.put(v, x.field(), h.x());
      Charts.put(v, y.field(), h.y());
      v.put("highlight", h.label());
    }
    ObjectNode enc = layer.putObject("encoding");
    enc.set("x", Charts.quantitative(x, false));
    enc.set("y", Charts.quantitative(y, false));
    ArrayNode parts = layer.putArray("layer");
    ObjectNode ring = parts.addObject().putObject("mark");
    ring.put("type", "point");
    ring.put("size", 260);
    ring.put("strokeWidth", 2);
    ring.put("color", "#cf222e");
    ring.put("filled", false);
    ObjectNode text = parts.addObject();
    ObjectNode textMark = text.putObject("mark");
    textMark.put("type", "text");
    textMark.put("dy", -16);
    textMark.put("fontWeight", "bold");
    textMark.put("color", "#cf222e");
    text.putObject("encoding").putObject("text").put("field", "highlight");
    return layer;
  }
}
