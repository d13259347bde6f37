package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.ground.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The site in a real headless Chromium, from file:// and from the server: every page type loads
 * with no console error and no request leaving the machine, charts draw marks, the gallery slider
 * and the compare action work, and a running run's page follows its metrics. Screenshots of each
 * page go to lib/target/screenshots/.
 */
class BrowserTest {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String GAN = "20261126-230000-9a9a";
  static final String LOGREG = "20261126-213000-1a2b";
  static final String TRAINING = "20261126-235900-7777";
  static final String[] TRIALS = {"20261126-220000-0000", "20261126-220001-0001", "20261126-220002-0002"};

  /** Every page type, by its path in the site. */
  static final Map<String, String> PAGES = Map.of(
      "index", "index.html",
      "experiment", "experiments/sweep/index.html",
      "run", "runs/gan/" + GAN + "/index.html",
      "run-logreg", "runs/logreg/" + LOGREG + "/index.html",
      "compare", "experiments/sweep/compare.html#runs=" + TRIALS[0] + "," + TRIALS[2]);

  @TempDir static Path tmp;
  static Chromium browser;
  static Server server;

  @BeforeAll
  static void start() throws Exception {
    Chromium.require();
    Path runs = tmp.resolve("runs");
    Fixtures.galleryRun(runs, "gan", GAN);
    Fixtures.finishedRun(runs, "logreg", LOGREG);
    for (int i = 0; i < TRIALS.length; i++) {
      Fixtures.sweepTrial(runs, "sweep", TRIALS[i], "s", i + 1, 3, Math.pow(10, 2 * i - 2), 0.80 + i * 0.02, 0.9);
    }
    Fixtures.trainingRun(runs, "mlp", TRAINING, 5);
    SiteGenerator.build(runs, tmp.resolve("site"), w -> { });
    server = Server.start("127.0.0.1", 0, runs, tmp.resolve("served"), w -> { });
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

  @BeforeEach
  void clearRecords() {
    browser.problems.clear();
    browser.requests.clear();
  }

  String fileUrl(String page) {
    String[] parts = page.split("#", 2);
    return tmp.resolve("site").resolve(parts[0]).toUri() + (parts.length > 1 ? "#" + parts[1] : "");
  }

  @Test
  void every_page_type_loads_from_file_urls_with_no_console_errors_and_no_request_leaving_the_machine()
      throws IOException {
    for (var page : PAGES.entrySet()) {
      load(fileUrl(page.getValue()), page.getKey() + "-file");
    }
    assertThat(browser.requests).isNotEmpty().allMatch(url -> url.startsWith("file://") || url.startsWith("data:"));
  }

  @Test
  void every_page_type_loads_from_the_server_with_no_console_errors_and_no_request_leaving_the_machine()
      throws IOException {
    for (var page : PAGES.entrySet()) {
      load(server.url() + page.getValue(), page.getKey() + "-served");
    }
    assertThat(browser.requests).isNotEmpty()
        .allMatch(url -> url.startsWith(server.url()) || url.startsWith("data:"));
  }

  /** Opens a page, waits until every chart view holds a drawn SVG with marks, screenshots it. */
  void load(String url, String name) throws IOException {
    browser.open(url);
    if (name.startsWith("compare")) {
      browser.waitFor("document.body.getAttribute('data-compared') === '2'", Duration.ofSeconds(15));
    }
    browser.waitFor("Array.from(document.querySelectorAll('.chart-view')).every(v => v.querySelector('svg.marks'))",
        Duration.ofSeconds(20));
    int views = browser.eval("document.querySelectorAll('.chart-view').length").asInt();
    int marks = browser.eval("document.querySelectorAll('.chart-view svg .mark-line path, .chart-view svg .mark-symbol path,"
        + " .chart-view svg .mark-rect path, .chart-view svg .mark-line, .chart-view svg .mark-rule line').length").asInt();
    assertThat(marks).as(name + ": marks in " + views + " charts").isGreaterThanOrEqualTo(views);
    if (!name.startsWith("index")) {
      assertThat(views).as(name + ": charts").isPositive();
    }
    assertThat(browser.problems).as(name + ": console errors, exceptions, failed loads").isEmpty();
    browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
  }

  @Test
  void the_gallery_slider_shows_the_images_of_the_step_it_is_moved_to() throws IOException {
    browser.open(fileUrl(PAGES.get("run")));
    String visible = "Array.from(document.querySelectorAll('.stepper .frame:not([hidden]) img')).map(i => i.getAttribute('src')).join(' ')";
    assertThat(browser.eval(visible).asString()).isEqualTo("artifacts/samples/200-0.png artifacts/samples/200-1.png");

    browser.eval("(() => { const s = document.querySelector('.stepper input'); s.value = 0;"
        + " s.dispatchEvent(new Event('input')); })()");

    assertThat(browser.eval(visible).asString()).isEqualTo("artifacts/samples/0-0.png artifacts/samples/0-1.png");
    assertThat(browser.eval("document.querySelector('.stepper output').textContent").asString()).isEqualTo("step 0");
    browser.waitFor("Array.from(document.querySelectorAll('.stepper .frame:not([hidden]) img')).every(i => i.complete && i.naturalWidth > 0)",
        Duration.ofSeconds(5));
    browser.screenshot(SCREENSHOTS.resolve("run-slider-step-0.png"));
    assertThat(browser.problems).isEmpty();
  }

  @Test
  void ticking_two_runs_and_pressing_compare_opens_the_compare_page_with_those_runs() throws IOException {
    browser.open(fileUrl(PAGES.get("experiment")));
    assertThat(browser.eval("document.querySelector('button[data-compare]').disabled").asBoolean()).isTrue();

    // the button's click navigates: it runs after this evaluation has returned
    browser.eval("(() => { for (const id of ['" + TRIALS[0] + "', '" + TRIALS[1] + "']) {"
        + " document.querySelector('input.pick[value=\"' + id + '\"]').click(); }"
        + " setTimeout(() => document.querySelector('button[data-compare]').click(), 0); })()");
    browser.waitFor("location.pathname.endsWith('/compare.html') && document.readyState === 'complete'"
        + " && document.body.getAttribute('data-compared') === '2'", Duration.ofSeconds(15));

    // in the table's order: newest first
    assertThat(browser.eval("location.hash").asString()).isEqualTo("#runs=" + TRIALS[1] + "," + TRIALS[0]);
    String params = browser.eval("document.querySelector('#compare-params tbody').textContent").asString();
    assertThat(params).contains("model.c", "0.01", "1.0").doesNotContain("fashion-mnist");
    // only test/accuracy differs (0.80 and 0.82); equal values mark nothing
    assertThat(browser.eval("Array.from(document.querySelectorAll('#compare-metrics td.best')).map(td => td.textContent)"))
        .singleElement().extracting(JsonNode::asString).isEqualTo("0.82");
    browser.waitFor("document.querySelectorAll('#compare-curves svg.marks').length === 1", Duration.ofSeconds(15));
    browser.screenshot(SCREENSHOTS.resolve("compare-from-action.png"));
    assertThat(browser.problems).isEmpty();
  }

  @Test
  void markup_in_experiment_names_and_params_never_runs_in_any_page_type() throws IOException {
    String evil = "<img src=x onerror=window.pwned=1>";
    Path runs = tmp.resolve("evil-runs");
    for (String id : TRIALS) {
      // the sweep id goes into run.json as it is: its quotes escaped for JSON
      Path run = Fixtures.sweepTrial(runs, evil, id, "\\\"onerror=window.pwned=2 x=\\\"", 1, 2, 1.0, 0.8, 0.9);
      Fixtures.write(run.resolve("run.json"), Files.readString(run.resolve("run.json"))
          .replace("\"seed\": 42,", "\"seed\": 42, \"</script><script>window.pwned=3</script>\": \"" + id
              + "<svg onload=window.pwned=4>\","));
    }
    Path site = tmp.resolve("evil-site");
    SiteGenerator.build(runs, site, w -> { });
    Path experiment = SiteGenerator.experimentPage(site, evil);
    assertThat(experiment).isRegularFile();
    assertThat(SiteGenerator.runPage(site, evil, TRIALS[0])).isRegularFile();
    for (String url : List.of(site.resolve("index.html").toUri().toString(), experiment.toUri().toString(),
        SiteGenerator.runPage(site, evil, TRIALS[0]).toUri().toString(),
        experiment.resolveSibling("compare.html").toUri() + "#runs=" + TRIALS[0] + "," + TRIALS[1])) {
      browser.open(url);
      browser.waitFor("Array.from(document.querySelectorAll('.chart-view')).every(v => v.querySelector('svg.marks'))",
          Duration.ofSeconds(20));
      if (url.contains("#runs=")) {
        browser.waitFor("document.body.getAttribute('data-compared') === '2'", Duration.ofSeconds(15));
      }
      assertThat(browser.eval("typeof window.pwned").asString()).as(url).isEqualTo("undefined");
    }
    assertThat(browser.eval("document.querySelector('#compare-params tbody').textContent").asString())
        .contains("<svg onload=window.pwned=4>");
    browser.screenshot(SCREENSHOTS.resolve("compare-escaped.png"));
  }

  @Test
  void the_filter_hides_runs_that_do_not_match() {
    browser.open(fileUrl("index.html"));
    browser.eval("(() => { const f = document.querySelector('input[data-filter]'); f.value = 'gan';"
        + " f.dispatchEvent(new Event('input')); })()");
    List<String> shown = new ArrayList<>();
    browser.eval("Array.from(document.querySelectorAll('table.runs tbody tr:not([hidden])')).map(r => r.textContent)")
        .forEach(n -> shown.add(n.asString()));
    assertThat(shown).singleElement().asString().contains(GAN);
  }

  @Test
  void a_running_runs_page_shows_a_new_metric_point_within_five_seconds_without_a_reload() throws IOException {
    browser.open(server.url() + "runs/mlp/" + TRAINING + "/index.html");
    browser.waitFor("document.body.getAttribute('data-live-version')", Duration.ofSeconds(5));
    browser.eval("window.sameDocument = true");

    Files.writeString(tmp.resolve("runs/mlp/" + TRAINING + "/metrics.csv"), "5,train/loss,0.25,1.2\n",
        StandardOpenOption.APPEND);
    Duration took = browser.waitFor("document.querySelector('#curves .chart-view').getAttribute('data-points') === '6'"
        + " && document.querySelector('#last-logged tbody').textContent.includes('0.2500')", Duration.ofSeconds(5));

    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(browser.eval("window.sameDocument === true").asBoolean()).as("no reload").isTrue();
    browser.screenshot(SCREENSHOTS.resolve("run-live.png"));
    assertThat(browser.problems).isEmpty();
  }
}
