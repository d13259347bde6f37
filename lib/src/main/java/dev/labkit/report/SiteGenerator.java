package dev.labkit.report;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Renders run folders into a static site that opens from file:// with no server and no network:
 *
 * <pre>
 * site/index.html                          every run, grouped by experiment
 * site/experiments/&lt;experiment&gt;/index.html   the runs table and sweeps of one experiment
 * site/runs/&lt;experiment&gt;/&lt;run-id&gt;/index.html  one page per run, its artifacts beside it
 * site/compare/&lt;name&gt;.html                 a saved comparison across experiments ({@link CompareSelection})
 * site/assets/                             report.css, charts.js, tables.js, gallery.js, downloads.js, vega*.min.js
 * </pre>
 *
 * The same runs give the same bytes: no build time is written and everything is sorted.
 */
public final class SiteGenerator {
  private SiteGenerator() {}

  /** Marks a folder as made by labkit, so a rebuild may clear it. */
  static final String MARKER = ".labkit-site";

  static final List<String> ASSETS = List.of("report.css", "charts.js", "tables.js", "gallery.js", "compare.js", "live.js", "downloads.js", "VENDOR.txt",
      "print.css", "report.js");

  /** Builds the site, printing a warning line to stderr for each run it had to skip; returns index.html. */
  public static Path build(Path runsDir, Path siteDir) {
    return build(runsDir, siteDir, System.err::println);
  }

  /**
   * Builds the site incrementally: only runs whose folder changed since the last build (see
   * {@link SiteManifest}) are read in full and re-rendered; pages of runs that no longer exist are
   * removed; the index and the pages of experiments that gained, lost or changed a run are rebuilt.
   * A site made by another labkit version, or with no manifest, is rebuilt from scratch.
   *
   * @throws UserError if {@code siteDir} holds files labkit did not make (it would delete them)
   */
  public static Path build(Path runsDir, Path siteDir, Consumer<String> warn) {
    try (SiteLock lock = SiteLock.take(siteDir)) { // the pages and the manifest: one builder at a time
      return buildLocked(runsDir, siteDir, warn);
    }
  }

  private static Path buildLocked(Path runsDir, Path siteDir, Consumer<String> warn) {
    String generator = SiteManifest.ofGenerator();
    SiteManifest before = SiteManifest.read(siteDir);
    if (before == null || !before.generator().equals(generator) || !Files.exists(siteDir.resolve(MARKER))) {
      prepare(siteDir);
      before = new SiteManifest(generator, Map.of());
    }
    Map<String, String> now = new TreeMap<>();
    Set<String> changed = new TreeSet<>(); // experiments whose page must be rebuilt
    List<Run> runs = new ArrayList<>();
    List<Path> stale = new ArrayList<>();
    for (Path folder : RunFolders.folders(runsDir)) {
      String experiment = folder.getParent().getFileName().toString();
      String runId = folder.getFileName().toString();
      String key = SiteManifest.key(experiment, runId);
      now.put(key, SiteManifest.ofFolder(folder));
      if (now.get(key).equals(before.runs().get(key)) && Files.exists(runPage(siteDir, experiment, runId))) {
        RunFolders.readOverview(folder, warn).ifPresent(runs::add);
      } else {
        changed.add(experiment);
        stale.add(folder);
      }
    }
    // runs are independent: render them on every core (pages are sorted afterwards, so order is moot)
    Consumer<String> oneAtATime = line -> {
      synchronized (warn) {
        warn.accept(line);
      }
    };
    stale.parallelStream().map(folder -> render(siteDir, folder, oneAtATime)).toList()
        .forEach(run -> run.ifPresent(runs::add));
    removeGone(siteDir, before.runs().keySet(), now.keySet(), changed);
    Map<String, List<Run>> byExperiment = ExperimentPage.byExperiment(RunFolders.sorted(runs));
    byExperiment.forEach((name, ofIt) -> {
      if (changed.contains(name) || !Files.exists(experimentPage(siteDir, name))) {
        writeExperiment(siteDir, ExperimentPage.of(name, ofIt));
      }
    });
    changed.stream().filter(e -> !byExperiment.containsKey(e))
        .forEach(e -> deleteTree(siteDir, experimentPage(siteDir, e).getParent()));
    CrossComparePage.writeAll(runsDir, siteDir, runs, warn); // the saved comparisons, which the index lists
    Path index = writeIndex(siteDir, RunFolders.sorted(runs));
    new SiteManifest(generator, now).write(siteDir);
    return index;
  }

  /** Reads a run in full and writes its page; a run that cannot be read loses the page it had. */
  private static java.util.Optional<Run> render(Path siteDir, Path folder, Consumer<String> warn) {
    java.util.Optional<Run> run = RunFolders.readRun(folder, warn);
    if (run.isEmpty()) {
      deleteTree(siteDir, runPage(siteDir, folder.getParent().getFileName().toString(),
          folder.getFileName().toString()).getParent());
    }
    return run.map(r -> writeRun(siteDir, RunPage.of(r, warn)).run().overview());
  }

  /** Deletes the pages of runs that were in the last build and are gone now; notes their experiments. */
  private static void removeGone(Path siteDir, Set<String> before, Set<String> now, Set<String> changed) {
    for (String key : before) {
      if (!now.contains(key)) {
        String[] parts = key.split("/", 2);
        changed.add(parts[0]);
        deleteTree(siteDir, runPage(siteDir, parts[0], parts[1]).getParent());
      }
    }
  }

