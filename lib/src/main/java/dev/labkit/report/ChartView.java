package dev.labkit.report;

import tools.jackson.databind.JsonNode;

/**
 * A chart as a page draws it: a caption and the spec as JSON already made safe for a
 * {@code <script type="application/json">} element ({@link Charts#scriptSafe(String)}).
 */
public record ChartView(String caption, String json) {

  static ChartView of(String caption, Chart chart) {
    return new ChartView(caption, Charts.scriptSafe(chart.json()));
  }

  static ChartView of(String caption, JsonNode spec) {
    return new ChartView(caption, Charts.scriptSafe(spec));
  }
}
