package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.Lab;
import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.LogisticRegression;
import dev.labkit.run.BlobData;
import dev.labkit.run.Runner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A sweep of 3 values of C × 3 seeds ({@code .repeat(3)}), run in this JVM, its site built: the experiment
 * page shows one row per trial with mean ± std cells and the runs beneath, says "best on the mean of 3
 * seeds", its download carries mean and std as two columns, and in a headless Chromium the charts of
 * accuracy against C draw error bars (the {@code error_bars} layer's rules), on the experiment page and on
 * the sweep's summary page; a comparison of two models × 3 seeds draws its accuracy bars with error bars.
 */
class RepeatSiteBrowserTest {
  @TempDir static Path tmp;
  static Chromium browser;
  static Path summary;
  static Path comparisonSummary;

  /** Per chart view: its title and how many error-bar rules it drew with a non-empty height. */
  static final String ERROR_BARS = """
      JSON.stringify(Array.from(document.querySelectorAll('.chart-view')).map(el => {
        const view = el.vegaView;
        if (!view) return {title: 'no view', bars: -1};
        let bars = 0;
        const walk = (node, inBars) => {
          if (!node) return;
          const here = inBars || (node.name || '').startsWith('error_bars');
          (node.items || []).forEach(item => {
            const b = item.bounds;
            if (here && node.marktype === 'rule' && b && isFinite(b.y1) && isFinite(b.y2) && b.y2 > b.y1) bars++;
            (item.items || []).forEach(child => walk(child, here));
          });
        };
        walk(view.scenegraph().root, false);
        const spec = JSON.parse(el.nextElementSibling.textContent);
        return {title: [].concat(spec.title && spec.title.text ? spec.title.text : spec.title).join(' '), bars: bars};
      }))""";

  @BeforeAll
  static void start() throws Exception {
    var experiment = Lab.experiment("repeat-site").data(new BlobData(60, 30)).model(LogisticRegression.defaults())
        .validation(0.25).evaluate(new Evaluation.Accuracy())
        .sweep("model.c", 0.01, 0.3, 10).repeat(3);
    Runner.Result result = Runner.execute(experiment, LabOptions.of(tmp).noSite(true),
        new PrintStream(OutputStream.nullOutputStream()));
    assertThat(result.exitCode()).isZero();
    summary = result.folder();
    var comparison = Lab.experiment("repeat-compare").data(new BlobData(60, 30))
        .compare(LogisticRegression.defaults(), Lab.knn()).validation(0.25).evaluate(new Evaluation.Accuracy())
        .repeat(3);
    Runner.Result compared = Runner.execute(comparison, LabOptions.of(tmp).noSite(true),
        new PrintStream(OutputStream.nullOutputStream()));
    assertThat(compared.exitCode()).isZero();
    comparisonSummary = compared.folder();
    SiteGenerator.build(tmp.resolve("runs"), tmp.resolve("site"), w -> { });
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  static Chromium browser() throws Exception {
    Chromium.require();
    if (browser == null) {
      browser = Chromium.start(tmp);
    }
    return browser;
  }

  @Test
  void the_experiment_page_shows_a_row_per_trial_with_mean_and_std_and_the_best_on_the_mean() throws Exception {
    String html = Files.readString(SiteGenerator.experimentPage(tmp.resolve("site"), "repeat-site"));
    String text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");

    assertThat(text).contains("3 of 3 trials × 3 seeds (9 runs)").contains("best on the mean of 3 seeds")
        .contains("Every seed (9 runs)");
    assertThat(text).containsPattern("\\d\\.\\d{4} ± \\d\\.\\d{4}");
    Path csv = SiteGenerator.experimentPage(tmp.resolve("site"), "repeat-site").getParent().resolve("tables");
    try (var files = Files.list(csv)) {
      Path trials = files.filter(f -> f.getFileName().toString().contains("trials") && f.toString().endsWith(".csv"))
          .findFirst().orElseThrow();
      List<String> lines = Files.readAllLines(trials);
      assertThat(lines.getFirst()).contains("seeds", "val/accuracy mean", "val/accuracy std", "test/accuracy mean");
      assertThat(lines).hasSize(4);
      assertThat(String.join("\n", lines)).doesNotContain("±");
    }
  }

  @Test
  void the_summary_pages_trials_table_downloads_mean_and_std_as_two_columns() throws Exception {
    Path page = SiteGenerator.runPage(tmp.resolve("site"), "repeat-site", summary.getFileName().toString());
    String html = Files.readString(page);
    assertThat(html).contains("Trials: mean ± std over 3 seeds").contains("Every seed of every trial")
        .contains("Best trial, chosen by val/accuracy (higher is better), best on the mean of 3 seeds");
    Run run = RunFolders.find(tmp.resolve("runs"), "repeat-site", summary.getFileName().toString(), w -> { })
        .orElseThrow();
    RunPage view = RunPage.of(run, w -> { });
    TableExport trials = view.tables().stream().filter(t -> t.title().startsWith("Trials")).findFirst().orElseThrow()
        .export();
    assertThat(trials.columns()).contains("seeds", "val/accuracy mean", "val/accuracy std");
    assertThat(trials.rows()).hasSize(3).allSatisfy(r -> assertThat(String.join(" ", r)).doesNotContain("±"));
  }

  @Test
  void accuracy_against_c_draws_error_bars_on_the_experiment_and_the_summary_page() throws Exception {
    Chromium chromium = browser();
    for (Path page : List.of(SiteGenerator.experimentPage(tmp.resolve("site"), "repeat-site"),
        SiteGenerator.runPage(tmp.resolve("site"), "repeat-site", summary.getFileName().toString()))) {
      chromium.open(page.toUri().toString());
      chromium.waitFor("Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView)",
          Duration.ofSeconds(20));
      assertThat(chromium.problems).as("console errors, exceptions, failed loads").isEmpty();
      JsonNode views = RunFolders.JSON.readTree(chromium.eval(ERROR_BARS).asString());
      List<JsonNode> ofC = new java.util.ArrayList<>();
      views.forEach(v -> {
        if (v.path("title").asString().contains("against model.c (mean ± 1 std over 3 seeds)")) {
          ofC.add(v);
        }
      });
      assertThat(ofC).as(page + ": " + views).isNotEmpty();
      assertThat(ofC).allSatisfy(v -> assertThat(v.path("bars").asInt()).as(v.toString()).isGreaterThanOrEqualTo(3));
    }
  }

  @Test
  void a_comparisons_accuracy_bars_carry_error_bars() throws Exception {
    Chromium chromium = browser();
    Path page = SiteGenerator.runPage(tmp.resolve("site"), "repeat-compare", comparisonSummary.getFileName().toString());
    chromium.open(page.toUri().toString());
    chromium.waitFor("Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView)",
        Duration.ofSeconds(20));
    assertThat(chromium.problems).as("console errors, exceptions, failed loads").isEmpty();
    JsonNode views = RunFolders.JSON.readTree(chromium.eval(ERROR_BARS).asString());
    JsonNode perModel = null;
    for (JsonNode v : views) {
      if (v.path("title").asString().startsWith("Accuracy per model (mean ± 1 std over 3 seeds)")) {
        perModel = v;
      }
    }
    assertThat(perModel).as(views.toString()).isNotNull();
    assertThat(perModel.path("bars").asInt()).as(perModel.toString()).isGreaterThanOrEqualTo(1);
  }
}
