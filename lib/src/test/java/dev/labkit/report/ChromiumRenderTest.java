package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a built run page in headless Chromium from file:// and checks that vega-embed drew its
 * charts with nothing but Chromium's own --dump-dom: proof that the bundled scripts load offline and
 * render, apart from the DevTools driver that {@link BrowserTest} uses. Skipped where there is no
 * /usr/bin/chromium, except in CI ({@link Chromium#require()}).
 */
class ChromiumRenderTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final String RUN = "20261126-214000-5e5e";

  @TempDir Path tmp;

  @Test
  void vega_embed_draws_the_run_pages_charts_as_svg_from_file_urls_with_no_console_messages() throws Exception {
    Chromium.require();
    Fixtures.solverRun(tmp.resolve("runs"), "solver", RUN, "Learning rate");
    SiteGenerator.build(tmp.resolve("runs"), tmp.resolve("site"), w -> { });
    Path page = SiteGenerator.runPage(tmp.resolve("site"), "solver", RUN);

    Browser result = dumpDom(page, tmp.resolve("chromium"));

    // vega's SVG renderer gives each view <svg class="marks">; one per chart (two curves' prefix + lr)
    assertThat(result.dom().split("class=\"marks\"", -1).length - 1).as("charts drawn").isEqualTo(2);
    assertThat(result.dom()).doesNotContain("chart-error", "Charts need JavaScript");
    assertThat(result.consoleLines()).as("console messages").isEmpty();
  }

  record Browser(String dom, List<String> consoleLines) {}

  /** Runs Chromium headless with a virtual time budget long enough for vega to render, and dumps the DOM. */
  static Browser dumpDom(Path page, Path work) throws IOException, InterruptedException {
    Path profile = Files.createDirectories(work.resolve("profile"));
    Path out = work.resolve("dom.html");
    Path err = work.resolve("chromium.log");
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
        "--dump-dom", page.toUri().toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s; its log: " + Files.readString(err));
    }
    List<String> console = new ArrayList<>();
    for (String line : Files.readAllLines(err)) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return new Browser(Files.readString(out), console);
  }
}
