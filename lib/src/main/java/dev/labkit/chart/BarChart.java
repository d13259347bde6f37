package dev.labkit.chart;

import dev.labkit.ground.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bars of a quantitative y per category of x, grouped side by side by a second category (fold
 * scores per fold and model). Categories keep the order of the rows. Made by {@link Charts#bars}.
 */
public record BarChart(
    String title, String x, String xTitle, Axis y, String group, String groupTitle,
    List<Map<String, Object>> rows, int width, int height, LineChart.ErrorBars errors) implements Chart {

  public BarChart {
    rows = List.copyOf(rows);
  }

  public BarChart(String title, String x, String xTitle, Axis y, String group, String groupTitle,
      List<Map<String, Object>> rows, int width, int height) {
    this(title, x, xTitle, y, group, groupTitle, rows, width, height, null);
  }

  static BarChart of(String title) {
    return new BarChart(title, "category", "category", new Axis("value", "value", Scale.LINEAR), null, null,
        List.of(), 480, 240);
  }

  /** The category field along the x axis. */
  public BarChart x(String field, String title) {
    Charts.require(field, "the x field");
    return new BarChart(this.title, field, title, y, group, groupTitle, rows, width, height, errors);
  }

  public BarChart y(String field, String title) {
    return new BarChart(this.title, x, xTitle, new Axis(field, title, Scale.LINEAR), group, groupTitle, rows, width,
        height, errors);
  }

  /** The y axis on a log scale: for values that span decades, such as seconds from 0.001 to 100. */
  public BarChart logY() {
    return new BarChart(this.title, x, xTitle, new Axis(y.field(), y.title(), Scale.LOG), group, groupTitle, rows,
        width, height, errors);
  }

  /** Bars of one x category side by side, one per value of {@code field}, coloured. */
  public BarChart group(String field, String title) {
    Charts.require(field, "the group field");
    return new BarChart(this.title, x, xTitle, y, field, title, rows, width, height, errors);
  }

  public BarChart data(List<? extends Map<String, ?>> rows) {
    List<Map<String, Object>> copy = new ArrayList<>();
    rows.forEach(r -> copy.add(java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(r))));
    return new BarChart(title, x, xTitle, y, group, groupTitle, copy, width, height, errors);
  }

  public BarChart size(int width, int height) {
    return new BarChart(title, x, xTitle, y, group, groupTitle, rows, width, height, errors);
  }

  /** Draws each row's {@code low} to {@code high} over its bar (e.g. mean ± std over the seeds of a trial). */
  public BarChart errorBars(String low, String high) {
    Charts.require(low, "the error bars' low field");
    Charts.require(high, "the error bars' high field");
    return new BarChart(title, x, xTitle, y, group, groupTitle, rows, width, height, new LineChart.ErrorBars(low, high));
  }

  /** The power of ten at or below the smallest positive y, so every bar on a log axis has a height. */
  double logFloor() {
    double min = rows.stream().map(r -> r.get(y.field())).filter(v -> v instanceof Number)
        .mapToDouble(v -> ((Number) v).doubleValue()).filter(v -> v > 0 && Double.isFinite(v)).min().orElse(1);
    return Math.pow(10, Math.floor(Math.log10(min)));
  }

  @Override
  public ObjectNode spec() {
    ObjectNode spec = Charts.base(title, width, height);
    spec.putObject("data").set("values", Charts.values(rows));
    spec.putObject("mark").put("type", "bar");
    ObjectNode enc = spec.putObject("encoding");
    ObjectNode xEnc = Charts.nominal(x, xTitle);
    xEnc.putNull("sort"); // the rows' order: fold 1, 2, … not alphabetical
    enc.set("x", xEnc);
    enc.set("y", Charts.quantitative(y, true));
    if (y.scale() == Scale.LOG) { // a log axis has no 0: bars rise from the decade below the smallest value
      enc.putObject("y2").put("datum", logFloor());
    }
    var tooltip = Json.COMPACT.createArrayNode();
    tooltip.add(Charts.tooltip(x, xTitle, "nominal"));
    if (group != null) {
      ObjectNode offset = Charts.nominal(group, groupTitle);
      offset.putNull("sort");
      enc.set("xOffset", offset);
      ObjectNode color = Charts.nominal(group, groupTitle);
      color.putNull("sort");
      enc.set("color", color);
      tooltip.add(Charts.tooltip(group, groupTitle, "nominal"));
    }
    tooltip.add(Charts.tooltip(y.field(), y.title(), "quantitative"));
    enc.set("tooltip", tooltip);
    return errors == null ? spec : withErrorBars(spec);
  }

  /** The bars as the first layer, and a rule from low to high over each bar (rows without them draw none). */
  private ObjectNode withErrorBars(ObjectNode spec) {
    ObjectNode bars = Json.COMPACT.createObjectNode();
    bars.set("mark", spec.remove("mark"));
    ObjectNode enc = (ObjectNode) spec.remove("encoding");
    bars.set("encoding", enc);
    ObjectNode rules = Json.COMPACT.createObjectNode();
    rules.put("name", "error_bars");
    ObjectNode mark = rules.putObject("mark");
    mark.put("type", "rule");
    mark.put("strokeWidth", 1.5);
    mark.put("color", "#24292f");
    ObjectNode ruleEnc = rules.putObject("encoding");
    ruleEnc.set("x", enc.get("x"));
    if (enc.has("xOffset")) {
      ruleEnc.set("xOffset", enc.get("xOffset"));
    }
    ruleEnc.set("y", Charts.quantitative(new Axis(errors.low(), y.title(), y.scale()), true));
    ruleEnc.putObject("y2").put("field", Charts.field(errors.high()));
    var layers = spec.putArray("layer");
    layers.add(bars);
    layers.add(rules);
    return spec;
  }
}
