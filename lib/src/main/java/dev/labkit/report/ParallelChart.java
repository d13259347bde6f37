package dev.labkit.report;

import dev.labkit.chart.Charts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parallel coordinates: one vertical axis per param and one for the metric, each run a line across
 * them, coloured by the metric, so the settings that lead to good runs show as bundles of one colour.
 *
 * <p>Vega-Lite has no parallel-axes mark, so the chart is drawn the usual way: every axis is scaled
 * to [0, 1] here (numbers by their range, on the log scale where {@code logAxes} says so; categories
 * spread evenly in sorted order), the runs are lines over a category x axis, and each axis gets a
 * rule and the labels of its ends (or of its categories). Hover on a point shows its real value.
 *
 * @param axes   the axis names, left to right (the metric last)
 * @param values  per run (label → axis → value as text; a number is parsed as such)
 * @param logAxes the numeric axes drawn on a log scale ({@link ParamAxes} decides)
 */
record ParallelChart(String title, List<String> axes, String metric, Map<String, Map<String, String>> values,
    Set<String> logAxes) {

  static final int WIDTH = 640;
  static final int HEIGHT = 260;

  ObjectNode spec() {
    ObjectNode spec = Charts.base(title, WIDTH, HEIGHT);
    ArrayNode labels = RunFolders.JSON.createArrayNode();
    // one row per run, "p<i>" its position on axis i and "v<i>" its value there: a third of the bytes
    // of one row per run and axis; the fold and lookup below turn it into that long form in the browser
    Map<String, ObjectNode> rows = new LinkedHashMap<>();
    values.forEach((run, byAxis) -> {
      ObjectNode row = RunFolders.JSON.createObjectNode().put("run", run);
      Charts.put(row, "metric", number(byAxis.get(metric)));
      rows.put(run, row);
    });
    for (int i = 0; i < axes.size(); i++) {
      String axis = axes.get(i);
      Map<String, Double> positions = positions(axis, labels);
      for (var e : values.entrySet()) {
        String value = e.getValue().get(axis);
        if (value != null && positions.containsKey(value)) {
          rows.get(e.getKey()).put("p" + i, positions.get(value)).put("v" + i, value);
        }
      }
    }
    ArrayNode data = spec.putObject("data").putArray("values");
    rows.values().forEach(data::add);
    spec.set("transform", longForm());
    ArrayNode layers = spec.putArray("layer");
    layers.add(layer("rule", labels, false));
    layers.add(lines());
    layers.add(layer("text", labels, true));
    return spec;
  }

  /** p0…pn folded into (key, pos) rows, each with its axis name and its value as text. */
  private ArrayNode longForm() {
    ArrayNode transform = RunFolders.JSON.createArrayNode();
    ObjectNode fold = transform.addObject();
    ArrayNode fields = fold.putArray("fold");
    ArrayNode names = RunFolders.JSON.createArrayNode();
    for (int i = 0; i < axes.size(); i++) {
      fields.add("p" + i);
      names.addObject().put("key", "p" + i).put("axis", axes.get(i));
    }
    fold.putArray("as").add("key").add("pos");
    ObjectNode lookup = transform.addObject().put("lookup", "key");
    ObjectNode from = lookup.putObject("from");
    from.putObject("data").set("values", names);
    from.put("key", "key");
    from.putArray("fields").add("axis");
    transform.addObject().put("calculate", "datum['v' + substring(datum.key, 1)]").put("as", "value");
    return transform;
  }

  /** Where each value of an axis sits on [0, 1]; adds the axis's labels (its ends, or its categories). */
  private Map<String, Double> positions(String axis, ArrayNode labels) {
    List<String> seen = values.values().stream().map(v -> v.get(axis)).filter(v -> v != null).toList();
    Map<String, Double> positions = new LinkedHashMap<>();
    boolean numeric = !seen.isEmpty() && seen.stream().allMatch(v -> number(v) != null);
    if (numeric) {
      List<Double> numbers = seen.stream().map(ParallelChart::number).toList();
      boolean log = logAxes.contains(axis) && numbers.stream().allMatch(d -> d > 0);
      double lo = numbers.stream().mapToDouble(d -> log ? Math.log(d) : d).min().orElse(0);
      double hi = numbers.stream().mapToDouble(d -> log ? Math.log(d) : d).max().orElse(0);
      for (String v : seen) {
        double x = log ? Math.log(number(v)) : number(v);
        // four decimals place a line to a tenth of a pixel, and keep the page small
        positions.put(v, hi == lo ? 0.5 : Math.round((x - lo) / (hi - lo) * 1e4) / 1e4);
      }
      label(labels, axis, 0, Format.decimal(log ? Math.exp(lo) : lo).replaceAll("\\.?0+$", ""));
      label(labels, axis, 1, Format.decimal(log ? Math.exp(hi) : hi).replaceAll("\\.?0+$", ""));
    } else {
      List<String> categories = new ArrayList<>(new TreeSet<>(seen));
      for (int i = 0; i < categories.size(); i++) {
        double at = categories.size() == 1 ? 0.5 : (double) i / (categories.size() - 1);
        positions.put(categories.get(i), at);
        label(labels, axis, at, categories.get(i));
      }
    }
    return positions;
  }

  private static void label(ArrayNode labels, String axis, double pos, String text) {
    labels.addObject().put("axis", axis).put("pos", pos).put("label", text);
  }

  private ObjectNode lines() {
    ObjectNode layer = RunFolders.JSON.createObjectNode();
    ArrayNode parts = layer.putArray("layer");
    ObjectNode line = parts.addObject();
    line.putObject("mark").put("type", "line").put("opacity", 0.55).put("strokeWidth", 1.5);
    ObjectNode enc = encoding(line);
    enc.putObject("detail").put("field", "run").put("type", "nominal");
    ObjectNode dot = parts.addObject();
    dot.putObject("mark").put("type", "point").put("filled", true).put("size", 18);
    ObjectNode dotEnc = encoding(dot);
    ArrayNode tooltip = dotEnc.putArray("tooltip");
    tooltip.add(Charts.tooltip("run", "run", "nominal"));
    tooltip.add(Charts.tooltip("axis", "axis", "nominal"));
    tooltip.add(Charts.tooltip("value", "value", "nominal"));
    return layer;
  }

  private ObjectNode encoding(ObjectNode layer) {
    ObjectNode enc = layer.putObject("encoding");
    enc.set("x", xAxis());
    enc.set("y", yAxis());
    ObjectNode color = enc.putObject("color");
    color.put("field", "metric").put("type", "quantitative").put("title", metric);
    color.putObject("scale").put("scheme", "viridis");
    return enc;
  }

  /** Rules (the axes themselves) or the text of their labels, from a layer of its own data. */
  private ObjectNode layer(String mark, ArrayNode labels, boolean text) {
    ObjectNode layer = RunFolders.JSON.createObjectNode();
    layer.putObject("data").set("values", labels);
    ObjectNode m = layer.putObject("mark").put("type", mark);
    if (text) {
      m.put("align", "left").put("dx", 4).put("fontSize", 10).put("color", "#57606a");
    } else {
      m.put("color", "#afb8c1");
    }
    ObjectNode enc = layer.putObject("encoding");
    enc.set("x", xAxis());
    if (text) {
      enc.set("y", yAxis());
      enc.putObject("text").put("field", "label");
    }
    return layer;
  }

  private ObjectNode xAxis() {
    ObjectNode x = Charts.nominal("axis", null);
    ArrayNode sort = x.putArray("sort");
    axes.forEach(sort::add);
    x.putObject("axis").put("title", (String) null).put("labelAngle", 0).put("orient", "top");
    x.putObject("scale").put("padding", 0.2);
    return x;
  }

  private static ObjectNode yAxis() {
    ObjectNode y = RunFolders.JSON.createObjectNode().put("field", "pos").put("type", "quantitative");
    y.putNull("axis");
    y.putObject("scale").putArray("domain").add(0).add(1);
    return y;
  }

  static Double number(String text) {
    if (text == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(text);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
