package dev.labkit.chart;

import dev.labkit.chart.Chart.Axis;
import dev.labkit.chart.Chart.Scale;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One dot per run: a final metric (y) against a param (x), such as test accuracy against C across
 * every run of an experiment. A numeric param is a quantitative axis (logarithmic when asked), any
 * other a category axis. Rows hold {@code run}, {@code x} and {@code y}; hover shows all three.
 *
 * <pre>{@code
 * new ScatterChart("test/accuracy against model.c", new Axis("x", "model.c", Scale.LOG), true,
 *     new Axis("y", "test/accuracy", Scale.LINEAR), rows).spec();
 * }</pre>
 */
public record ScatterChart(String title, Axis x, boolean xNumeric, Axis y, List<Map<String, Object>> rows) {

  public ScatterChart {
    rows = List.copyOf(rows);
  }

  static final int WIDTH = 300;
  static final int HEIGHT = 200;

  public ObjectNode spec() {
    ObjectNode spec = Charts.base(title, WIDTH, HEIGHT);
    spec.putObject("data").set("values", Charts.values(rows));
    ObjectNode mark = spec.putObject("mark");
    mark.put("type", "point");
    mark.put("filled", true);
    mark.put("opacity", 0.7);
    mark.put("tooltip", true);
    ObjectNode enc = spec.putObject("encoding");
    enc.set("x", xNumeric ? Charts.quantitative(x, false) : Charts.nominal(x.field(), x.title()));
    enc.set("y", Charts.quantitative(y, false));
    ArrayNode tooltip = enc.putArray("tooltip");
    tooltip.add(Charts.tooltip("run", "run", "nominal"));
    tooltip.add(Charts.tooltip(x.field(), x.title(), xNumeric ? "quantitative" : "nominal"));
    tooltip.add(Charts.tooltip(y.field(), y.title(), "quantitative"));
    return spec;
  }
}
