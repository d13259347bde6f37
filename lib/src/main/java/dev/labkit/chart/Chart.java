package dev.labkit.chart;

import dev.labkit.ground.Event;
import dev.labkit.ground.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chart as data: a Vega-Lite spec, rendered in the page by vega-embed from the scripts bundled in
 * {@code site/assets}. Build one with {@link Charts}; every chart is an immutable value, so forking one
 * ({@code base.y("value", "loss", Scale.LOG)}) never changes the original.
 */
public sealed interface Chart permits LineChart, BarChart, RocChart, CurvesChart, FitChart, StripChart {

  /** The Vega-Lite spec (a fresh tree each call: change it freely). */
  ObjectNode spec();

  /** The spec as compact JSON; the same chart always gives the same bytes. */
  default String json() {
    return Json.COMPACT.writeValueAsString(spec());
  }

  /** How an axis maps values to positions. */
  enum Scale {
    LINEAR, LOG;

    String vegaName() {
      return this == LOG ? "log" : "linear";
    }
  }

  /** A quantitative axis: the data field it shows, its title and its scale. */
  record Axis(String field, String title, Scale scale) {
    public Axis {
      Charts.require(field, "an axis field");
      title = title == null ? field : title;
      scale = scale == null ? Scale.LINEAR : scale;
    }
  }

  /** A vertical rule across a line chart at x = {@code at}, labelled ("lr halved", "early stop"). */
  record Event(double at, String label) {}

  /** A point drawn as a ring with a label above it, such as the best trial of a sweep. */
  record Highlight(double x, double y, String label) {}
}
