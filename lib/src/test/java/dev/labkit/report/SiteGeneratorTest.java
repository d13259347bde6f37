package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SiteGeneratorTest extends SiteFolders {
  @Test
  void the_index_lists_every_run_under_its_experiment_with_status_headline_and_link() throws IOException {
    Fixtures.finishedRun(runs(), "logreg-fashion", "20261126-213000-1a2b");
    Fixtures.runningRun(runs(), "mlp-fashion", "20261126-220000-0000");

    Path index = SiteGenerator.build(runs(), site(), warnings::add);

    Html html = Html.parse(Files.readString(index));
    assertThat(html.text()).contains("logreg-fashion", "mlp-fashion", "20261126-213000-1a2b", "finished", "running",
        "test/accuracy", "0.8441", "2026-11-26 21:30 UTC", "2 runs in 2 experiments");
    assertThat(html.all("a")).extracting(a -> a.attributes().get("href"))
        .contains("runs/logreg-fashion/20261126-213000-1a2b/index.html", "runs/mlp-fashion/20261126-220000-0000/index.html");
    // the icon is an empty data: URL, so no browser asks the site for a favicon it does not have
    assertThat(html.all("link")).extracting(l -> l.attributes().get("href")).containsExactly("data:,", "assets/report.css");
    assertThat(site().resolve("assets/report.css")).isRegularFile();
    assertThat(warnings).isEmpty();
  }

  @Test
  void a_run_page_shows_params_metrics_dataset_command_and_provenance() throws IOException {
    Fixtures.finishedRun(runs(), "logreg-fashion", "20261126-213000-1a2b");
    SiteGenerator.build(runs(), site(), warnings::add);

    Html html = Html.parse(Files.readString(SiteGenerator.runPage(site(), "logreg-fashion", "20261126-213000-1a2b")));

    assertThat(html.text()).contains("model.c", "2.5", "logistic-regression", "data.scale", "unit",
        "test/macro_f1", "0.8432", "fit_seconds", "2.1000", "epochs", "12",
        "fashion-mnist/train", "60000", "28 × 28 × 1", "Ankle boot",
        "./jbang logreg --set model.c=2.5", "git_commit", "1a2b3c", "Eclipse Adoptium 25.0.3", "took 2 min 5 s");
    assertThat(html.all("link")).extracting(l -> l.attributes().get("href")).containsExactly("data:,", "../../../assets/report.css");
  }

  @Test
  void a_run_page_shows_the_ten_heatmaps_captioned_with_class_names_and_the_colour_legend() throws IOException {
    Fixtures.finishedRun(runs(), "logreg-fashion", "20261126-213000-1a2b");
    Path page = SiteGenerator.build(runs(), site(), warnings::add).resolveSibling(
        "runs/logreg-fashion/20261126-213000-1a2b/index.html");

    Html html = Html.parse(Files.readString(page));

    List<Html.Element> images = html.all("img");
    assertThat(images).hasSize(10);
    assertThat(images).extracting(i -> i.attributes().get("alt")).containsExactly(Fixtures.CLASSES);
    assertThat(images.get(3).attributes().get("src")).isEqualTo("artifacts/weights/3.png");
    assertThat(page.resolveSibling("artifacts/weights/3.png")).isRegularFile();
    assertThat(html.text()).contains("Weight heatmaps", "Dress", "Ankle boot", "blue pushes the class down");
    assertThat(html.text()).containsPattern("\u2212\\d\\.\\d+ \\+\\d\\.\\d+");
  }

  @Test
  void the_confusion_matrix_is_a_table_of_counts_with_row_shares_and_a_marked_diagonal() throws IOException {
    Fixtures.finishedRun(runs(), "e", "20261126-213000-1a2b");
    SiteGenerator.build(runs(), site(), warnings::add);

    Html html = Html.parse(Files.readString(SiteGenerator.runPage(site(), "e", "20261126-213000-1a2b")));

    List<Html.Element> diagonal = html.all("td").stream()
        .filter(td -> td.attributes().getOrDefault("class", "").contains("diag")).toList();
    assertThat(diagonal).hasSize(10);
    assertThat(diagonal).allMatch(td -> td.attributes().get("style").startsWith("background-color: rgb("));
    // row 0: 850 right, then (0+j)%7 for j=1..9 = 1,2,3,4,5,6,0,1,2 → 24 wrong, 874 in all
    assertThat(html.text()).contains("Confusion matrix (test)", "850", "97.3%", "874", "Per-class scores", "0.8123");
  }

  @Test
  void a_running_run_renders_with_its_last_logged_values_and_no_summary_yet() throws IOException {
    Fixtures.runningRun(runs(), "mlp", "20261126-220000-0000");
    SiteGenerator.build(runs(), site(), warnings::add);

    Html html = Html.parse(Files.readString(SiteGenerator.runPage(site(), "mlp", "20261126-220000-0000")));

    assertThat(html.text()).contains("running", "No final metrics yet", "Last logged values", "train/loss", "1.7000");
  }

  @Test
  void names_params_and_errors_with_markup_show_as_text_and_never_as_markup() throws IOException {
    String evil = "<img src=x onerror=alert(1)>";
    Path run = Fixtures.runningRun(runs(), evil, "20261126-220000-0000");
    Fixtures.write(run.resolve("run.json"), """
        {"schema": 1, "status": "failed", "error": "<script>alert(1)</script>",
         "params": {"<script>alert(2)</script>": "\\"onerror=alert(3) x=\\"", "model": "' onmouseover='alert(4)"},
         "provenance": {"command": "</code><script>alert(5)</script>"}}
        """);
    SiteGenerator.build(runs(), site(), warnings::add);

    for (Path page : List.of(site().resolve("index.html"), SiteGenerator.runPage(site(), evil, "20261126-220000-0000"))) {
      Html html = Html.parse(Files.readString(page));
      String root = page.getFileName().toString().equals("index.html") && page.getParent().equals(site()) ? "" : "../../../";
      assertThat(html.all("script")).as("script elements in " + page).allMatch(s -> ChartBlocks.isOurs(s, root));
      assertThat(html.all("img")).as("img elements in " + page).isEmpty();
      assertThat(html.anyAttributeNamed("on")).as("event handler attributes in " + page).isFalse();
      assertThat(html.text()).contains(evil);
    }
    Html runPage = Html.parse(Files.readString(SiteGenerator.runPage(site(), evil, "20261126-220000-0000")));
    assertThat(runPage.text()).contains("<script>alert(1)</script>", "<script>alert(2)</script>",
        "\"onerror=alert(3) x=\"", "' onmouseover='alert(4)", "</code><script>alert(5)</script>");
    Html index = Html.parse(Files.readString(site().resolve("index.html")));
    assertThat(index.all("a")).extracting(a -> a.attributes().get("href"))
        .contains("runs/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E/20261126-220000-0000/index.html");
  }

  @Test
  void building_twice_gives_identical_bytes() throws IOException {
    Fixtures.finishedRun(runs(), "logreg-fashion", "20261126-213000-1a2b");
    Fixtures.runningRun(runs(), "mlp", "20261126-220000-0000");
    Path other = tmp.resolve("site2");

    SiteGenerator.build(runs(), site(), warnings::add);
    SiteGenerator.build(runs(), other, warnings::add);
    SiteGenerator.build(runs(), site(), warnings::add);

    List<Path> files = files(site());
    assertThat(files).hasSizeGreaterThan(15).isEqualTo(files(other));
    for (Path file : files) {
      assertThat(Files.readAllBytes(site().resolve(file))).as(file.toString())
          .isEqualTo(Files.readAllBytes(other.resolve(file)));
    }
  }

  @Test
  void a_damaged_run_json_is_skipped_with_a_warning_and_the_rest_still_builds() throws IOException {
    Fixtures.finishedRun(runs(), "e", "20261126-213000-1a2b");
    Fixtures.write(runs().resolve("e/20261126-213001-dead/run.json"), "{not json");

    Path index = SiteGenerator.build(runs(), site(), warnings::add);

    assertThat(warnings).singleElement().asString().startsWith("warning: skipped ").contains("20261126-213001-dead");
    assertThat(Files.readString(index)).contains("20261126-213000-1a2b").doesNotContain("dead");
  }

  @Test
  void odd_but_valid_json_and_a_malformed_matrix_still_render_with_a_warning() throws IOException {
    Path run = Fixtures.runningRun(runs(), "e", "20261126-220000-0000");
    Fixtures.write(run.resolve("run.json"), """
        {"status": 3, "params": [1, 2], "dataset": "mnist", "provenance": null}
        """);
    Fixtures.write(run.resolve("summary.json"), "{\"metrics\": {\"note\": \"n/a\"}, \"headline\": \"missing\"}");
    Fixtures.write(run.resolve("artifacts/cm.json"), "{\"labels\": [\"a\", \"b\"], \"counts\": [[1, 2]]}");
    Fixtures.write(run.resolve("artifacts.json"),
        "[{\"name\": \"cm\", \"kind\": \"confusion-matrix\", \"path\": \"artifacts/cm.json\"}]");

    SiteGenerator.build(runs(), site(), warnings::add);

    Html html = Html.parse(Files.readString(SiteGenerator.runPage(site(), "e", "20261126-220000-0000")));
    assertThat(html.text()).contains("note", "n/a").doesNotContain("Confusion matrix");
    assertThat(html.all("span")).anyMatch(s -> "badge status-unknown".equals(s.attributes().get("class")));
    assertThat(warnings).singleElement().asString().contains("cm.json", "one row and column per label");
  }

  @Test
  void a_rebuild_drops_pages_of_runs_that_are_gone() throws IOException {
    Path run = Fixtures.runningRun(runs(), "e", "20261126-220000-0000");
    SiteGenerator.build(runs(), site(), warnings::add);
    Files.delete(run.resolve("run.json"));
    Files.delete(run.resolve("metrics.csv"));
    Files.delete(run);

    SiteGenerator.build(runs(), site(), warnings::add);

    assertThat(SiteGenerator.runPage(site(), "e", "20261126-220000-0000")).doesNotExist();
  }

  @Test
  void it_refuses_to_build_into_a_folder_of_other_files() throws IOException {
    Fixtures.write(site().resolve("thesis.tex"), "precious");

    assertThatThrownBy(() -> SiteGenerator.build(runs(), site(), warnings::add))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("it holds files labkit did not make");
    assertThat(site().resolve("thesis.tex")).hasContent("precious");
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
