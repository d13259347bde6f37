package dev.labkit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The chart specs of a page, cut out the way a browser does: a script element's text runs to the
 * first {@code </script>}, whatever it holds. A spec that let a value close the element would not parse.
 */
final class ChartBlocks {
  private ChartBlocks() {}

  private static final Pattern BLOCK =
      Pattern.compile("<script type=\"application/json\" class=\"chart-spec\">(.*?)</script>", Pattern.DOTALL);

  static List<JsonNode> of(String html) {
    List<JsonNode> specs = new ArrayList<>();
    Matcher m = BLOCK.matcher(html);
    while (m.find()) {
      specs.add(RunFolders.JSON.readTree(m.group(1)));
    }
    return specs;
  }

  /** The line charts of a page (sweeps, curves): specs whose first layer draws lines. */
  static List<JsonNode> lines(String html) {
    return of(html).stream().filter(s -> "line".equals(s.path("layer").path(0).path("mark").path("type").asString()))
        .toList();
  }

  /** The script elements a page may have: the bundled chart and table scripts, and JSON blocks. */
  static boolean isOurs(Html.Element script, String root) {
    String src = script.attributes().get("src");
    if (src == null) {
      return "application/json".equals(script.attributes().get("type"));
    }
    return List.of("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "charts.js", "tables.js",
        "downloads.js").stream()
        .anyMatch(name -> src.equals(root + "assets/" + name));
  }
}
