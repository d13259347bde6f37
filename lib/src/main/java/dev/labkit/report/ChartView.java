package dev.labkit.report;

import dev.labkit.chart.Chart;
import dev.labkit.chart.Charts;
import tools.jackson.databind.JsonNode;

/**
 * A chart as a page draws it: a caption and the spec as JSON already made safe for a
 * {@code <script type="application/json">} element ({@link Charts#scriptSafe(String)}).
 */
public record ChartView(String caption, String json) {

  static ChartView of(String caption, Chart chart) {
    return new ChartView(caption, safe(chart.json()));
  }

  static ChartView of(String caption, JsonNode spec) {
    return new ChartView(caption, safe(RunFolders.JSON.writeValueAsString(spec)));
  }

  /** {@link Charts#scriptSafe(String)}, skipped for the common spec that holds none of its characters. */
  private static String safe(String json) {
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
        return Charts.scriptSafe(json);
      }
    }
    return json;
  }
}
