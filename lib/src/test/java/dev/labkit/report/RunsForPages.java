package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.cli.LabOptions;
import dev.labkit.run.Experiment;
import dev.labkit.run.Runner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real runs for the browser tests: experiments run quietly into {@code dir/runs}, then the site built from them. */
final class RunsForPages {
  private RunsForPages() {}

  /** Runs every experiment into {@code dir/runs} (console output dropped); each must exit 0. */
  static void run(Path dir, List<Experiment> experiments) {
    for (Experiment experiment : experiments) {
      Runner.Result result = Runner.execute(experiment, LabOptions.of(dir).noSite(true),
          new PrintStream(OutputStream.nullOutputStream()));
      assertThat(result.exitCode()).as(experiment.name()).isZero();
    }
  }

  /** The same, then the site in {@code dir/site}; returns its HTML pages, sorted. */
  static List<Path> site(Path dir, List<Experiment> experiments) throws IOException {
    run(dir, experiments);
    SiteGenerator.build(dir.resolve("runs"), dir.resolve("site"), w -> { });
    try (Stream<Path> files = Files.walk(dir.resolve("site"))) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }
}