  /** Deletes a folder of the site and what it holds; a path outside {@code site/} is left alone. */
  static void deleteTree(Path siteDir, Path folder) {
    Path root = siteDir.toAbsolutePath().normalize();
    Path target = folder.toAbsolutePath().normalize();
    if (!target.startsWith(root) || target.equals(root) || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(target)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + target, e);
    }
  }

  /** Where the page of a run is in a site: {@code <site>/runs/<experiment>/<run-id>/index.html}. */
  public static Path runPage(Path siteDir, String experiment, String runId) {
    return siteDir.resolve("runs").resolve(experiment).resolve(runId).resolve("index.html");
  }

  /** Where the page of an experiment is in a site: {@code <site>/experiments/<experiment>/index.html}. */
  public static Path experimentPage(Path siteDir, String experiment) {
    return siteDir.resolve("experiments").resolve(experiment).resolve("index.html");
  }

  /** The experiment's lab report, beside its page: {@code <site>/experiments/<experiment>/report.html}. */
  static final String REPORT = "report.html";

  /** Where the report page of an experiment is in a site. */
  public static Path reportPage(Path siteDir, String experiment) {
    return experimentPage(siteDir, experiment).resolveSibling(REPORT);
  }

  /** The script beside each run page that holds what the compare page shows of it ({@link RunData}). */
  static final String DATA_JS = "data.js";

  /** Writes one experiment's page and its compare page; returns the experiment page. */
  static Path writeExperiment(Path siteDir, ExperimentPage page) {
    Path file = experimentPage(siteDir, page.name());
    write(file, Pages.experiment(page).getBytes(StandardCharsets.UTF_8));
    TableExports.write(page, file.getParent()); // the tables' CSV, Markdown and LaTeX, linked from the page
    write(file.resolveSibling("compare.html"), Pages.compare(ComparePage.of(page)).getBytes(StandardCharsets.UTF_8));
    write(file.resolveSibling(REPORT), Pages.report(ReportPage.of(page, line -> { })).getBytes(StandardCharsets.UTF_8));
    return file;
  }

  /** Writes the index page and the assets; returns index.html. */
  static Path writeIndex(Path siteDir, List<Run> runs) {
    writeAssets(siteDir);
    Path index = siteDir.resolve("index.html");
    write(index, Pages.index(IndexPage.of(runs, CrossComparePage.saved(siteDir))).getBytes(StandardCharsets.UTF_8));
    write(CrossComparePage.page(siteDir, "index"), Pages.compare(ComparePage.across(runs)).getBytes(StandardCharsets.UTF_8));
    return index;
  }

  /** Writes one run's page and copies its artifacts next to it; returns the page's view model. */
  static RunPage writeRun(Path siteDir, RunPage page) {
    Run run = page.run();
    Path file = runPage(siteDir, run.experiment(), run.runId());
    Artifacts.copy(run.folder(), run.artifacts(), file.getParent());
    write(file, Pages.run(page).getBytes(StandardCharsets.UTF_8));
    write(file.resolveSibling(DATA_JS), RunData.script(run).getBytes(StandardCharsets.UTF_8));
    return page;
  }

  static void writeAssets(Path siteDir) {
    for (String name : ASSETS) {
      String resource = "labkit/templates/assets/" + name;
      try (InputStream in = SiteGenerator.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("the labkit jar lacks " + resource + "; rebuild it with ./mvnw install");
        }
        write(siteDir.resolve("assets").resolve(name), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
    for (Vendor.Script script : Vendor.SCRIPTS) {
      write(siteDir.resolve("assets").resolve(script.asset()), Vendor.read(script));
    }
    for (String file : Vendor.KATEX) {
      write(siteDir.resolve("assets").resolve("katex").resolve(file), Vendor.katex(file));
    }
  }

  /**
   * Makes {@code siteDir} an empty labkit site. It deletes only a folder labkit made (it holds the
   * marker file), so pointing --out at the wrong folder cannot wipe it.
   */
  static void prepare(Path siteDir) {
    try {
      if (Files.isDirectory(siteDir) && !Files.exists(siteDir.resolve(MARKER))) {
        try (Stream<Path> entries = Files.list(siteDir)) {
          if (entries.anyMatch(p -> !p.getFileName().toString().equals(SiteLock.FILE))) {
            throw new UserError("will not build the site into " + siteDir + ": it holds files labkit did not"
                + " make; choose an empty or new folder, or delete this one");
          }
        }
      }
      if (Files.isDirectory(siteDir)) {
        try (Stream<Path> all = Files.walk(siteDir)) {
          for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
            if (!p.equals(siteDir) && !p.equals(siteDir.resolve(SiteLock.FILE))) { // the lock held now stays
              Files.delete(p);
            }
          }
        }
      }
      Files.createDirectories(siteDir);
      Files.writeString(siteDir.resolve(MARKER), "made by labkit: `site build` may delete this folder's contents\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the site folder " + siteDir, e);
    }
  }

  /**
   * Writes through a temporary file and a rename, so the server never sends half a page. Unchanged
   * bytes are not rewritten, which keeps browsers' caches valid.
   */
  static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
        return;
      }
      Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".part");
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
