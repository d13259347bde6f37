package dev.labkit.chart;

import dev.labkit.ground.Json;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Many runs' curves in one chart, one coloured line per run (the loss of every trial of a sweep), with
 * each run's marks drawn as symbols on its own line: ▼ where its learning rate dropped, ■ where it stopped
 * early. Rules across the whole chart would be unreadable with a dozen runs, so a mark sits on the curve it
 * belongs to, in its colour, and hovering shows what it was. Made by {@link Charts#curves(String)}.
 *
 * @param rows    {@code {step, series, value}} per point
 * @param markers {@code {step, series, value, mark}} per mark: where on which line, and its label
 * @param logY    a logarithmic y axis (losses that fall by decades)
 * @param panel   the row field that splits the chart into small panels, one per value (the loss of a
 *                sweep over losses and noise), so 36 curves read as four panels of nine; null for one chart
 */
public record CurvesChart(String title, String yTitle, List<Map<String, Object>> rows,
    List<Map<String, Object>> markers, boolean logY, int width, int height, String panel) implements Chart {

  public CurvesChart {
    rows = List.copyOf(rows);
    markers = List.copyOf(markers);
  }

  static CurvesChart of(String title) {
    return new CurvesChart(title, "value", List.of(), List.of(), false, 640, 320, null);
  }

  /** The lines' points, each {@code row("step", 3, "series", "lr=0.01", "value", 0.98)}. */
  public CurvesChart data(List<Map<String, Object>> points) {
    return new CurvesChart(title, yTitle, points, markers, logY, width, height, panel);
  }

  /** The marks, each {@code row("step", 40, "series", "lr=0.01", "value", 0.98, "mark", "lr → 0.005")}. */
  public CurvesChart markers(List<Map<String, Object>> marks) {
    return new CurvesChart(title, yTitle, rows, marks, logY, width, height, panel);
  }

  public CurvesChart yTitle(String value) {
    return new CurvesChart(title, value, rows, markers, logY, width, height, panel);
  }

  /** A logarithmic y axis, for losses that fall by decades. */
  public CurvesChart logY(boolean value) {
    return new CurvesChart(title, yTitle, rows, markers, value, width, height, panel);
  }

  public CurvesChart size(int w, int h) {
    return new CurvesChart(title, yTitle, rows, markers, logY, w, h, panel);
  }

  /**
   * One panel per value of the row field {@code field} (each point and mark row carries it), two panels a
   * row, sharing the y axis so the panels compare at a glance.
   */
  public CurvesChart panels(String field) {
    Charts.require(field, "a panel field");
    return new CurvesChart(title, yTitle, rows, markers, logY, width, height, field);
  }

  @Override
  public ObjectNode spec() {
    if (panel != null) {
      return faceted();
    }
    ObjectNode spec = Charts.base(title, width, height);
    spec.putObject("data").set("values", Charts.values(rows));
    layers(spec.putArray("layer"), false);
    return spec;
  }

  /**
   * The panels: Vega-Lite facets only data at the top, so the marks travel with the points (flagged by
   * their {@code mark} field) and each layer filters its own rows back out.
   */
  private ObjectNode faceted() {
    ObjectNode spec = Charts.base(title, 0, 0);
    spec.remove("width");
    spec.remove("height");
    java.util.List<Map<String, Object>> all = new java.util.ArrayList<>(rows);
    all.addAll(markers);
    spec.putObject("data").set("values", Charts.values(all));
    ObjectNode facet = spec.putObject("facet");
    facet.put("field", Charts.field(panel));
    facet.put("type", "nominal");
    facet.put("title", panel);
    ArrayNode order = facet.putArray("sort"); // the panels in the order of the rows (the sweep's), not alphabetical
    rows.stream().map(r -> String.valueOf(r.get(panel))).distinct().forEach(order::add);
    spec.put("columns", 2);
    spec.putObject("resolve").putObject("scale").put("y", "shared");
    ObjectNode inner = spec.putObject("spec");
    inner.put("width", Math.max(240, width / 2 - 20));
    inner.put("height", Math.max(160, height * 2 / 3));
    layers(inner.putArray("layer"), true);
    return spec;
  }

  private void layers(ArrayNode layers, boolean shared) {
    ObjectNode line = layers.addObject();
    if (shared) {
      line.putArray("transform").addObject().put("filter", "!isValid(datum.mark)");
    }
    ObjectNode lineMark = line.putObject("mark");
    lineMark.put("type", "line");
    lineMark.put("clip", true);
    lineMark.put("strokeWidth", 1.5);
    line.set("encoding", encoding());
    ObjectNode hover = layers.addObject();
    if (shared) {
      hover.putArray("transform").addObject().put("filter", "!isValid(datum.mark)");
    }
    hover.putArray("params").add(Charts.hoverParam());
    hover.putObject("mark").put("type", "point").put("filled", true).put("size", 50);
    ObjectNode hoverEncoding = encoding();
    hoverEncoding.set("opacity", Charts.hoverOpacity());
    hoverEncoding.putArray("tooltip").add(Charts.tooltip("series", "run", "nominal"))
        .add(Charts.tooltip("step", "step", "quantitative")).add(Charts.tooltip("value", yTitle, "quantitative"));
    hover.set("encoding", hoverEncoding);
    if (!markers.isEmpty()) {
      layers.add(markerLayer(shared));
    }
  }

  private ObjectNode encoding() {
    ObjectNode enc = Json.COMPACT.createObjectNode();
    enc.set("x", Charts.quantitative(new Axis("step", "step", Scale.LINEAR), false));
    enc.set("y", Charts.quantitative(new Axis("value", logY ? yTitle + " (log scale)" : yTitle,
        logY ? Scale.LOG : Scale.LINEAR), false));
    ObjectNode color = Charts.nominal("series", "run");
    color.putObject("scale").put("scheme", "tableau20");
    color.putObject("legend").put("labelLimit", 360).put("orient", "bottom").put("columns", 2);
    enc.set("color", color);
    return enc;
  }

  /** The marks as symbols on their lines: a down-pointing triangle for an lr drop, a square otherwise. */
  private ObjectNode markerLayer(boolean shared) {
    ObjectNode layer = Json.COMPACT.createObjectNode();
    if (shared) {
      layer.putArray("transform").addObject().put("filter", "isValid(datum.mark)");
    } else {
      layer.putObject("data").set("values", Charts.values(markers));
    }
    layer.putObject("mark").put("type", "point").put("filled", true).put("size", 70).put("stroke", "#1f2328")
        .put("strokeWidth", 0.5);
    ObjectNode enc = encoding();
    ObjectNode shape = enc.putObject("shape");
    ObjectNode lrDrop = shape.putObject("condition");
    lrDrop.put("test", "indexof(datum.mark, 'lr') === 0");
    lrDrop.put("value", "triangle-down");
    shape.put("value", "square");
    enc.putArray("tooltip").add(Charts.tooltip("series", "run", "nominal"))
        .add(Charts.tooltip("mark", "mark", "nominal")).add(Charts.tooltip("step", "step", "quantitative"));
    layer.set("encoding", enc);
    return layer;
  }
}
