package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.labkit.report.CompareSelection;
import dev.labkit.report.Server;
import dev.labkit.report.SiteChecks;
import dev.labkit.report.SiteGenerator;
import dev.labkit.store.RunTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The site over every catalog script's {@code --smoke} run (the runs {@link CatalogTest} made in one
 * folder), checked in headless Chromium with {@link SiteChecks}: no chart without marks, nothing wider
 * than the content column, chart and table downloads from file:// and from {@code site serve}.
 */
final class SmokeSite {
  private SmokeSite() {}

  /**
   * Builds {@code out/site} from {@code out/runs}, with a saved comparison of the GAN experiments
   * (gan vs dcgan vs cgan) so the compare page is checked too. Skips when the catalog made no runs
   * (its run test was filtered out).
   */
  static Path build(Path out) {
    Path runs = out.resolve("runs");
    List<String> experiments = RunTree.children(runs).stream().map(p -> p.getFileName().toString()).toList();
    assumeTrue(!experiments.isEmpty(), "no catalog runs in " + runs + ": run every_alias_runs_in_smoke_mode first");
    List<String> gans = experiments.stream().filter(e -> e.matches("(dc|c)?gan.*") && !e.contains("sweep")).toList();
    if (gans.size() >= 2) {
      new CompareSelection("gans", gans).save(runs);
    }
    SiteGenerator.build(runs, out.resolve("site"), warning -> System.out.println("[site] " + warning));
    return out.resolve("site");
  }

  static void checkCharts(Path out, Path work) throws Exception {
    Path site = build(out);
    try (SiteChecks checks = SiteChecks.start(work)) {
      List<String> empty = checks.emptyCharts(site);
      assertThat(checks.chartsSeen()).as("charts seen").isGreaterThan(20);
      assertThat(empty).as("charts with no marks").isEmpty();
    }
  }

  static void checkWidths(Path out, Path work) throws Exception {
    Path site = build(out);
    try (SiteChecks checks = SiteChecks.start(work)) {
      assertThat(checks.tooWide(site)).as("elements wider than the content column").isEmpty();
    }
  }

  /** One page of each kind (experiment, run, compare) with downloads, from file:// and from the server. */
  static void checkDownloads(Path out, Path work) throws Exception {
    Path site = build(out);
    List<String> kinds = new ArrayList<>();
    firstPage(site, "experiments").ifPresent(kinds::add);
    firstPage(site, "runs").ifPresent(kinds::add);
    firstPage(site, "compare").ifPresent(kinds::add);
    try (SiteChecks checks = SiteChecks.start(work);
        Server server = Server.start(out.resolve("runs"), work.resolve("served"))) {
      List<String> problems = new ArrayList<>();
      assertThat(kinds).as("pages with downloads").hasSizeGreaterThanOrEqualTo(3);
      for (String page : kinds) {
        problems.addAll(checks.downloads(site.resolve(page).toUri().toString()));
        problems.addAll(checks.downloads(server.url() + page));
      }
      assertThat(problems).as("downloads that failed").isEmpty();
    }
  }

  /** The first page under a folder of the site with a chart or a table, relative to the site. */
  private static java.util.Optional<String> firstPage(Path site, String folder) throws IOException {
    for (Path page : SiteChecks.pages(site.resolve(folder))) {
      String html = Files.readString(page);
      if (html.contains("chart-spec") || html.contains("table-downloads")) {
        return java.util.Optional.of(site.relativize(page).toString());
      }
    }
    return java.util.Optional.empty();
  }
}
