package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExperimentPageTest extends SiteFolders {
  static final String SWEEP = "20261126-220000-ab12";
  static final double[] CS = {0.001, 0.01, 0.1, 1, 10, 100};
  static final double[] TEST = {0.78, 0.82, 0.845, 0.842, 0.83, 0.82};
  static final double[] TRAIN = {0.785, 0.83, 0.86, 0.88, 0.91, 0.93};

  /** Six trials of a sweep over C, trial 3 (C = 0.1) the best on test accuracy. */
  void sweep(double[] cs) {
    for (int i = 0; i < cs.length; i++) {
      Fixtures.sweepTrial(runs(), "sweep", "20261126-2200%02d-00%02d".formatted(i, i), SWEEP, i + 1, 8, cs[i], TEST[i],
          TRAIN[i]);
    }
  }

  String page(String experiment) throws IOException {
    SiteGenerator.build(runs(), site(), warnings::add);
    return Files.readString(SiteGenerator.experimentPage(site(), experiment));
  }

  @Test
  void the_runs_table_links_every_run_and_shows_only_the_params_that_vary_by_default() throws IOException {
    sweep(CS);

    Html html = Html.parse(page("sweep"));

    assertThat(html.all("a")).extracting(a -> a.attributes().get("href"))
        .contains("../../runs/sweep/20261126-220000-0000/index.html", "../../runs/sweep/20261126-220005-0005/index.html",
            "../../index.html");
    List<Html.Element> headers = html.all("th").stream().filter(th -> th.attributes().getOrDefault("class", "")
        .startsWith("param")).toList();
    assertThat(headers).extracting(th -> th.attributes().get("class"))
        .containsExactly("param const", "param const", "param const", "param");
    assertThat(html.text()).contains("model.c", "show all params (3 are the same in every run)", "test/accuracy",
        "train/accuracy", "0.8450", "finished", "6 runs");
    assertThat(html.all("input")).filteredOn(i -> i.attributes().containsKey("data-toggles")).singleElement()
        .extracting(i -> i.attributes().get("data-toggles")).isEqualTo("runs-table");
    assertThat(html.all("table")).anyMatch(t -> "runs-table".equals(t.attributes().get("id"))
        && t.attributes().get("class").contains("sortable"));
    // the table sorts a metric by its full value, not by the four decimals it prints
    assertThat(html.all("td")).anyMatch(td -> "0.845".equals(td.attributes().get("data-v")));
    assertThat(warnings).isEmpty();
  }

  @Test
  void a_sweep_charts_test_and_train_accuracy_against_c_on_a_log_axis_with_the_best_trial_ringed() throws IOException {
    sweep(CS);

    List<JsonNode> specs = ChartBlocks.lines(page("sweep"));

    assertThat(specs).hasSize(1);
    JsonNode spec = specs.getFirst();
    assertThat(spec.path("title").asString()).isEqualTo("test/accuracy against model.c");
    JsonNode line = spec.path("layer").get(0);
    assertThat(line.path("encoding").path("x").path("field").asString()).isEqualTo("model\\.c");
    assertThat(line.path("encoding").path("x").path("scale").path("type").asString()).isEqualTo("log");
    assertThat(spec.path("data").path("values")).extracting(v -> v.path("metric").asString())
        .containsOnly("test/accuracy", "train/accuracy").hasSize(12);
    JsonNode best = spec.path("layer").get(2).path("data").path("values").get(0);
    assertThat(best.path("model.c").asDouble()).isEqualTo(0.1);
    assertThat(best.path("value").asDouble()).isEqualTo(0.845);
    assertThat(best.path("highlight").asString()).isEqualTo("best: trial 3");
  }

  @Test
  void the_sweep_table_lists_trials_in_order_and_marks_the_best() throws IOException {
    sweep(CS);

    String page = page("sweep");
    Html html = Html.parse(page);

    assertThat(html.text()).contains("Sweep " + SWEEP, "6 of 8 trials", "best: trial 3",
        "chosen by test/accuracy (higher is better), chosen on test (optimistic) 0.8450");
    assertThat(html.all("tr")).filteredOn(tr -> "best".equals(tr.attributes().get("class"))).hasSize(1);
    assertThat(html.all("details")).singleElement().matches(d -> d.attributes().containsKey("open"));
    assertThat(page.indexOf(">20261126-220000-0000<")).isLessThan(page.indexOf(">20261126-220005-0005<"));
  }

  @Test
  void with_a_validation_set_the_best_trial_is_chosen_on_it_and_not_on_test() throws IOException {
    sweep(CS);
    // validation prefers trial 5 (C = 1), test prefers trial 3 (C = 0.1): the page must follow validation
    double[] validation = {0.70, 0.80, 0.83, 0.86, 0.85, 0.84};
    for (int i = 0; i < CS.length; i++) {
      Path run = runs().resolve("sweep").resolve("20261126-2200%02d-00%02d".formatted(i, i));
      Fixtures.write(run.resolve("summary.json"), """
          {"metrics": {"test/accuracy": %s, "val/accuracy": %s, "train/accuracy": %s}, "headline": "test/accuracy"}
          """.formatted(TEST[i], validation[i], TRAIN[i]));
    }

    String page = page("sweep");

    assertThat(Html.parse(page).text()).contains("best: trial 4", "chosen by val/accuracy (higher is better) 0.8600")
        .doesNotContain("optimistic");
    assertThat(page).containsPattern("<tr class=\"best\">[^\n]*>20261126-220003-0003<");
  }

  @Test
  void the_sweeps_summary_run_is_linked_but_not_counted_among_its_trials() throws IOException {
    sweep(CS);
    // trial 0 is the summary: list-valued params, the best trial's metrics (higher than any trial here)
    Path summary = runs().resolve("sweep").resolve(SWEEP);
    Fixtures.write(summary.resolve("run.json"), """
        {"schema": 1, "experiment": "sweep", "run_id": "%s", "status": "finished", "seed": 42,
         "params": {"seed": 42, "model.c": ["0.01", "0.1"]}, "sweep": {"id": "%s", "trial": 0, "trials": 8},
         "provenance": {"started": "2026-11-26T22:00:00Z", "ended": "2026-11-26T22:00:30Z"}}
        """.formatted(SWEEP, SWEEP));
    Fixtures.write(summary.resolve("summary.json"), "{\"metrics\": {\"test/accuracy\": 0.99}, \"headline\": \"test/accuracy\"}");

    Html html = Html.parse(page("sweep"));

    assertThat(html.text()).contains("6 of 8 trials", "best: trial 3").contains("summary");
    assertThat(html.all("a")).anyMatch(a -> String.valueOf(a.attributes().get("href")).contains(SWEEP + "/index.html"));
    Html run = Html.parse(Files.readString(SiteGenerator.runPage(site(), "sweep", SWEEP)));
    assertThat(run.text()).contains("summary of sweep " + SWEEP + " (8 trials)");
    Html index = Html.parse(Files.readString(site().resolve("index.html")));
    assertThat(index.text()).contains("sweep summary (8 trials)", "trial 3 of 8");
  }

  @Test
  void with_two_varying_params_each_value_of_the_other_gets_its_own_line() throws IOException {
    int trial = 0;
    for (String penalty : new String[] {"l1", "l2"}) {
      for (double c : new double[] {0.01, 1, 100}) {
        trial++;
        Path run = runs().resolve("grid").resolve("20261126-2200%02d-00%02d".formatted(trial, trial));
        Fixtures.write(run.resolve("run.json"), """
            {"schema": 1, "experiment": "grid", "run_id": "%s", "status": "finished", "seed": 42,
             "params": {"model.penalty": "%s", "model.c": %s}, "sweep": {"id": "%s", "trial": %d, "trials": 6},
             "provenance": {"started": "2026-11-26T22:00:00Z", "ended": "2026-11-26T22:00:30Z"}}
            """.formatted(run.getFileName(), penalty, c, SWEEP, trial));
        Fixtures.write(run.resolve("summary.json"),
            "{\"metrics\": {\"test/accuracy\": 0.8%d}, \"headline\": \"test/accuracy\"}".formatted(trial));
      }
    }
    String page = page("grid");
    assertThat(page).contains("test/accuracy · model.penalty=l1").contains("test/accuracy · model.penalty=l2");
  }

  @Test
  void a_trials_run_page_says_which_sweep_it_belongs_to() throws IOException {
    sweep(CS);
    SiteGenerator.build(runs(), site(), warnings::add);

    Html run = Html.parse(Files.readString(SiteGenerator.runPage(site(), "sweep", "20261126-220002-0002")));

    assertThat(run.text()).contains("trial 3 of 8 in sweep " + SWEEP);
  }

  @Test
  void building_twice_gives_the_same_experiment_page() throws IOException {
    sweep(CS);
    Fixtures.finishedRun(runs(), "sweep", "20261126-213000-1a2b");

    String first = page("sweep");
    SiteGenerator.build(runs(), tmp.resolve("other"), warnings::add);

    assertThat(Files.readString(SiteGenerator.experimentPage(tmp.resolve("other"), "sweep"))).isEqualTo(first);
    assertThat(page("sweep")).isEqualTo(first);
  }

  @Test
  void a_param_spanning_less_than_two_decades_stays_on_a_linear_axis() throws IOException {
    sweep(new double[] {1, 2, 4, 8, 16, 32});

    JsonNode spec = ChartBlocks.lines(page("sweep")).getFirst();

    assertThat(spec.path("layer").get(0).path("encoding").path("x").path("scale").path("type").asString())
        .isEqualTo("linear");
  }

  @Test
  void for_a_loss_the_best_trial_is_the_lowest() {
    assertThat(SweepView.lowerIsBetter("test/loss")).isTrue();
    assertThat(SweepView.lowerIsBetter("val/error_rate")).isTrue();
    assertThat(SweepView.lowerIsBetter("test/accuracy")).isFalse();
  }

  @Test
  void the_index_and_run_pages_link_to_the_experiment_page() throws IOException {
    sweep(CS);
    SiteGenerator.build(runs(), site(), warnings::add);

    Html index = Html.parse(Files.readString(site().resolve("index.html")));
    Html run = Html.parse(Files.readString(SiteGenerator.runPage(site(), "sweep", "20261126-220000-0000")));

    assertThat(index.all("a")).extracting(a -> a.attributes().get("href")).contains("experiments/sweep/index.html");
    assertThat(run.all("a")).extracting(a -> a.attributes().get("href"))
        .contains("../../../experiments/sweep/index.html");
    assertThat(SiteGenerator.experimentPage(site(), "sweep")).isRegularFile();
  }

  @Test
  void an_experiment_without_sweeps_loads_no_chart_scripts_only_the_table_script() throws IOException {
    Fixtures.finishedRun(runs(), "plain", "20261126-213000-1a2b");

    Html html = Html.parse(page("plain"));

    assertThat(html.all("script")).extracting(s -> s.attributes().get("src")).containsExactly("../../assets/tables.js");
    assertThat(html.text()).doesNotContain("Sweep", "show all params").contains("model.c", "2.5");
  }

  @Test
  void params_and_names_with_markup_show_as_text_on_the_experiment_page() throws IOException {
    Path run = Fixtures.sweepTrial(runs(), "e", "20261126-220000-0000", "</script><script>alert(1)</script>", 1, 2, 1.0,
        0.8, 0.9);
    Fixtures.write(run.resolve("run.json"), Files.readString(run.resolve("run.json"))
        .replace("\"seed\": 42,", "\"seed\": 42, \"<img src=x onerror=alert(2)>\": \"\\\"onerror=alert(3)\","));
    Fixtures.sweepTrial(runs(), "e", "20261126-220001-0001", "</script><script>alert(1)</script>", 2, 2, 2.0, 0.7, 0.9);

    String page = page("e");
    Html html = Html.parse(page);

    assertThat(html.all("script")).allMatch(s -> ChartBlocks.isOurs(s, "../../"));
    assertThat(html.all("img")).isEmpty();
    assertThat(html.anyAttributeNamed("on")).isFalse();
    assertThat(html.text()).contains("</script><script>alert(1)</script>", "<img src=x onerror=alert(2)>");
    assertThat(ChartBlocks.lines(page)).hasSize(1);
  }

  @Test
  void a_thousand_runs_make_an_experiment_page_under_two_megabytes() throws IOException {
    for (int i = 0; i < 1000; i++) {
      Fixtures.sweepTrial(runs(), "big", "20261126-%06d-%04x".formatted(i, i), "s" + (i / 100), i % 100 + 1, 100,
          Math.pow(10, -3 + 6.0 * (i % 100) / 99), 0.7 + (i % 37) / 200.0, 0.8 + (i % 41) / 300.0);
    }

    Path page = SiteGenerator.writeExperiment(site(),
        ExperimentPage.of("big", RunFolders.readExperiment(runs(), "big", warnings::add)));

    assertThat(ChartBlocks.lines(Files.readString(page))).hasSize(10);
    // a sweep of 100 trials keeps its table folded; the page stays readable
    assertThat(Html.parse(Files.readString(page)).all("details")).hasSize(10)
        .allMatch(d -> !d.attributes().containsKey("open"));
    assertThat(Files.size(page)).isLessThan(2_000_000);
  }
}
