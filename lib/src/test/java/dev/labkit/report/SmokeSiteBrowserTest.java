package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.Lab;
import dev.labkit.data.Datasets;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.DecisionTree;
import dev.labkit.model.Gan;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.model.LogisticRegression;
import dev.labkit.run.BlobData;
import dev.labkit.run.Experiment;
import dev.labkit.run.TinyImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A whole site built from real experiments run in-process on small data (a comparison with fit and
 * predict times, a crossed classification sweep, a regression sweep, a tiny GAN), every page opened in
 * Chromium: no chart without marks, no element wider than the content column, readable pixel images
 * and provenance that says what the run used.
 */
class SmokeSiteBrowserTest {
  @TempDir static Path tmp;
  static Chromium browser;
  static List<Path> pages;

  /** Per Vega view: its title and how many data marks it drew with a non-empty extent (axes, legends not counted). */
  static final String MARKS = """
      JSON.stringify(Array.from(document.querySelectorAll('.chart-view')).map(el => {
        const view = el.vegaView;
        if (!view) return {title: 'no view', marks: -1};
        let marks = 0;
        let title = '(untitled)';
        const walk = (node, dataMark) => {
          if (!node) return;
          if (node.marktype) {
            const data = node.role === 'mark' && node.marktype !== 'group';
            if (node.role === 'title-text' && node.items && node.items[0]) title = [].concat(node.items[0].text).join(' ');
            (node.items || []).forEach(item => {
              const b = item.bounds;
              // a bar with a NaN height (a log axis has no 0 to start from) has an item but draws nothing
              const placed = ['x', 'y', 'width', 'height'].every(k => item[k] === undefined || isFinite(item[k]));
              if (data && placed && b && [b.x1, b.x2, b.y1, b.y2].every(isFinite) && (b.x2 > b.x1 || b.y2 > b.y1)) marks++;
              (item.items || []).forEach(child => walk(child, data));
            });
          }
        };
        walk(view.scenegraph().root, false);
        return {title: title, marks: marks};
      }))""";

  /** Every element inside main whose right edge passes the content column's, unless a scrolling box holds it. */
  static final String TOO_WIDE = """
      (() => {
        const main = document.querySelector('main');
        const style = getComputedStyle(main);
        const right = main.getBoundingClientRect().right - parseFloat(style.paddingRight) + 1;
        const scrolls = el => { for (let p = el.parentElement; p && p !== main; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
          return false; };
        return JSON.stringify(Array.from(main.querySelectorAll('*'))
          .filter(el => el.getClientRects().length > 0 && el.getBoundingClientRect().right > right && !scrolls(el))
          .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
            ? '.' + String(el.className).trim().replace(/\\s+/g, '.') : '') + ' "'
            + (el.textContent || '').trim().slice(0, 60) + '" right ' + Math.round(el.getBoundingClientRect().right)
            + ' > ' + Math.round(right)));
      })()""";

  @BeforeAll
  static void start() throws Exception {
    Chromium.require();
    List<Experiment> experiments = List.of(
        Lab.experiment("compare-blobs").data(new BlobData(150, 60))
            .compare(DecisionTree.defaults().maxDepth(2), LogisticRegression.defaults())
            .evaluate(new Evaluation.Accuracy()),
        Lab.experiment("crossed-blobs").data(new BlobData(120, 60)).model(LogisticRegression.defaults())
            .validation(0.25).evaluate(new Evaluation.Accuracy())
            .sweep("model.penalty", "l1", "l2").sweep("model.c", 0.1, 1, 10),
        Lab.experiment("line-sweep").data(Datasets.line().n(200)).model(LinearRegressionGd.defaults().steps(20))
            .sweep("model.lr", 0.01, 0.1),
        Lab.experiment("gan-tiny").data(new TinyImages(200)).model(Gan.defaults().latent(8).generator(16)
            .discriminator(16).batch(16).steps(20).sampleEvery(10).samples(100)));
    pages = RunsForPages.site(tmp, experiments);
    browser = Chromium.start(tmp);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  void open(Path page) {
    browser.open(page.toUri().toString());
    browser.waitFor("Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView || "
        + "v.querySelector('.chart-error'))", Duration.ofSeconds(20));
  }

  @Test
  void every_chart_on_every_page_draws_marks() {
    assertThat(pages).hasSizeGreaterThan(5);
    List<String> empty = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    int charts = 0;
    for (Path page : pages) {
      open(page);
      for (JsonNode view : RunFolders.JSON.readTree(browser.eval(MARKS).asString())) {
        charts++;
        titles.add(view.path("title").asString());
        if (view.path("marks").asInt() <= 0) {
          empty.add(tmp.relativize(page) + ": " + view.path("title").asString());
        }
      }
    }
    assertThat(charts).as("charts seen").isGreaterThan(10);
    assertThat(titles).as("charts seen").contains("Fit and predict time per model");
    assertThat(empty).as("charts with no marks").isEmpty();
  }

  @Test
  void no_element_is_wider_than_the_content_column() {
    List<String> wide = new ArrayList<>();
    for (Path page : pages) {
      open(page);
      for (JsonNode element : RunFolders.JSON.readTree(browser.eval(TOO_WIDE).asString())) {
        wide.add(tmp.relativize(page) + ": " + element.asString());
      }
    }
    assertThat(wide).as("elements wider than the content column").isEmpty();
  }

  Path ganPage() {
    return pages.stream().filter(p -> p.toString().contains("/runs/gan-tiny/") && p.endsWith("index.html"))
        .findFirst().orElseThrow();
  }

  @Test
  void gan_sample_grids_show_at_three_times_their_pixels_or_more_and_enlarge_on_a_click() {
    open(ganPage());
    browser.waitFor("Array.from(document.querySelectorAll('.tile img')).some(i => i.dataset.scale)",
        Duration.ofSeconds(10));
    JsonNode scales = RunFolders.JSON.readTree(browser.eval("""
        JSON.stringify(Array.from(document.querySelectorAll('.tile img')).filter(i => i.offsetParent && i.naturalWidth > 47)
          .map(i => i.getBoundingClientRect().width / i.naturalWidth))""").asString());
    assertThat(scales).as("shown sample grids and strips").isNotEmpty();
    scales.forEach(scale -> assertThat(scale.asDouble()).isGreaterThanOrEqualTo(3));
    browser.eval("document.querySelector('.tile.large img').click()");
    assertThat(browser.eval("document.querySelectorAll('.zoom img').length").asInt()).isEqualTo(1);
    browser.eval("document.querySelector('.zoom').click()");
    assertThat(browser.eval("document.querySelectorAll('.zoom').length").asInt()).isZero();
  }

  @Test
  void provenance_gives_the_cores_and_only_the_seeds_the_run_used() {
    open(ganPage());
    String provenance = browser.eval("""
        Array.from(document.querySelectorAll('h2')).find(h => h.textContent === 'Provenance')
          .parentElement.textContent""").asString();
    assertThat(provenance).containsPattern("cores\\s*[1-9]").contains("gan.steps").doesNotContain("cv.folds");
  }
}
