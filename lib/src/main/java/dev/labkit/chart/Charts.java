package dev.labkit.chart;

import dev.labkit.ground.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one entry point for charts. Each factory returns an immutable chart whose withers return a
 * changed copy; {@link Chart#spec()} gives the Vega-Lite spec.
 *
 * <pre>{@code
 * Chart loss = Charts.line("Training loss")
 *     .x("step", "iteration").y("value", "loss", Scale.LOG).series("name", "metric")
 *     .data(rows)                                   // [{step: 0, name: "train/loss", value: 2.3}, …]
 *     .event(40, "lr halved").event(95, "early stop");
 * Chart sweep = Charts.line("Accuracy against C").points()
 *     .x("model.c", "C", Scale.LOG).y("accuracy", "accuracy").series("split")
 *     .data(rows).highlight(2.5, 0.8441, "best");
 * Chart folds = Charts.bars("Accuracy per fold").x("fold", "fold").y("accuracy", "accuracy")
 *     .group("model", "model").data(rows);
 * Chart roc = Charts.roc("ROC (test)").curve("Trouser (AUC 0.99)", fpr, tpr);
 * }</pre>
 */
public final class Charts {
  private Charts() {}

  static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

  /** Lines of y against x, one per value of the series field; hover shows the nearest point's values. */
  public static LineChart line(String title) {
    return LineChart.of(title);
  }

  /** Bars of y per category of x, side by side per group (fold scores per fold and model). */
  public static BarChart bars(String title) {
    return BarChart.of(title);
  }

  /** ROC curves (true positive rate against false positive rate), one per class, with the diagonal. */
  public static RocChart roc(String title) {
    return RocChart.of(title);
  }

  /** Many runs' curves overlaid, one line per run, each run's marks (lr drops, early stops) on its own line. */
  public static CurvesChart curves(String title) {
    return CurvesChart.of(title);
  }

  /** A scatter of data points with fitted lines y = w·x + b over it. */
  public static FitChart fit(String title) {
    return FitChart.of(title);
  }

  /** Each group's values as dots on its own row, its mean ± std drawn over them (each model's fold accuracies). */
  public static StripChart strip(String title) {
    return StripChart.of(title);
  }

  /** A data row from alternating names and values: {@code row("step", 3, "value", 0.61)}. */
  public static Map<String, Object> row(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("row takes name, value pairs; got " + namesAndValues.length + " arguments");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
    }
    return row;
  }

  /**
   * JSON that is safe inside a {@code <script type="application/json">} element: {@code <}, {@code >}
   * and {@code &} become {@code \u003c}, {@code \u003e}, {@code \u0026}, so no {@code </script>} or
   * {@code <!--} can appear and end the element early; the line separators U+2028/2029 are escaped too.
   * Outside strings JSON never holds these characters, so the escaped text parses to the same value.
   */
  public static String scriptSafe(String json) {
    StringBuilder out = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A chart's spec as text for a page's {@code <script type="application/json">} block. */
  public static String scriptSafe(JsonNode spec) {
    return scriptSafe(Json.COMPACT.writeValueAsString(spec));
  }

  // --- helpers shared by the chart types ---------------------------------------------------------

  static void require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }

  /** The top of every spec: schema, title, size. */
  public static ObjectNode base(String title, int width, int height) {
    ObjectNode spec = Json.COMPACT.createObjectNode();
    spec.put("$schema", SCHEMA);
    if (title != null) {
      spec.put("title", title);
    }
    spec.put("width", width);
    spec.put("height", height);
    return spec;
  }

  /**
   * A field reference: Vega-Lite reads dots and brackets in a field name as nested access, so
   * {@code model.c} must be written {@code model\.c} to name the flat key.
   */
  static String field(String name) {
    return name.replace("\\", "\\\\").replace(".", "\\.").replace("[", "\\[").replace("]", "\\]");
  }

  static ObjectNode quantitative(Chart.Axis axis, boolean zero) {
    ObjectNode enc = Json.COMPACT.createObjectNode();
    enc.put("field", field(axis.field()));
    enc.put("type", "quantitative");
    enc.put("title", axis.title());
    ObjectNode scale = enc.putObject("scale");
    scale.put("type", axis.scale().vegaName());
    if (axis.scale() == Chart.Scale.LINEAR) {
      scale.put("zero", zero);
    }
    // a log axis ticks every 1..9 × 10^k, and a narrow linear one (two swept values, 0.10 and 0.11) ticks every
    // 0.001: labelled all, neighbours touch and read "0.010.02". Drop the labels that come closer than a few
    // pixels (the ticks stay); Vega-Lite keeps the first and the last.
    ObjectNode labels = enc.putObject("axis");
    labels.put("labelOverlap", "greedy");
    labels.put("labelSeparation", 6);
    return enc;
  }

  public static ObjectNode nominal(String fieldName, String title) {
    ObjectNode enc = Json.COMPACT.createObjectNode();
    enc.put("field", field(fieldName));
    enc.put("type", "nominal");
    enc.put("title", title);
    return enc;
  }

  public static ObjectNode tooltip(String fieldName, String title, String type) {
    ObjectNode t = nominal(fieldName, title);
    t.put("type", type);
    if (type.equals("quantitative")) {
      t.put("format", ".4~g");
    }
    return t;
  }

  /** Rows as a JSON array; a value that is not a finite number, a string or a boolean becomes null. */
  static ArrayNode values(Iterable<? extends Map<String, ?>> rows) {
    ArrayNode array = Json.COMPACT.createArrayNode();
    for (Map<String, ?> row : rows) {
      ObjectNode o = array.addObject();
      row.forEach((k, v) -> put(o, k, v));
    }
    return array;
  }

  public static void put(ObjectNode o, String key, Object v) {
    switch (v) {
      case Integer i -> o.put(key, i);
      case Long l -> o.put(key, l);
      case Number n when Double.isFinite(n.doubleValue()) -> o.put(key, n.doubleValue());
      case Boolean b -> o.put(key, b);
      case String s -> o.put(key, s);
      case null, default -> o.putNull(key);
    }
  }

  /** A point selection that follows the pointer to the nearest point; drives hover tooltips. */
  static ObjectNode hoverParam() {
    ObjectNode param = Json.COMPACT.createObjectNode();
    param.put("name", "hover");
    ObjectNode select = param.putObject("select");
    select.put("type", "point");
    select.put("on", "pointerover");
    select.put("nearest", true);
    select.put("clear", "pointerout");
    return param;
  }

  /** Opacity 1 for the hovered point, 0 for the rest. */
  static ObjectNode hoverOpacity() {
    ObjectNode opacity = Json.COMPACT.createObjectNode();
    ObjectNode condition = opacity.putObject("condition");
    condition.put("param", "hover");
    condition.put("empty", false);
    condition.put("value", 1);
    opacity.put("value", 0);
    return opacity;
  }
}
