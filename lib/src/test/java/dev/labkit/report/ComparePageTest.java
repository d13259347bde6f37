package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The experiment page's comparison charts and compare action, the compare page and each run's data.js. */
class ComparePageTest extends SiteFolders {
  static final String A = "20261126-220000-0000";
  static final String B = "20261126-220001-0001";
  static final String C = "20261126-220002-0002";

  void threeTrials() {
    Fixtures.sweepTrial(runs(), "e", A, "s", 1, 3, 0.01, 0.80, 0.85);
    Fixtures.sweepTrial(runs(), "e", B, "s", 2, 3, 1.0, 0.84, 0.90);
    Fixtures.sweepTrial(runs(), "e", C, "s", 3, 3, 100.0, 0.82, 0.97);
    SiteGenerator.build(runs(), site(), warnings::add);
  }

  String experimentPage() throws IOException {
    return Files.readString(SiteGenerator.experimentPage(site(), "e"));
  }

  @Test
  void the_runs_table_has_a_pick_box_per_run_a_compare_button_and_a_filter() throws IOException {
    threeTrials();

    Html html = Html.parse(experimentPage());

    assertThat(html.all("input")).filteredOn(i -> "pick".equals(i.attributes().get("class")))
        .extracting(i -> i.attributes().get("value")).containsExactly(C, B, A);
    assertThat(html.all("button")).singleElement().satisfies(b -> assertThat(b.attributes())
        .containsEntry("data-href", "compare.html").containsEntry("data-compare", "#runs-table").containsKey("disabled"));
    assertThat(html.all("input")).anyMatch(i -> "#runs-table tbody tr".equals(i.attributes().get("data-filter")));
  }

  @Test
  void the_experiment_page_charts_the_headline_against_each_varying_param_per_run_and_on_parallel_axes()
      throws IOException {
    threeTrials();

    List<JsonNode> specs = ChartBlocks.of(experimentPage());

    JsonNode scatter = specs.stream().filter(s -> "point".equals(s.path("mark").path("type").asString()))
        .findFirst().orElseThrow();
    assertThat(scatter.path("title").asString()).isEqualTo("test/accuracy against model.c");
    assertThat(scatter.path("encoding").path("x").path("scale").path("type").asString()).isEqualTo("log");
    assertThat(scatter.path("data").path("values")).hasSize(3);
    JsonNode bars = specs.stream().filter(s -> "bar".equals(s.path("mark").path("type").asString()))
        .findFirst().orElseThrow();
    assertThat(bars.path("data").path("values")).extracting(v -> v.path("value").asDouble())
        .containsExactly(0.80, 0.84, 0.82);
    JsonNode parallel = specs.stream().filter(s -> s.path("title").asString().startsWith("Parameters"))
        .findFirst().orElseThrow();
    assertThat(parallel.path("layer").get(1).path("layer").get(0).path("encoding").path("x").path("sort"))
        .extracting(JsonNode::asString).containsExactly("model.c", "test/accuracy");
    // model.c spans four decades: 0.01, 1, 100 sit at 0, 0.5 and 1 on its axis
    assertThat(parallel.path("data").path("values")).extracting(v -> v.path("p0").asDouble())
        .containsExactlyInAnyOrder(0.0, 0.5, 1.0);
    assertThat(parallel.path("data").path("values")).extracting(v -> v.path("v0").asString())
        .containsExactlyInAnyOrder("0.01", "1.0", "100.0");
  }

  @Test
  void the_compare_page_lists_every_run_with_its_data_script_and_embeds_the_curve_specs() throws IOException {
    threeTrials();

    String page = Files.readString(site().resolve("experiments/e/compare.html"));

    JsonNode index = block(page, "compare-index");
    assertThat(index).extracting(e -> e.path("data").asString())
        .containsExactly("../../runs/e/" + C + "/data.js", "../../runs/e/" + B + "/data.js", "../../runs/e/" + A + "/data.js");
    assertThat(block(page, "compare-curve").path("layer").get(0).path("encoding").path("color").path("field").asString())
        .isEqualTo("run");
    assertThat(block(page, "compare-curve-log").path("layer").get(0).path("encoding").path("y").path("scale")
        .path("type").asString()).isEqualTo("log");
    assertThat(Html.parse(page).all("script")).anyMatch(s -> "../../assets/compare.js".equals(s.attributes().get("src")));
  }

