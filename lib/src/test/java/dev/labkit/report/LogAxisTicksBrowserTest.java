package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A sweep of {@code model.c} over four decades (logreg's C grid, 0.01 to 100), and one over two values
 * (0.1, 0.2) on a linear axis, drawn in Chromium: no two tick labels of any axis overlap or touch (they read
 * "0.010.02" when every minor tick of a log axis was labelled, "0.100.11" at the ends of the linear one).
 */
class LogAxisTicksBrowserTest {
  @TempDir static Path tmp;
  static Chromium browser;

  /** Per chart and axis, the pairs of visible tick labels whose boxes overlap, as "chart: a / b". */
  static final String OVERLAPS = """
      JSON.stringify(Array.from(document.querySelectorAll('.chart-view svg')).flatMap((svg, n) => {
        const title = (svg.querySelector('.role-title-text') || {}).textContent || ('chart ' + n);
        return Array.from(svg.querySelectorAll('.role-axis')).flatMap(axis => {
          const labels = Array.from(axis.querySelectorAll('.role-axis-label text'))
            .filter(t => t.textContent && getComputedStyle(t).opacity !== '0' && t.getAttribute('opacity') !== '0')
            .map(t => ({text: t.textContent, box: t.getBoundingClientRect()}));
          const hits = [];
          for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
            const a = labels[i].box, b = labels[j].box;
            // closer than 4 px reads as one label ("0.010.02"): boxes widened by 2 px each side
            if (a.left - 2 < b.right + 2 && b.left - 2 < a.right + 2 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
              hits.push(title + ': ' + labels[i].text + ' / ' + labels[j].text);
          }
          return hits;
        });
      }))""";

  /** How many labelled ticks the charts' log axes show, per chart: a log axis must still say where it is. */
  static final String LOG_LABELS = """
      JSON.stringify(Array.from(document.querySelectorAll('.chart-view svg'))
        .filter(svg => ((svg.querySelector('.role-title-text') || {}).textContent || '').includes('against model.c'))
        .map(svg => Array.from(svg.querySelectorAll('.role-axis-label text'))
          .filter(t => t.textContent && t.getAttribute('opacity') !== '0' && /^[0-9.]+$/.test(t.textContent)).length))""";

  @BeforeAll
  static void start() throws Exception {
    Chromium.require();
    Path runs = tmp.resolve("runs");
    double[] grid = new double[16];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = Math.pow(10, -2 + 4.0 * i / (grid.length - 1)); // 0.01 … 100, log-spaced like logreg's
    }
    for (int i = 0; i < grid.length; i++) {
      Fixtures.sweepTrial(runs, "logreg", "20261126-2200%02d-%04d".formatted(i, i), "s", i + 1, grid.length,
          grid[i], 0.80 + 0.004 * i, 0.85 + 0.005 * i);
    }
    // two swept values on a linear axis: 0.1 and 0.2, ticked every 0.01
    Fixtures.sweepTrial(runs, "narrow", "20261126-230000-0000", "n", 1, 2, 0.1, 0.81, 0.86);
    Fixtures.sweepTrial(runs, "narrow", "20261126-230001-0001", "n", 2, 2, 0.2, 0.82, 0.87);
    SiteGenerator.build(runs, tmp.resolve("site"), w -> { });
    browser = Chromium.start(tmp);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void tick_labels_of_a_log_axis_over_four_decades_do_not_overlap() {
    Path page = SiteGenerator.experimentPage(tmp.resolve("site"), "logreg");
    browser.open(page.toUri().toString());
    browser.waitFor("Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView)", Duration.ofSeconds(20));
    List<String> overlaps = new ArrayList<>();
    RunFolders.JSON.readTree(browser.eval(OVERLAPS).asString()).forEach(o -> overlaps.add(o.asString()));
    assertThat(overlaps).as("overlapping tick labels").isEmpty();
    JsonNode labelled = RunFolders.JSON.readTree(browser.eval(LOG_LABELS).asString());
    assertThat(labelled).isNotEmpty();
    labelled.forEach(n -> assertThat(n.asInt()).as("labelled ticks of a chart").isGreaterThanOrEqualTo(3));
  }

  @Test
  void tick_labels_of_a_linear_axis_over_two_swept_values_do_not_touch() {
    Path page = SiteGenerator.experimentPage(tmp.resolve("site"), "narrow");
    browser.open(page.toUri().toString());
    browser.waitFor("Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView)", Duration.ofSeconds(20));
    List<String> overlaps = new ArrayList<>();
    RunFolders.JSON.readTree(browser.eval(OVERLAPS).asString()).forEach(o -> overlaps.add(o.asString()));
    assertThat(overlaps).as("overlapping tick labels").isEmpty();
  }
}
