package dev.labkit.chart;

import dev.labkit.ground.Json;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every value of each group as a dot on one row per group (each model's accuracy in every fold of a
 * cross-validation), with the group's mean as a tick and a rule from mean − std to mean + std: the spread
 * a mean alone hides, and whether two models' folds overlap. The std is the sample one (n − 1), as in the
 * tables. Made by {@link Charts#strip(String)}.
 *
 * <pre>{@code
 * Charts.strip("Accuracy in every fold").group("model", "model").value("accuracy", "accuracy")
 *     .data(List.of(Charts.row("model", "svm", "fold", 1, "accuracy", 0.84), …));
 * }</pre>
 *
 * @param rows {@code {group, fold, value}} per dot
 */
public record StripChart(String title, String group, String groupTitle, String value, String valueTitle,
    List<Map<String, Object>> rows, int width) implements Chart {

  public StripChart {
    rows = List.copyOf(rows);
  }

  static StripChart of(String title) {
    return new StripChart(title, "group", "group", "value", "value", List.of(), 560);
  }

  /** The field naming a dot's row (the model), and its axis title. */
  public StripChart group(String field, String axisTitle) {
    Charts.require(field, "a group field");
    return new StripChart(title, field, axisTitle, value, valueTitle, rows, width);
  }

  /** The field of a dot's value (the fold's accuracy), and its axis title. */
  public StripChart value(String field, String axisTitle) {
    Charts.require(field, "a value field");
    return new StripChart(title, group, groupTitle, field, axisTitle, rows, width);
  }

  public StripChart data(List<Map<String, Object>> points) {
    return new StripChart(title, group, groupTitle, value, valueTitle, points, width);
  }

  @Override
  public ObjectNode spec() {
    long groups = rows.stream().map(r -> r.get(group)).distinct().count();
    ObjectNode spec = Charts.base(title, width, (int) Math.max(60, 34 * groups));
    spec.putObject("data").set("values", Charts.values(rows));
    ArrayNode layers = spec.putArray("layer");
    ObjectNode dots = layers.addObject();
    dots.putObject("mark").put("type", "point").put("filled", true).put("size", 60).put("opacity", 0.75);
    ObjectNode enc = axes(value);
    enc.set("color", legendless());
    enc.putArray("tooltip").add(Charts.tooltip(group, groupTitle, "nominal"))
        .add(Charts.tooltip("fold", "fold", "nominal")).add(Charts.tooltip(value, valueTitle, "quantitative"));
    dots.set("encoding", enc);
    ObjectNode rule = summaryLayer(layers);
    rule.putObject("mark").put("type", "rule").put("strokeWidth", 2).put("color", "#1f2328");
    ObjectNode ruleEnc = axes("low");
    ObjectNode high = Json.COMPACT.createObjectNode();
    high.put("field", "high");
    ruleEnc.set("x2", high);
    rule.set("encoding", ruleEnc);
    ObjectNode tick = summaryLayer(layers);
    tick.putObject("mark").put("type", "tick").put("thickness", 3).put("size", 22).put("color", "#1f2328");
    ObjectNode tickEnc = axes("mean");
    tickEnc.putArray("tooltip").add(Charts.tooltip(group, groupTitle, "nominal"))
        .add(Charts.tooltip("mean", "mean", "quantitative")).add(Charts.tooltip("std", "std (n − 1)", "quantitative"));
    tick.set("encoding", tickEnc);
    return spec;
  }

  /** A layer over each group's mean and std (the rows aggregated per group), with low and high = mean ∓ std. */
  private ObjectNode summaryLayer(ArrayNode layers) {
    ObjectNode layer = layers.addObject();
    ArrayNode transform = layer.putArray("transform");
    ObjectNode aggregate = transform.addObject();
    ArrayNode ops = aggregate.putArray("aggregate");
    ops.addObject().put("op", "mean").put("field", Charts.field(value)).put("as", "mean");
    ops.addObject().put("op", "stdev").put("field", Charts.field(value)).put("as", "std");
    aggregate.putArray("groupby").add(Charts.field(group));
    transform.addObject().put("calculate", "datum.mean - (isValid(datum.std) ? datum.std : 0)").put("as", "low");
    transform.addObject().put("calculate", "datum.mean + (isValid(datum.std) ? datum.std : 0)").put("as", "high");
    return layer;
  }

  private ObjectNode axes(String xField) {
    ObjectNode enc = Json.COMPACT.createObjectNode();
    ObjectNode x = Charts.quantitative(new Axis(xField, valueTitle, Scale.LINEAR), false);
    enc.set("x", x);
    ObjectNode y = Charts.nominal(group, groupTitle);
    y.putObject("axis").put("labelLimit", 200);
    y.putNull("sort"); // the groups in the order given (the script's order of models), not alphabetical
    enc.set("y", y);
    return enc;
  }

  private ObjectNode legendless() {
    ObjectNode color = Charts.nominal(group, groupTitle);
    color.putNull("legend");
    return color;
  }
}
