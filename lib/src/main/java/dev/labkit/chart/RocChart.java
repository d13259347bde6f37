package dev.labkit.chart;

import dev.labkit.ground.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ROC curves: true positive rate against false positive rate, one curve per class (one-vs-rest),
 * over the dashed diagonal of a classifier that guesses. Made by {@link Charts#roc(String)}.
 */
public record RocChart(String title, List<Curve> curves, int size) implements Chart {

  /** One class's curve: points (fpr[i], tpr[i]) in threshold order. */
  public record Curve(String label, double[] fpr, double[] tpr) {
    public Curve {
      if (fpr.length != tpr.length) {
        throw new IllegalArgumentException("ROC curve " + label + ": fpr has " + fpr.length + " points and tpr "
            + tpr.length + "; they must pair up");
      }
      fpr = fpr.clone();
      tpr = tpr.clone();
    }
  }

  public RocChart {
    curves = List.copyOf(curves);
  }

  static RocChart of(String title) {
    return new RocChart(title, List.of(), 320);
  }

  /** Adds a curve; put the AUC in the label ("Trouser (AUC 0.991)") to show it in the legend. */
  public RocChart curve(String label, double[] fpr, double[] tpr) {
    List<Curve> more = new ArrayList<>(curves);
    more.add(new Curve(label, fpr, tpr));
    return new RocChart(title, more, size);
  }

  public RocChart size(int size) {
    return new RocChart(title, curves, size);
  }

  @Override
  public ObjectNode spec() {
    ObjectNode spec = Charts.base(title, size, size);
    ArrayNode values = spec.putObject("data").putArray("values");
    for (Curve c : curves) {
      for (int i = 0; i < c.fpr().length; i++) {
        ObjectNode v = values.addObject();
        v.put("class", c.label());
        Charts.put(v, "fpr", c.fpr()[i]);
        Charts.put(v, "tpr", c.tpr()[i]);
        v.put("i", i);
      }
    }
    ArrayNode layers = spec.putArray("layer");

    ObjectNode diagonal = layers.addObject();
    diagonal.putObject("data").putArray("values")
        .add(Json.COMPACT.createObjectNode().put("fpr", 0).put("tpr", 0))
        .add(Json.COMPACT.createObjectNode().put("fpr", 1).put("tpr", 1));
    ObjectNode diagonalMark = diagonal.putObject("mark");
    diagonalMark.put("type", "line");
    diagonalMark.put("color", "#8c959f");
    diagonalMark.putArray("strokeDash").add(4).add(4);
    diagonal.set("encoding", axes());

    ObjectNode line = layers.addObject();
    line.putObject("mark").put("type", "line");
    ObjectNode lineEnc = axes();
    lineEnc.set("color", Charts.nominal("class", "class"));
    lineEnc.putObject("order").put("field", "i"); // threshold order, not sorted by fpr
    line.set("encoding", lineEnc);

    ObjectNode hover = layers.addObject();
    hover.putArray("params").add(Charts.hoverParam());
    ObjectNode hoverMark = hover.putObject("mark");
    hoverMark.put("type", "point");
    hoverMark.put("filled", true);
    ObjectNode hoverEnc = axes();
    hoverEnc.set("color", Charts.nominal("class", "class"));
    hoverEnc.set("opacity", Charts.hoverOpacity());
    hoverEnc.putArray("tooltip").add(Charts.tooltip("class", "class", "nominal"))
        .add(Charts.tooltip("fpr", "false positive rate", "quantitative"))
        .add(Charts.tooltip("tpr", "true positive rate", "quantitative"));
    hover.set("encoding", hoverEnc);
    return spec;
  }

  private static ObjectNode axes() {
    ObjectNode enc = Json.COMPACT.createObjectNode();
    enc.set("x", unit("fpr", "false positive rate"));
    enc.set("y", unit("tpr", "true positive rate"));
    return enc;
  }

  private static ObjectNode unit(String field, String title) {
    ObjectNode e = Charts.quantitative(new Axis(field, title, Scale.LINEAR), true);
    ((ObjectNode) e.get("scale")).putArray("domain").add(0).add(1);
    return e;
  }
}
