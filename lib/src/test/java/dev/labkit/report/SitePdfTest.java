package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code site pdf EXPERIMENT}: the lab report printed by headless Chromium, its pages rasterised by pdftoppm. */
class SitePdfTest {
  @TempDir Path tmp;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  CommandLine cli() {
    return SiteCommand.commandLine(tmp.resolve("runs"), tmp.resolve("site"),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void pdf_prints_the_report_with_its_figures_on_the_pages() throws Exception {
    Chromium.require();
    Path pdftoppm = Path.of("/usr/bin/pdftoppm");
    if (!Files.isExecutable(pdftoppm) && "1".equals(System.getenv("LABKIT_CI"))) {
      throw new AssertionError("LABKIT_CI=1 but there is no " + pdftoppm + ": .ci/run must install poppler-utils");
    }
    assumeTrue(Files.isExecutable(pdftoppm), "no " + pdftoppm + " here: apt-get install poppler-utils");
    ReportFixtures.sweep(tmp.resolve("runs"));

    int code = cli().execute("pdf", ReportFixtures.EXPERIMENT); // builds the site first: there is none yet

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    Path pdf = tmp.resolve("site/experiments/logreg-fashion/report.pdf");
    assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(pdf.toUri().toString());
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    Path pages = Files.createDirectories(tmp.resolve("pages"));
    Process raster = new ProcessBuilder(pdftoppm.toString(), "-r", "60", "-png", pdf.toString(),
        pages.resolve("page").toString()).redirectErrorStream(true).start();
    assertThat(raster.waitFor()).isZero();
    List<Path> pngs;
    try (Stream<Path> files = Files.list(pages)) {
      pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
    }
    assertThat(pngs).isNotEmpty();
    // A4 at 60 dpi is 496 × 702 px: a chart is the only coloured thing on the page (text, rules and
    // KaTeX print black), so a coloured area over 1.5 × 1 inch is a figure that was drawn before printing
    assertThat(pngs.stream().map(SitePdfTest::colouredArea).max(Integer::compare).orElseThrow())
        .as("largest coloured bounding box (px²) on any page").isGreaterThan(90 * 60);
  }

  @Test
  void without_chromium_pdf_says_which_package_to_install_in_one_line_and_fails() {
    ReportFixtures.sweep(tmp.resolve("runs"));
    CommandLine cli = cli();
    SiteCommand.Pdf pdf = cli.getSubcommands().get("pdf").getCommand();
    pdf.chromiumEnv = tmp.resolve("no-such-browser").toString();

    int code = cli.execute("pdf", ReportFixtures.EXPERIMENT);

    assertThat(code).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains("apt install chromium")
        .contains("brew install --cask chromium").contains("winget install");
  }

  @Test
  void an_unknown_experiment_is_a_one_line_error_naming_the_command_that_lists_them() {
    Chromium.require();
    ReportFixtures.sweep(tmp.resolve("runs"));

    int code = cli().execute("pdf", "no-such-experiment");

    assertThat(code).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("error: no experiment 'no-such-experiment'")
        .contains("lab runs").doesNotContain("\n");
  }

  /** The area of the bounding box of a page's saturated (coloured, not grey) pixels. */
  private static int colouredArea(Path png) {
    try {
      BufferedImage image = ImageIO.read(png.toFile());
      int minX = Integer.MAX_VALUE;
      int minY = Integer.MAX_VALUE;
      int maxX = -1;
      int maxY = -1;
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int rgb = image.getRGB(x, y);
          int r = rgb >> 16 & 0xff;
          int g = rgb >> 8 & 0xff;
          int b = rgb & 0xff;
          if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
          }
        }
      }
      return maxX < 0 ? 0 : (maxX - minX + 1) * (maxY - minY + 1);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + png, e);
    }
  }
}
