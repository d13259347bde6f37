package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RunPageChartsTest extends SiteFolders {
  static final String RUN = "20261126-214000-5e5e";

  String page(String experiment, String runId) throws IOException {
    SiteGenerator.build(runs(), site(), warnings::add);
    return Files.readString(SiteGenerator.runPage(site(), experiment, runId));
  }

  @Test
  void metrics_logged_at_more_than_one_step_become_curves_one_chart_per_prefix() throws IOException {
    Fixtures.solverRun(runs(), "solver", RUN, "Learning rate");

    List<JsonNode> specs = ChartBlocks.of(page("solver", RUN));

    JsonNode train = specs.getFirst();
    assertThat(train.path("title").asString()).isEqualTo("train");
    assertThat(train.path("data").path("values")).hasSize(120);
    assertThat(train.path("data").path("values")).extracting(v -> v.path("metric").asString()).containsOnly(
        "train/grad_max", "train/objective");
    // test/accuracy was logged once: a final value, not a curve
    assertThat(specs).noneMatch(s -> s.toString().contains("test/accuracy"));
    assertThat(warnings).isEmpty();
  }

  @Test
  void a_curve_whose_values_span_decades_gets_a_log_y_axis_and_a_small_one_does_not() throws IOException {
    Fixtures.solverRun(runs(), "solver", RUN, "Learning rate");
    Fixtures.finishedRun(runs(), "logreg", "20261126-213000-1a2b");

    JsonNode solver = ChartBlocks.of(page("solver", RUN)).getFirst();
    JsonNode logreg = ChartBlocks.of(page("logreg", "20261126-213000-1a2b")).getFirst();

    assertThat(solver.path("layer").get(0).path("encoding").path("y").path("scale").path("type").asString())
        .isEqualTo("log");
    assertThat(logreg.path("layer").get(0).path("encoding").path("y").path("scale").path("type").asString())
        .isEqualTo("linear");
    assertThat(logreg.path("title").asString()).isEqualTo("train/loss");
  }

  @Test
  void a_chart_artifact_is_drawn_in_place_from_its_spec() throws IOException {
    Fixtures.solverRun(runs(), "solver", RUN, "Learning rate");

    String page = page("solver", RUN);

    List<JsonNode> specs = ChartBlocks.of(page);
    assertThat(specs).hasSize(2);
    assertThat(specs.get(1).path("title").asString()).isEqualTo("Learning rate");
    assertThat(specs.get(1).path("data").path("values").get(3).path("lr").asDouble()).isEqualTo(0.0125);
    // the spec draws its own title, so no caption repeats it
    assertThat(Html.parse(page).all("figcaption")).isEmpty();
  }

  @Test
  void a_chart_artifact_without_a_title_in_its_spec_is_captioned_with_the_artifacts_title() throws IOException {
    Path run = Fixtures.solverRun(runs(), "solver", RUN, "Learning rate");
    JsonNode spec = RunFolders.JSON.readTree(run.resolve("artifacts/lr.vl.json"));
    ((tools.jackson.databind.node.ObjectNode) spec).remove("title");
    Fixtures.write(run.resolve("artifacts/lr.vl.json"), spec.toString());

    Html html = Html.parse(page("solver", RUN));

    assertThat(html.text()).contains("Learning rate");
    assertThat(html.all("figcaption")).hasSize(1);
  }

  @Test
  void the_page_loads_the_bundled_chart_scripts_by_relative_paths_and_the_site_has_them() throws IOException {
    Fixtures.solverRun(runs(), "solver", RUN, "Learning rate");

    Html html = Html.parse(page("solver", RUN));

    assertThat(html.all("script")).extracting(s -> s.attributes().get("src")).filteredOn(s -> s != null)
        .containsExactly("../../../assets/vega.min.js", "../../../assets/vega-lite.min.js",
            "../../../assets/vega-embed.min.js", "../../../assets/charts.js", "../../../assets/downloads.js");
    for (Vendor.Script script : Vendor.SCRIPTS) {
      assertThat(Files.readAllBytes(site().resolve("assets").resolve(script.asset())))
          .as(script.asset()).isEqualTo(Vendor.read(script)).hasSizeGreaterThan(50_000);
    }
    assertThat(site().resolve("assets/charts.js")).content().contains("vegaEmbed");
  }

  @Test
  void a_page_with_no_curves_and_no_chart_artifacts_loads_no_chart_scripts() throws IOException {
    Path run = Fixtures.runningRun(runs(), "mlp", RUN);
    Fixtures.write(run.resolve("metrics.csv"), "step,name,value,wall_time\n0,train/loss,2.3,0.2\n");

    Html html = Html.parse(page("mlp", RUN));

    // only the live updates of a running run: no chart scripts
    assertThat(html.all("script")).extracting(s -> s.attributes().get("src")).containsExactly("../../../assets/live.js");
    assertThat(html.text()).doesNotContain("Charts");
  }

  @Test
  void a_script_end_tag_in_a_chart_title_or_metric_name_stays_text_inside_the_json() throws IOException {
    String evil = "</script><script>alert(1)</script>";
    Path run = Fixtures.solverRun(runs(), "solver", RUN, evil);
    Files.writeString(run.resolve("metrics.csv"), "0," + evil + ",1.0,0\n1," + evil + ",0.5,0\n",
        java.nio.file.StandardOpenOption.APPEND);

    String page = page("solver", RUN);

    List<JsonNode> specs = ChartBlocks.of(page);
    assertThat(specs).extracting(s -> s.path("title").asString()).contains(evil);
    assertThat(specs.toString()).contains("\"metric\":\"" + evil.replace("/", "/") + "\"");
    Html html = Html.parse(page);
    assertThat(html.all("script")).allMatch(s -> ChartBlocks.isOurs(s, "../../../"));
    assertThat(page).doesNotContain("<script>alert(1)");
  }

  @Test
  void a_chart_artifact_that_would_load_data_from_a_url_is_skipped_with_a_warning() throws IOException {
    Path run = Fixtures.solverRun(runs(), "solver", RUN, "Learning rate");
    Fixtures.write(run.resolve("artifacts/lr.vl.json"),
        "{\"mark\": \"line\", \"data\": {\"url\": \"https://example.com/steal.csv\"}}");

    List<JsonNode> specs = ChartBlocks.of(page("solver", RUN));

    assertThat(specs).hasSize(1); // the curves only
    assertThat(warnings).singleElement().asString().contains("lr.vl.json", "data inline (data.values)");
  }

  @Test
  void a_long_curve_is_thinned_to_about_a_thousand_points_keeping_the_last() {
    List<Run.Point> points = new ArrayList<>();
    for (int i = 0; i < 5001; i++) {
      points.add(new Run.Point(i, "train/loss", 1.0 / (i + 1), i));
    }

    List<Run.Point> kept = Curves.thin(points);

    assertThat(kept).hasSizeLessThanOrEqualTo(Curves.MAX_POINTS + 1);
    assertThat(kept.getFirst().step()).isZero();
    assertThat(kept.getLast().step()).isEqualTo(5000);
  }
}
