package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.Lab;
import dev.labkit.model.Gan;
import dev.labkit.run.Experiment;
import dev.labkit.run.TinyImages;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A comparison across two experiments run in-process (two tiny GANs of different sizes), opened in
 * Chromium: the shared curves are overlaid with a line per run and the sample galleries stand side by
 * side at one pixel scale.
 */
class CrossCompareBrowserTest {
  @TempDir static Path tmp;
  static Chromium browser;
  static Path page;

  @BeforeAll
  static void start() throws Exception {
    Chromium.require();
    List<Experiment> experiments = List.of(
        Lab.experiment("gan-small").data(new TinyImages(120)).model(Gan.defaults().latent(4).generator(8)
            .discriminator(8).batch(16).steps(12).sampleEvery(6).samples(60)),
        Lab.experiment("gan-wide").data(new TinyImages(120)).model(Gan.defaults().latent(8).generator(16)
            .discriminator(16).batch(16).steps(12).sampleEvery(6).samples(60)));
    RunsForPages.run(tmp, experiments);
    int code = SiteCommand.commandLine(tmp.resolve("runs"), tmp.resolve("site"),
        new PrintStream(OutputStream.nullOutputStream()), System.err).execute("compare", "gan-small", "gan-wide");
    assertThat(code).isZero();
    page = CrossComparePage.page(tmp.resolve("site"), "gan-small-vs-gan-wide");
    browser = Chromium.start(tmp);
  }

  /** Opens the saved comparison and waits for its curves. */
  static void openSaved() {
    browser.open(page.toUri().toString());
    browser.waitFor("document.body.getAttribute('data-compared') === '2' && "
        + "Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView)", Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void the_shared_curves_are_overlaid_with_marks_and_a_legend_entry_per_experiment() {
    openSaved();
    JsonNode charts = RunFolders.JSON.readTree(browser.eval(SmokeSiteBrowserTest.MARKS).asString());
    assertThat(charts).as("overlaid curves").isNotEmpty();
    charts.forEach(c -> assertThat(c.path("marks").asInt()).as(c.path("title").asString()).isPositive());
    String legends = browser.eval("""
        Array.from(document.querySelectorAll('#compare-curves .chart-view')).map(el => {
          const labels = [];
          const walk = n => { if (!n) return; if (n.role === 'legend-label') (n.items || []).forEach(i => labels.push(i.text));
            (n.items || []).forEach(i => (i.items || []).forEach(walk)); };
          walk(el.vegaView.scenegraph().root);
          return labels.join('|'); })[0]""").asString();
    assertThat(legends).contains("gan-small · ").contains("gan-wide · ");
  }

  @Test
  void the_galleries_stand_side_by_side_at_one_pixel_scale() {
    openSaved();
    browser.waitFor("document.querySelectorAll('.compare-grid img[data-scale]').length > 0", Duration.ofSeconds(10));
    JsonNode scales = RunFolders.JSON.readTree(browser.eval("""
        JSON.stringify(Array.from(document.querySelectorAll('.compare-grid')).map(g =>
          Array.from(g.querySelectorAll('img[data-scale]')).map(i => i.getBoundingClientRect().width / i.naturalWidth)))""")
        .asString());
    assertThat(scales).isNotEmpty();
    for (JsonNode group : scales) {
      assertThat(group).isNotEmpty();
      double first = group.get(0).asDouble();
      group.forEach(s -> assertThat(s.asDouble()).isCloseTo(first, within(0.01)));
      assertThat(first).isGreaterThanOrEqualTo(1);
    }
    assertThat(browser.eval("document.querySelectorAll('.compare-grid')[0].children.length").asInt()).isEqualTo(2);
    assertThat(browser.eval(SmokeSiteBrowserTest.TOO_WIDE).asString()).isEqualTo("[]");
  }

  @Test
  void ticking_runs_of_two_experiments_on_the_index_and_pressing_compare_opens_them_side_by_side() {
    browser.open(tmp.resolve("site/index.html").toUri().toString());
    assertThat(browser.eval("document.querySelector('button[data-compare]').disabled").asBoolean()).isTrue();
    browser.eval("(() => { document.querySelectorAll('section').forEach(s => { const box = s.querySelector('input.pick');"
        + " if (box) { box.checked = true; box.dispatchEvent(new Event('change', {bubbles: true})); } });"
        + " setTimeout(() => document.querySelector('button[data-compare]').click(), 0); })()");
    browser.waitFor("location.pathname.endsWith('/compare/index.html') && document.readyState === 'complete'"
        + " && document.body.getAttribute('data-compared') === '2'", Duration.ofSeconds(20));
    String header = browser.eval("document.querySelector('#compare-params thead').textContent").asString();
    assertThat(header).contains("gan-small · ").contains("gan-wide · ");
    assertThat(browser.eval("document.querySelector('#compare-params tbody').textContent").asString()).contains("model.latent");
    browser.waitFor("Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView)", Duration.ofSeconds(20));
    RunFolders.JSON.readTree(browser.eval(SmokeSiteBrowserTest.MARKS).asString())
        .forEach(c -> assertThat(c.path("marks").asInt()).as(c.path("title").asString()).isPositive());
  }
}