  @Test
  void a_runs_data_script_holds_its_params_final_metrics_curves_and_images() throws IOException {
    Fixtures.galleryRun(runs(), "gan", A);
    SiteGenerator.build(runs(), site(), warnings::add);

    String script = Files.readString(site().resolve("runs/gan/" + A + "/data.js"));

    String prefix = "(window.labkitRuns = window.labkitRuns || {})[\"" + A + "\"] = ";
    assertThat(script).startsWith(prefix).endsWith(";\n");
    JsonNode data = RunFolders.JSON.readTree(script.substring(prefix.length(), script.length() - 2));
    assertThat(data.path("page").asString()).isEqualTo("runs/gan/" + A + "/index.html");
    assertThat(data.path("params").get(2)).extracting(JsonNode::asString).containsExactly("optimizer.lr", "2.0E-4");
    assertThat(data.path("curves").path("train/g_loss")).hasSize(3);
    assertThat(data.path("images")).hasSize(7);
    assertThat(data.path("images").get(6).path("src").asString()).isEqualTo("runs/gan/" + A + "/artifacts/samples/200-1.png");
    assertThat(data.path("images").get(6).path("step").asLong()).isEqualTo(200);
  }

  @Test
  void markup_in_run_names_and_params_stays_inert_in_data_scripts_and_the_compare_page() throws IOException {
    String evil = "</script><img src=x onerror=alert(1)>";
    Path run = Fixtures.sweepTrial(runs(), "e", A, "s", 1, 2, 1.0, 0.8, 0.9);
    Fixtures.write(run.resolve("run.json"), Files.readString(run.resolve("run.json"))
        .replace("\"seed\": 42,", "\"seed\": 42, \"" + evil.replace("\"", "\\\"") + "\": \"\\\"onerror=alert(3)\","));
    Fixtures.sweepTrial(runs(), "e", B, "s", 2, 2, 2.0, 0.7, 0.9);
    SiteGenerator.build(runs(), site(), warnings::add);

    String script = Files.readString(site().resolve("runs/e/" + A + "/data.js"));
    String compare = Files.readString(site().resolve("experiments/e/compare.html"));

    assertThat(script).doesNotContain("<", ">").contains("\\u003c/script\\u003e");
    assertThat(Html.parse(compare).all("img")).isEmpty();
    assertThat(Html.parse(compare).anyAttributeNamed("on")).isFalse();
  }

  @Test
  void the_best_is_marked_the_way_the_script_declared_its_own_metrics_not_the_way_their_names_suggest()
      throws IOException {
    for (String id : new String[] {A, B}) {
      Path run = Fixtures.sweepTrial(runs(), "e", id, "s", id.equals(A) ? 1 : 2, 2, 1.0, 0.8, 0.9);
      Fixtures.write(run.resolve("summary.json"), """
          {"metrics": {"test/accuracy": 0.8, "test/misses": 3, "test/error_free": 0.9, "test/log_loss": 0.4},
           "headline": "test/accuracy", "lower_is_better": {"test/misses": true, "test/error_free": false}}
          """);
    }
    SiteGenerator.build(runs(), site(), warnings::add);

    String script = Files.readString(site().resolve("runs/e/" + A + "/data.js"));
    JsonNode data = RunFolders.JSON.readTree(script.substring(script.lastIndexOf("] = ") + 4, script.lastIndexOf(";")));

    // declared: misses lower, error_free higher (its name alone says lower); undeclared log_loss by its name
    assertThat(data.path("lower")).extracting(JsonNode::asString)
        .containsExactlyInAnyOrder("test/misses", "test/log_loss");
  }

  /** The JSON of {@code <script type="application/json" id="…">}. */
  static JsonNode block(String page, String id) {
    String start = "<script type=\"application/json\" id=\"" + id + "\">";
    int from = page.indexOf(start) + start.length();
    return RunFolders.JSON.readTree(page.substring(from, page.indexOf("</script>", from)));
  }
}
