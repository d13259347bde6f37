package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab report page in real headless Chromium, opened from file:// with no network. */
class ReportBrowserTest {
  @TempDir Path tmp;

  @Test
  void katex_typesets_the_notes_math_from_the_bundled_assets_and_no_raw_tex_is_left() throws Exception {
    Chromium.require();
    ReportFixtures.sweep(tmp.resolve("runs"));
    SiteGenerator.build(tmp.resolve("runs"), tmp.resolve("site"), line -> { });
    Path report = SiteGenerator.reportPage(tmp.resolve("site"), ReportFixtures.EXPERIMENT);

    try (Chromium browser = Chromium.start(tmp)) {
      browser.openUntil(report.toUri().toString(), "document.documentElement.dataset.math === 'done'"
          + " && document.querySelectorAll('.chart-view svg').length > 0", Duration.ofSeconds(30));

      assertThat(browser.eval("document.querySelectorAll('.notes .katex').length").asInt()).isEqualTo(3);
      assertThat(browser.eval("document.querySelectorAll('.notes .katex-display').length").asInt()).isEqualTo(1);
      String text = browser.eval("document.querySelector('.notes').innerText").asString();
      assertThat(text).doesNotContain("$$").doesNotContain("\\(").doesNotContain("\\[").doesNotContain("\\frac")
          .contains("<script>alert('raw HTML')</script>"); // raw HTML in a note is shown as text
      // KaTeX's fonts came from assets/katex/fonts: every request stayed on file://
      assertThat(browser.eval("document.fonts.check('16px KaTeX_Main')").asBoolean()).isTrue();
      assertThat(browser.requests).isNotEmpty().allMatch(url -> url.startsWith("file://") || url.startsWith("data:"));
      assertThat(browser.problems).as("console errors, exceptions, failed loads").isEmpty();
    }
  }

  @Test
  void in_print_the_page_drops_navigation_download_links_and_numbers_its_figures_and_tables() throws Exception {
    Chromium.require();
    ReportFixtures.sweep(tmp.resolve("runs"));
    SiteGenerator.build(tmp.resolve("runs"), tmp.resolve("site"), line -> { });
    Path report = SiteGenerator.reportPage(tmp.resolve("site"), ReportFixtures.EXPERIMENT);

    try (Chromium browser = Chromium.start(tmp)) {
      browser.openUntil(report.toUri().toString(), "document.querySelectorAll('.chart-view svg').length > 0",
          Duration.ofSeconds(30));
      browser.emulatePrint();

      String hidden = "[...document.querySelectorAll('%s')].every(e => getComputedStyle(e).display === 'none')";
      for (String selector : new String[] {".topbar", "nav.crumbs", ".downloads", ".footer"}) {
        assertThat(browser.eval(hidden.formatted(selector)).asBoolean()).as(selector + " hidden in print").isTrue();
      }
      assertThat(browser.eval("getComputedStyle(document.querySelector('.report-figure .caption'), '::before')"
          + ".content").asString()).isEqualTo("\"Figure \" counter(figure) \". \"");
      assertThat(browser.eval("getComputedStyle(document.querySelector('.report-figure')).breakInside").asString())
          .isEqualTo("avoid");
      assertThat(browser.eval("getComputedStyle(document.body).backgroundColor").asString())
          .isEqualTo("rgb(255, 255, 255)");
    }
  }
}
