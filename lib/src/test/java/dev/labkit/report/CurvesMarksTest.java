package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.chart.Charts;
import dev.labkit.chart.CurvesChart;
import dev.labkit.chart.FitChart;
import dev.labkit.report.Run.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CurvesMarksTest {
  @TempDir Path dir;

  @Test
  void marks_are_not_curves_but_labelled_rules_on_every_curve_of_the_run() {
    List<Point> points = List.of(new Point(1, "train/loss", 3, 0), new Point(2, "train/loss", 2, 0),
        new Point(3, "train/loss", 1.9, 0), new Point(1, "train/lr", 0.01, 0), new Point(2, "train/lr", 0.005, 0),
        new Point(2, "mark/lr_drop", 0.005, 0), new Point(3, "mark/early_stop", 1.9, 0));
    List<ChartView> charts = Curves.of(points);
    assertThat(charts).hasSize(2); // the loss, and the learning rate on a chart of its own
    for (ChartView chart : charts) {
      JsonNode rules = RunFolders.JSON.readTree(chart.json()).get("layer").get(2).get("data").get("values");
      assertThat(rules.valueStream().map(v -> v.get("event").asString())).containsExactly("lr → 0.005", "early stop");
      assertThat(rules.valueStream().map(v -> v.get("step").asInt())).containsExactly(2, 3);
    }
  }

  @Test
  void crowded_marks_keep_their_rules_but_only_the_first_of_a_crowd_is_labelled() {
    List<Point> points = new java.util.ArrayList<>();
    for (int step = 1; step <= 1000; step++) {
      points.add(new Point(step, "train/loss", 1.0 / step, 0));
    }
    points.add(new Point(300, "mark/lr_drop", 0.005, 0));
    points.add(new Point(310, "mark/lr_drop", 0.0025, 0));
    points.add(new Point(900, "mark/early_stop", 0.001, 0));
    JsonNode rules = RunFolders.JSON.readTree(Curves.of(points).getFirst().json()).get("layer").get(2).get("data")
        .get("values");
    assertThat(rules.valueStream().map(v -> v.get("event").asString())).containsExactly("lr → 0.005", "", "early stop");
  }
}
