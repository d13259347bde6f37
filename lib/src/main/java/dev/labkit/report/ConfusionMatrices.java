package dev.labkit.report;

import dev.labkit.report.Run.Artifact;
import dev.labkit.report.RunPage.Confusion;
import dev.labkit.report.RunPage.ConfusionCell;
import dev.labkit.report.RunPage.ConfusionRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** A run page's confusion matrices: a {@code confusion-matrix} artifact's counts as rows of shaded cells. */
final class ConfusionMatrices {
  private ConfusionMatrices() {}

  /** The matrix a {@code confusion-matrix} artifact holds, or null when it is not one row and column per label. */
  static Confusion of(Artifact a, JsonNode json) {
    List<String> labels = new ArrayList<>();
    json.path("labels").forEach(l -> labels.add(l.asString()));
    JsonNode counts = json.path("counts");
    int n = labels.size();
    if (n == 0 || !counts.isArray() || counts.size() != n) {
      return null;
    }
    List<ConfusionRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      JsonNode row = counts.get(i);
      if (!row.isArray() || row.size() != n) {
        return null;
      }
      long total = 0;
      for (JsonNode c : row) {
        total += c.asLong();
      }
      List<ConfusionCell> cells = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        long count = row.get(j).asLong();
        double share = total == 0 ? 0 : (double) count / total;
        cells.add(new ConfusionCell(count, Format.percent(share), shade(share, i == j), i == j));
      }
      double recall = total == 0 ? 0 : (double) row.get(i).asLong() / total;
      rows.add(new ConfusionRow(labels.get(i), cells, total, Format.percent(recall)));
    }
    return new Confusion(a.title(), labels, rows);
  }

  /**
   * A cell's background for a share of its row. The square root lifts small shares: a class that is
   * mistaken 3% of the time is worth seeing, and linear shading would leave it almost white.
   */
  static String shade(double share, boolean diagonal) {
    double t = Math.sqrt(share);
    int[] full = diagonal ? new int[] {26, 152, 80} : new int[] {215, 48, 39};
    int r = (int) Math.round(255 + (full[0] - 255) * t);
    int g = (int) Math.round(255 + (full[1] - 255) * t);
    int b = (int) Math.round(255 + (full[2] - 255) * t);
    String text = t > 0.6 ? "#fff" : "#1f2328";
    return String.format(Locale.ROOT, "background-color: rgb(%d, %d, %d); color: %s", r, g, b, text);
  }
}
