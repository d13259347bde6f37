package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab report page, as the site generator writes it beside the experiment page. */
class ReportPageTest {
  @TempDir Path tmp;

  private String buildReport() throws IOException {
    ReportFixtures.sweep(tmp.resolve("runs"));
    SiteGenerator.build(tmp.resolve("runs"), tmp.resolve("site"), line -> { });
    Path report = SiteGenerator.reportPage(tmp.resolve("site"), ReportFixtures.EXPERIMENT);
    assertThat(report).isRegularFile();
    return Files.readString(report);
  }

  @Test
  void the_report_opens_with_the_description_then_the_notes_rendered_from_markdown() throws IOException {
    String html = buildReport();

    assertThat(html).contains("Logistic regression on Fashion-MNIST over a log grid of C")
        .contains("Why <code>max_iter</code> stays <strong>200</strong>")
        .contains("<span class=\"math math-inline\">\\(-\\sum_k y_k \\log p_k\\)</span>")
        .contains("<span class=\"math math-display\">\\[p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}\\]</span>");
    assertThat(html.indexOf("Why <code>max_iter</code>")).isLessThan(html.indexOf("math-display"));
    assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
  }

  @Test
  void the_best_trial_is_named_with_how_it_was_chosen_and_the_optimistic_mark_on_test() throws IOException {
    String html = buildReport();

    assertThat(Html.parse(html).text()).contains("The best of sweep 20261126-220000-ab12 is trial 2 (model.c = 1.0),"
        + " chosen by test/accuracy (higher is better), chosen on test (optimistic): 0.8500.");
  }

  @Test
  void the_flags_are_said_in_the_run_pages_words_and_the_rerun_command_is_given() throws IOException {
    String html = buildReport();

    assertThat(html).contains("2 of 3 fits did not converge in model.max_iter iterations; raise model.max_iter")
        .contains("./jbang scripts/logreg.java --sweep model.c=0.1,1,10");
  }

  @Test
  void figures_and_tables_are_the_experiment_pages_charts_and_the_summary_runs_tables_with_downloads()
      throws IOException {
    String html = buildReport();

    assertThat(html).contains("class=\"report-figure\"").contains("test/accuracy against model.c")
        .contains("<figcaption>Trials</figcaption>").contains("data-format=\"LaTeX\"")
        // a run id in a table links to the run's page from this page's folder
        .contains("href=\"../../runs/logreg-fashion/20261126-220200-0002/index.html\"");
  }

  @Test
  void a_run_on_its_own_is_reported_with_its_curves_images_and_its_collapse_and_overfitting_in_words()
      throws IOException {
    Path run = Fixtures.galleryRun(tmp.resolve("runs"), "gan-fashion", "20261126-230000-0001");
    Fixtures.write(run.resolve("summary.json"), """
        {"metrics": {"fid": 41.5, "collapsed": 1, "overfit_epoch": 4}, "headline": "fid"}
        """);
    SiteGenerator.build(tmp.resolve("runs"), tmp.resolve("site"), line -> { });

    String report = Files.readString(SiteGenerator.reportPage(tmp.resolve("site"), "gan-fashion"));
    String runPage = Files.readString(SiteGenerator.runPage(tmp.resolve("site"), "gan-fashion", "20261126-230000-0001"));

    String collapse = "Mode collapse: the generator's samples fall into too few classes";
    String overfitting = "Overfitting from epoch 4: the validation loss and accuracy stopped improving";
    assertThat(Html.parse(report).text()).contains(collapse, overfitting, "No sweep: the experiment ran without choosing");
    assertThat(Html.parse(runPage).text()).contains(collapse, overfitting); // the same words on the run page
    assertThat(report).contains("class=\"report-figure\"") // its loss curve
        .contains("src=\"../../runs/gan-fashion/20261126-230000-0001/artifacts/samples/200-0.png\"");
  }

  @Test
  void site_serve_renders_the_report_from_the_run_folders_and_serves_katex_and_its_fonts() throws Exception {
    ReportFixtures.sweep(tmp.resolve("runs"));
    try (Server server = Server.start("127.0.0.1", 0, tmp.resolve("runs"), tmp.resolve("site"), line -> { })) {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(server.url()
          + "experiments/logreg-fashion/report.html")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Why <code>max_iter</code> stays <strong>200</strong>");
      for (String asset : new String[] {"katex/katex.min.js", "katex/fonts/KaTeX_Math-Italic.woff2", "print.css"}) {
        assertThat(client.send(HttpRequest.newBuilder(URI.create(server.url() + "assets/" + asset)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode()).as(asset).isEqualTo(200);
      }
    }
  }

  @Test
  void the_report_is_linked_from_the_experiment_page_and_the_index_and_katex_is_in_the_assets() throws IOException {
    buildReport();
    Path site = tmp.resolve("site");

    assertThat(Files.readString(SiteGenerator.experimentPage(site, ReportFixtures.EXPERIMENT)))
        .contains("href=\"report.html\"");
    assertThat(Files.readString(site.resolve("index.html"))).contains("href=\"experiments/logreg-fashion/report.html\"");
    assertThat(site.resolve("assets/katex/katex.min.js")).isRegularFile();
    assertThat(site.resolve("assets/katex/contrib/auto-render.min.js")).isRegularFile();
    assertThat(site.resolve("assets/katex/fonts/KaTeX_Main-Regular.woff2")).isRegularFile();
    assertThat(Files.readString(site.resolve("assets/katex/katex.min.css"))).contains("url(fonts/KaTeX_Main-Regular.woff2)");
  }
}
