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
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real sweep's site in headless Chromium, from file:// and from {@link Server} on 127.0.0.1: every chart
 * has SVG and PNG links whose click yields an SVG document and a decodable PNG; every table's CSV, Markdown
 * and LaTeX links resolve to the texts {@link TableExport} writes.
 */
class DownloadsBrowserTest {
  @TempDir static Path tmp;
  static Chromium browser;
  static Server server;
  static Path summary;

  /** Clicks each chart's two links, then reads what they hold: per chart {svg, pngBytes, pngWidth, names}. */
  static final String CHARTS = """
      (async () => {
        const out = [];
        for (const figure of document.querySelectorAll('figure.chart')) {
          const links = figure.querySelectorAll('.chart-downloads a');
          links.forEach(a => a.click());
          for (let i = 0; i < 200 && !Array.from(links).every(a => a.getAttribute('data-ready')); i++) {
            await new Promise(r => setTimeout(r, 50));
          }
          const svg = figure.querySelector('a[data-format=svg]');
          const png = figure.querySelector('a[data-format=png]');
          const text = decodeURIComponent(svg.href.substring(svg.href.indexOf(',') + 1));
          const bytes = atob(png.href.substring(png.href.indexOf(',') + 1));
          const image = new Image();
          await new Promise((ok, fail) => { image.onload = ok; image.onerror = fail; image.src = png.href; });
          out.push({svg: text.substring(0, 200), hasTitle: text.includes('<text'), png: png.href.substring(0, 22),
              magic: bytes.substring(1, 4), width: image.naturalWidth, names: [svg.download, png.download]});
        }
        return JSON.stringify(out);
      })()
      """;

  /**
   * Every table-download link's label, file name, address and the text it resolves to (a page opened from
   * file:// may not fetch a file: those are read from disk by {@link #tables}).
   */
  static final String TABLES = """
      (async () => JSON.stringify(await Promise.all(Array.from(document.querySelectorAll('.table-downloads a'))
          .map(async a => ({label: a.textContent.trim(), file: a.download, href: a.href,
              text: a.href.startsWith('file:') ? null : await (await fetch(a.href)).text()})))))()
      """;

  static JsonNode tables() {
    JsonNode links = RunFolders.JSON.readTree(browser.eval(TABLES).asString());
    for (JsonNode link : links) {
      if (link.path("text").isNull()) {
        try {
          ((tools.jackson.databind.node.ObjectNode) link).put("text",
              java.nio.file.Files.readString(Path.of(java.net.URI.create(link.path("href").asString()))));
        } catch (java.io.IOException e) {
          throw new AssertionError("table link " + link.path("href") + " names no file: " + e);
        }
      }
    }
    return links;
  }

  @BeforeAll
  static void start() throws Exception {
    Chromium.require();
    var experiment = Lab.experiment("logreg-dl").data(new BlobData(120, 60)).model(LogisticRegression.defaults())
        .validation(0.25).evaluate(new Evaluation.Accuracy()).sweep("model.c", Lab.logGrid(0.01, 10, 3));
    Runner.Result result = Runner.execute(experiment, LabOptions.of(tmp).noSite(true),
        new PrintStream(OutputStream.nullOutputStream()));
    assertThat(result.exitCode()).isZero();
    summary = result.folder();
    SiteGenerator.build(tmp.resolve("runs"), tmp.resolve("site"), w -> { });
    server = Server.start("127.0.0.1", 0, tmp.resolve("runs"), tmp.resolve("served"), w -> { });
    browser = Chromium.start(tmp);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  void open(String url) {
    browser.openUntil(url, "Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView)",
        Duration.ofSeconds(30));
  }

  void checkCharts() {
    JsonNode charts = RunFolders.JSON.readTree(browser.eval(CHARTS).asString());
    assertThat(charts.size()).isPositive();
    for (JsonNode c : charts) {
      assertThat(c.path("svg").asString()).as(c.toString()).startsWith("<svg");
      assertThat(c.path("hasTitle").asBoolean()).isTrue();
      assertThat(c.path("png").asString()).isEqualTo("data:image/png;base64,");
      assertThat(c.path("magic").asString()).isEqualTo("PNG");
      assertThat(c.path("width").asInt()).isGreaterThan(100);
      assertThat(c.path("names").get(0).asString()).endsWith(".svg").isNotEqualTo("chart.svg");
      assertThat(c.path("names").get(1).asString()).endsWith(".png");
    }
  }

  void checkTables(int atLeast) {
    JsonNode links = tables();
    assertThat(links.size()).isGreaterThanOrEqualTo(3 * atLeast);
    for (int i = 0; i + 2 < links.size(); i += 3) {
      assertThat(links.get(i).path("label").asString()).isEqualTo("CSV");
      assertThat(links.get(i).path("file").asString()).endsWith(".csv");
      String csv = links.get(i).path("text").asString();
      String md = links.get(i + 1).path("text").asString();
      String tex = links.get(i + 2).path("text").asString();
      assertThat(md).startsWith("| ").contains("| --- |");
      assertThat(tex).contains("\\toprule", "\\midrule", "\\bottomrule");
      String firstColumn = csv.substring(0, csv.indexOf(',') < 0 ? csv.indexOf('\n') : csv.indexOf(','));
      assertThat(md).startsWith("| " + firstColumn + " |");
      assertThat(csv.lines().count()).isEqualTo(md.lines().count() - 1);
    }
  }

  @Test
  void experiment_page_downloads_work_from_file() {
    open(SiteGenerator.experimentPage(tmp.resolve("site"), "logreg-dl").toUri().toString());
    checkCharts();
    checkTables(2); // the sweep's trials and the runs table
    JsonNode texts = tables();
    assertThat(texts.get(0).path("text").asString()).startsWith("trial,run,status,model.c,");
  }

  @Test
  void experiment_and_run_page_downloads_work_from_the_server() {
    open(server.url() + "experiments/logreg-dl/index.html");
    checkCharts();
    checkTables(2);
    open(server.url() + "runs/logreg-dl/" + summary.getFileName() + "/index.html");
    checkCharts();
    checkTables(3); // final metrics, parameters and the sweep's trials table
    JsonNode texts = tables();
    assertThat(texts.get(0).path("text").asString()).startsWith("metric,value\n");
    assertThat(texts.get(2).path("text").asString()).contains("\\toprule\n    metric & value \\\\\n");
  }
}
