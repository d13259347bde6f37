package dev.labkit.chart;

import dev.labkit.ground.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fitted lines over the data: the data as a grey scatter (a subsample, so the page stays small), and one
 * coloured line y = w·x + b per fit, drawn across the data's x range. Made by {@link Charts#fit(String)}.
 *
 * @param points {@code {x, y, data}} per data point ({@code data} names the data set when fits used several)
 * @param lines  {@code {x, y, fit}}: the two ends of each fitted line
 */
public record FitChart(String title, String xTitle, String yTitle, List<Map<String, Object>> points,
    List<Map<String, Object>> lines, int width, int height) implements Chart {

  public FitChart {
    points = List.copyOf(points);
    lines = List.copyOf(lines);
  }

  static FitChart of(String title) {
    return new FitChart(title, "x", "y", List.of(), List.of(), 640, 360);
  }

  public FitChart axes(String x, String y) {
    return new FitChart(title, x, y, points, lines, width, height);
  }

  /** The data points, each {@code row("x", 0.3, "y", 2.8, "data", "noise_scale=1")}. */
  public FitChart points(List<Map<String, Object>> values) {
    return new FitChart(title, xTitle, yTitle, values, lines, width, height);
  }

  /** The lines y = w·x + b from x = {@code from} to x = {@code to}, one per entry of {@code fits} (label → {w, b}). */
  public FitChart lines(Map<String, double[]> fits, double from, double to) {
    List<Map<String, Object>> ends = new ArrayList<>();
    fits.forEach((fit, wb) -> {
      ends.add(Charts.row("x", from, "y", wb[0] * from + wb[1], "fit", fit));
      ends.add(Charts.row("x", to, "y", wb[0] * to + wb[1], "fit", fit));
    });
    return new FitChart(title, xTitle, yTitle, points, ends, width, height);
  }

  @Override
  public ObjectNode spec() {
    ObjectNode spec = Charts.base(title, width, height);
    ArrayNode layers = spec.putArray("layer");
    ObjectNode scatter = layers.addObject();
    scatter.putObject("data").set("values", Charts.values(points));
    scatter.putObject("mark").put("type", "circle").put("size", 12).put("opacity", 0.35);
    ObjectNode dots = axes();
    ObjectNode shade = Charts.nominal("data", "data");
    shade.putObject("scale").put("scheme", "greys");
    dots.set("color", shade);
    scatter.set("encoding", dots);
    ObjectNode fits = layers.addObject();
    fits.putObject("data").set("values", Charts.values(lines));
    fits.putObject("mark").put("type", "line").put("strokeWidth", 2);
    ObjectNode enc = axes();
    ObjectNode color = Charts.nominal("fit", "fit");
    color.putObject("scale").put("scheme", "tableau20");
    color.putObject("legend").put("labelLimit", 360).put("orient", "bottom").put("columns", 2);
    enc.set("color", color);
    enc.putArray("tooltip").add(Charts.tooltip("fit", "fit", "nominal"));
    fits.set("encoding", enc);
    spec.putObject("resolve").putObject("scale").put("color", "independent");
    return spec;
  }

  private ObjectNode axes() {
    ObjectNode enc = Json.COMPACT.createObjectNode();
    enc.set("x", Charts.quantitative(new Axis("x", xTitle, Scale.LINEAR), false));
    enc.set("y", Charts.quantitative(new Axis("y", yTitle, Scale.LINEAR), false));
    return enc;
  }
}
