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
 */
public record CurvesChart(String title, String yTitle, List<Map<String, Object>> rows,
    List<Map<String, Object>> markers, boolean logY, int width, int height) implements Chart {

  public CurvesChart {
    rows = List.copyOf(rows);
    markers = List.copyOf(markers);
  }

  static CurvesChart of(String title) {
    return new CurvesChart(title, "value", List.of(), List.of(), false, 640, 320);
  }

  /** The lines' points, each {@code row("step", 3, "series", "lr=0.01", "value", 0.98)}. */
  public CurvesChart data(List<Map<String, Object>> points) {
    return new CurvesChart(title, yTitle, points, markers, logY, width, height);
  }

  /** The marks, each {@code row("step", 40, "series", "lr=0.01", "value", 0.98, "mark", "lr → 0.005")}. */
  public CurvesChart markers(List<Map<String, Object>> marks) {
    return new CurvesChart(title, yTitle, rows, marks, logY, width, height);
  }

  public CurvesChart yTitle(String value) {
    return new CurvesChart(title, value, rows, markers, logY, width, height);
  }

  /** A logarithmic y axis, for losses that fall by decades. */
  public CurvesChart logY(boolean value) {
    return new CurvesChart(title, yTitle, rows, markers, value, width, height);
  }

  public CurvesChart size(int w, int h) {
    return new CurvesChart(title, yTitle, rows, markers, logY, w, h);
  }

  @Override
  public ObjectNode spec() {
    ObjectNode spec = Charts.base(title, width, height);
    spec.putObject("data").set("values", Charts.values(rows));
    ArrayNode layers = spec.putArray("layer");
    ObjectNode line = layers.addObject();
    ObjectNode lineMark = line.putObject("mark");
    lineMark.put("type", "line");
    lineMark.put("clip", true);
    lineMark.put("strokeWidth", 1.5);
    line.set("encoding", encoding());
    ObjectNode hover = layers.addObject();
    hover.putArray("params").add(Charts.hoverParam());
    hover.putObject("mark").put("type", "point").put("filled", true).put("size", 50);
    ObjectNode hoverEncoding = encoding();
    hoverEncoding.set("opacity", Charts.hoverOpacity());
    hoverEncoding.putArray("tooltip").add(Charts.tooltip("series", "run", "nominal"))
        .add(Charts.tooltip("step", "step", "quantitative")).add(Charts.tooltip("value", yTitle, "quantitative"));
    hover.set("encoding", hoverEncoding);
    if (!markers.isEmpty()) {
      layers.add(markerLayer());
    }
    return spec;
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
  private ObjectNode markerLayer() {
    ObjectNode layer = Json.COMPACT.createObjectNode();
    layer.putObject("data").set("values", Charts.values(markers));
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
