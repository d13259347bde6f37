package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.cli.LabOptions;
import dev.labkit.run.GanSquares;
import dev.labkit.run.Runner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GAN page sections issue 19 adds, drawn in a headless Chromium from real smoke runs on coloured
 * squares: a tied sweep of G's and D's widths (its summary: every trial's final samples with FID and
 * verdict, every trial's class histogram; a trial: D against G, gradient norms, train-on-synthetic with
 * the reference classifier's labels) and a GAN of one class (histogram and collapse check "do not apply").
 */
class GanPagesBrowserTest {
  @TempDir static Path tmp;
  static Chromium browser;
  static Path summary;
  static Path oneClass;

  @BeforeAll
  static void start() throws Exception {
    Chromium.require();
    var quiet = new PrintStream(OutputStream.nullOutputStream());
    LabOptions options = LabOptions.of(tmp).noSite(true).smoke(true);
    Runner.Result sweep = Runner.execute(GanSquares.experiment(tmp, "gan-tied", "0,1")
        .sweepTogether(List.of("model.generator", "model.discriminator"), "16", "8x8"), options, quiet);
    assertThat(sweep.exitCode()).isZero();
    summary = sweep.folder();
    Runner.Result one = Runner.execute(GanSquares.experiment(tmp, "gan-one-class", "0"), options, quiet);
    assertThat(one.exitCode()).isZero();
    oneClass = one.folder();
    SiteGenerator.build(tmp.resolve("runs"), tmp.resolve("site"), w -> { });
    browser = Chromium.start(tmp);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  String text(Path page) {
    browser.open(page.toUri().toString());
    browser.waitFor("Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView)",
        Duration.ofSeconds(20));
    assertThat(browser.problems).as("console errors, exceptions, failed loads").isEmpty();
    return browser.eval("document.body.innerText").asString();
  }

  Path page(String experiment, Path run) {
    return SiteGenerator.runPage(tmp.resolve("site"), experiment, run.getFileName().toString());
  }

  @Test
  void the_sweep_summary_shows_every_trials_final_samples_beside_its_fid_and_the_class_histograms() {
    String text = text(page("gan-tied", summary));
    assertThat(text).contains("Final samples of every trial", "model.generator,model.discriminator 16",
        "model.generator,model.discriminator 8x8", "FID");
    String charts = browser.eval("JSON.stringify(Array.from(document.querySelectorAll('.chart-view'))"
        + ".filter(v => v.vegaView).map(v => JSON.parse(v.nextElementSibling.textContent).title))").asString();
    assertThat(charts).contains("Classes of each trial's samples");
    long images = browser.eval("Array.from(document.querySelectorAll('img'))"
        + ".filter(i => i.getAttribute('src').includes('trial-samples')).length").asLong();
    assertThat(images).isEqualTo(2);
  }

  @Test
  void a_trial_page_says_who_dominated_charts_gradient_norms_and_labels_tstr_by_the_reference() throws Exception {
    Path trial;
    try (Stream<Path> runs = Files.list(tmp.resolve("runs/gan-tied"))) {
      trial = runs.filter(p -> !p.equals(summary) && Files.isDirectory(p)).sorted().findFirst().orElseThrow();
    }
    String text = text(page("gan-tied", trial));
    assertThat(text).contains("D against G:", "labelled by the reference classifier", "train/g_grad_norm",
        "train/d_grad_norm");
  }

  @Test
  void a_one_class_page_says_the_histogram_and_collapse_check_do_not_apply() {
    String text = text(page("gan-one-class", oneClass));
    assertThat(text).contains("Mode collapse check: does not apply (one class)",
        "Classes of samples: does not apply (one class)", "domain FID");
  }
}
