package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.Lab;
import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.DecisionTree;
import dev.labkit.model.LogisticRegression;
import dev.labkit.run.BlobData;
import dev.labkit.run.Experiment;
import dev.labkit.run.Runner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SiteChecks}, the checks the smoke module runs over the catalog's site, on a small site run
 * in-process (two experiments and a saved comparison of them). With {@code -Dlabkit.checkRuns=DIR} they
 * run over {@code DIR/runs} instead (say, a few scripts' {@code --smoke --out DIR}), to try them on real runs.
 */
class SiteChecksTest {
  @TempDir static Path tmp;
  static Path runs;
  static Path site;
  static SiteChecks checks;
  static Server server;

  @BeforeAll
  static void start() throws Exception {
    String given = System.getProperty("labkit.checkRuns");
    runs = given == null ? tmp.resolve("runs") : Path.of(given).resolve("runs");
    if (given == null) {
      for (Experiment experiment : List.of(
          Lab.experiment("blobs-compare").data(new BlobData(120, 60))
              .compare(DecisionTree.defaults().maxDepth(2), LogisticRegression.defaults())
              .evaluate(new Evaluation.Accuracy()),
          Lab.experiment("blobs-sweep").data(new BlobData(120, 60)).model(LogisticRegression.defaults())
              .validation(0.25).evaluate(new Evaluation.Accuracy()).sweep("model.c", 0.01, 1, 100))) {
        assertThat(Runner.execute(experiment, LabOptions.of(tmp).noSite(true),
            new PrintStream(OutputStream.nullOutputStream())).exitCode()).isZero();
      }
      new CompareSelection("blobs", List.of("blobs-compare", "blobs-sweep")).save(runs);
    }
    site = tmp.resolve("site");
    SiteGenerator.build(runs, site, w -> { });
    checks = SiteChecks.start(tmp);
    server = Server.start("127.0.0.1", 0, runs, tmp.resolve("served"), w -> { });
  }

  @AfterAll
  static void stop() {
    if (checks != null) {
      checks.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void every_chart_draws_marks() throws Exception {
    assertThat(checks.emptyCharts(site)).isEmpty();
    assertThat(checks.chartsSeen()).isGreaterThan(3);
  }

  @Test
  void nothing_is_wider_than_the_content_column() throws Exception {
    assertThat(checks.tooWide(site)).isEmpty();
  }

  @Test
  void downloads_work_on_a_run_an_experiment_and_a_compare_page_from_file_and_from_the_server() throws Exception {
    List<String> pages = SiteChecks.pages(site).stream().map(p -> site.relativize(p).toString())
        .filter(p -> p.startsWith("compare/") || p.matches("experiments/[^/]+/index.html")
            || p.matches("runs/[^/]+/[^/]+/index.html"))
        .toList();
    assertThat(pages).anyMatch(p -> p.startsWith("compare/"));
    String run = pages.stream().filter(p -> p.startsWith("runs/")).findFirst().orElseThrow();
    String experiment = pages.stream().filter(p -> p.startsWith("experiments/")).findFirst().orElseThrow();
    String compare = pages.stream().filter(p -> p.startsWith("compare/")).findFirst().orElseThrow();
    for (String page : List.of(run, experiment, compare)) {
      assertThat(checks.downloads(site.resolve(page).toUri().toString())).as(page).isEmpty();
      assertThat(checks.downloads(server.url() + page)).as(page + " served").isEmpty();
    }
  }
}
