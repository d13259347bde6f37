package dev.labkit.kinds.regress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.chart.Charts;
import dev.labkit.chart.CurvesChart;
import dev.labkit.chart.FitChart;
import dev.labkit.ground.Json;
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
  void overlaid_losses_have_one_line_per_trial_on_a_log_axis_with_each_trials_marks_on_its_line() throws Exception {
    Path a = trial("a", "step,name,value,wall_time\n1,train/loss,4.0,0\n2,train/loss,2.0,0\n3,train/loss,1.5,0\n"
        + "2,mark/lr_drop,0.005,0\n");
    Path b = trial("b", "step,name,value,wall_time\n1,train/loss,5.0,0\n2,train/loss,1.0,0\n");
    CurvesChart chart = RegressionCharts.losses(List.of(new RegressionCharts.Fitted("lr=0.01", a, 3, 2),
        new RegressionCharts.Fitted("lr=0.1", b, 3, 2)), true, line -> { });
    JsonNode spec = chart.spec();
    assertThat(spec.get("data").get("values")).hasSize(5);
    assertThat(spec.get("layer").get(0).get("encoding").get("y").get("scale").get("type").asString()).isEqualTo("log");
    JsonNode marker = spec.get("layer").get(2).get("data").get("values").get(0);
    assertThat(marker.get("series").asString()).isEqualTo("lr=0.01");
    assertThat(marker.get("value").asDouble()).isEqualTo(2.0); // on its line: the loss at that step
    assertThat(marker.get("mark").asString()).isEqualTo("lr → 0.005");
  }

  @Test
  void losses_swept_with_other_keys_come_one_panel_per_loss_with_the_marks_in_the_same_data() throws Exception {
    Path a = trial("a", "step,name,value,wall_time\n1,train/loss,4.0,0\n2,train/loss,2.0,0\n2,mark/lr_drop,0.005,0\n");
    Path b = trial("b", "step,name,value,wall_time\n1,train/loss,5.0,0\n2,train/loss,1.0,0\n");
    JsonNode spec = RegressionCharts.losses(List.of(new RegressionCharts.Fitted("noise_scale=1", a, 3, 2, "mse"),
        new RegressionCharts.Fitted("noise_scale=1", b, 3, 2, "mae")), true, line -> { }).spec();
    assertThat(spec.get("facet").get("field").asString()).isEqualTo("loss");
    assertThat(spec.get("columns").asInt()).isEqualTo(2);
    assertThat(spec.get("data").get("values")).hasSize(5); // 4 points and 1 mark, each naming its panel
    assertThat(spec.get("data").get("values").valueStream().map(v -> v.get("loss").asString()).distinct())
        .containsExactly("mse", "mae");
    JsonNode layers = spec.get("spec").get("layer");
    assertThat(layers.get(0).get("transform").get(0).get("filter").asString()).isEqualTo("!isValid(datum.mark)");
    assertThat(layers.get(2).get("transform").get(0).get("filter").asString()).isEqualTo("isValid(datum.mark)");
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
        List.of(new RegressionCharts.Fitted("fit", dir, 3, 2), new RegressionCharts.Fitted("nan", dir, Double.NaN, 0)),
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
