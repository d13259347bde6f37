package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.report.Run.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RegressionChartsTest {
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

  @Test
  void overlaid_losses_have_one_line_per_trial_on_a_log_axis_with_each_trials_marks_on_its_line() throws Exception {
    Path a = trial("a", "step,name,value,wall_time\n1,train/loss,4.0,0\n2,train/loss,2.0,0\n3,train/loss,1.5,0\n"
        + "2,mark/lr_drop,0.005,0\n");
    Path b = trial("b", "step,name,value,wall_time\n1,train/loss,5.0,0\n2,train/loss,1.0,0\n");
    CurvesChart chart = RegressionCharts.losses(List.of(new RegressionCharts.Trial("lr=0.01", a, 3, 2),
        new RegressionCharts.Trial("lr=0.1", b, 3, 2)), true, line -> { });
    JsonNode spec = chart.spec();
    assertThat(spec.get("data").get("values")).hasSize(5);
    assertThat(spec.get("layer").get(0).get("encoding").get("y").get("scale").get("type").asString()).isEqualTo("log");
    JsonNode marker = spec.get("layer").get(2).get("data").get("values").get(0);
    assertThat(marker.get("series").asString()).isEqualTo("lr=0.01");
    assertThat(marker.get("value").asDouble()).isEqualTo(2.0); // on its line: the loss at that step
    assertThat(marker.get("mark").asString()).isEqualTo("lr → 0.005");
  }

  @Test
  void fitted_lines_span_the_data_and_the_scatter_is_a_subsample() {
    double[] xs = new double[1000];
    double[] ys = new double[1000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = i / 100.0 - 5;
      ys[i] = 3 * xs[i] + 2;
    }
    FitChart chart = RegressionCharts.lines("x", "y", Map.of("data", new double[][] {xs, ys}),
        List.of(new RegressionCharts.Trial("fit", dir, 3, 2), new RegressionCharts.Trial("nan", dir, Double.NaN, 0)),
        100);
    assertThat(chart.points()).hasSize(100);
    assertThat(chart.lines()).containsExactly(Charts.row("x", -5.0, "y", -13.0, "fit", "fit"),
        Charts.row("x", 4.99, "y", 3 * 4.99 + 2, "fit", "fit"));
    assertThat(chart.json()).contains("\"resolve\":{\"scale\":{\"color\":\"independent\"}}");
  }

  private Path trial(String name, String csv) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(folder.resolve("metrics.csv"), csv);
    return folder;
  }
}
