package dev.labkit.report;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The browser checks of a whole site, for the smoke module (which builds a site over every catalog
 * script's {@code --smoke} run) and the library's own tests: each returns what is wrong, one line per
 * problem, so a test asserts the list is empty. Drives headless Chromium ({@link Chromium}).
 *
 * <pre>{@code
 * try (SiteChecks checks = SiteChecks.start(workDir)) {
 *   assertThat(checks.emptyCharts(site)).isEmpty();
 * }
 * }</pre>
 */
public final class SiteChecks implements AutoCloseable {
  private final Chromium browser;
  private int charts;

  private SiteChecks(Chromium browser) {
    this.browser = browser;
  }

  /** Starts Chromium; skips the calling test where there is none, fails under {@code LABKIT_CI=1}. */
  public static SiteChecks start(Path work) throws IOException, InterruptedException {
    Chromium.require();
    return new SiteChecks(Chromium.start(work));
  }

  /** Every page of a built site, sorted. */
  public static List<Path> pages(Path siteDir) throws IOException {
    try (Stream<Path> files = Files.walk(siteDir)) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  /** How many charts the last {@link #emptyCharts} saw. */
  public int chartsSeen() {
    return charts;
  }

  /** Opens a page (file:// or http://) and waits until each chart is drawn or says why not. */
  public void open(String url) {
    browser.openUntil(url, "Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView || "
        + "v.querySelector('.chart-error')) && (!document.getElementById('compare-index') || "
        + "document.body.hasAttribute('data-compared') || !document.getElementById('compare-status').hidden)",
        Duration.ofSeconds(30));
    // a compare page draws its charts after loading the runs' data: wait for those too
    browser.waitFor("Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView || "
        + "v.querySelector('.chart-error') || v.textContent.includes('could not'))", Duration.ofSeconds(30));
  }

  /** Per page, each chart that drew no data mark ("page: title"), and each that failed to draw. */
  public List<String> emptyCharts(Path siteDir) throws IOException {
    List<String> empty = new ArrayList<>();
    charts = 0;
    for (Path page : pages(siteDir)) {
      open(page.toUri().toString());
      for (JsonNode view : RunFolders.JSON.readTree(browser.eval(SmokeSiteBrowserTest.MARKS).asString())) {
        charts++;
        if (view.path("marks").asInt() <= 0) {
          empty.add(siteDir.relativize(page) + ": " + view.path("title").asString());
        }
      }
    }
    return empty;
  }

  /** Per page, the elements whose right edge passes the content column's (unless a scrolling box holds them). */
  public List<String> tooWide(Path siteDir) throws IOException {
    List<String> wide = new ArrayList<>();
    for (Path page : pages(siteDir)) {
      open(page.toUri().toString());
      for (JsonNode element : RunFolders.JSON.readTree(browser.eval(SmokeSiteBrowserTest.TOO_WIDE).asString())) {
        wide.add(siteDir.relativize(page) + ": " + element.asString());
      }
    }
    return wide;
  }

  /**
   * On one page (file:// or http://): each chart's SVG and PNG links must give an SVG document and a
   * decodable PNG, each table's CSV, Markdown and LaTeX links the same table's texts. Returns the problems;
   * a page with neither a chart nor a table is a problem too.
   */
  public List<String> downloads(String url) {
    open(url);
    List<String> problems = new ArrayList<>();
    JsonNode charts = RunFolders.JSON.readTree(browser.eval(DownloadsBrowserTest.CHARTS).asString());
    for (JsonNode c : charts) {
      boolean ok = c.path("svg").asString().startsWith("<svg") && "PNG".equals(c.path("magic").asString())
          && c.path("width").asInt() > 100 && c.path("names").get(0).asString().endsWith(".svg")
          && c.path("names").get(1).asString().endsWith(".png");
      if (!ok) {
        problems.add(url + ": chart download " + c);
      }
    }
    JsonNode links = tableLinks();
    for (int i = 0; i + 2 < links.size(); i += 3) {
      String csv = links.get(i).path("text").asString();
      String md = links.get(i + 1).path("text").asString();
      String tex = links.get(i + 2).path("text").asString();
      boolean ok = "CSV".equals(links.get(i).path("label").asString()) && !csv.isBlank()
          && md.startsWith("| ") && md.contains("| --- |") && tex.contains("\\toprule") && tex.contains("\\bottomrule")
          && csv.lines().count() == md.lines().count() - 1;
      if (!ok) {
        problems.add(url + ": table download " + links.get(i).path("file").asString());
      }
    }
    if (charts.isEmpty() && links.isEmpty()) {
      problems.add(url + ": no chart or table download to check");
    }
    return problems;
  }

  /** Every table link with the text it gives (a file:// page may not fetch: those are read from disk). */
  private JsonNode tableLinks() {
    JsonNode links = RunFolders.JSON.readTree(browser.eval(DownloadsBrowserTest.TABLES).asString());
    for (JsonNode link : links) {
      if (link.path("text").isNull()) {
        String text;
        try {
          text = Files.readString(Path.of(URI.create(link.path("href").asString())));
        } catch (IOException | RuntimeException e) {
          text = "";
        }
        ((tools.jackson.databind.node.ObjectNode) link).put("text", text);
      }
    }
    return links;
  }

  @Override
  public void close() {
    browser.close();
  }
}
