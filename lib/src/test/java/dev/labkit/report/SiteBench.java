package dev.labkit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The site at scale (bench/site/run.sh runs it; not a test): {@code runs} synthetic run folders of one
 * experiment, each with 10 metrics logged at {@code steps} steps, then a full build, a build with
 * nothing changed, an incremental build after one new run, the sizes of the pages, and the time
 * headless Chromium takes to make the pages interactive (every chart drawn, the table sortable).
 *
 * <pre>java … dev.labkit.report.SiteBench [folder] [runs] [steps]</pre>
 */
public final class SiteBench {
  static final String[] METRICS = {"train/loss", "train/accuracy", "train/grad_norm", "train/lr", "val/loss",
      "val/accuracy", "val/f1", "test/loss", "test/accuracy", "throughput"};

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/labkit-site-bench");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int steps = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    Path runsDir = dir.resolve("runs");
    Path site = dir.resolve("site");
    delete(dir);
    long t = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      write(runsDir, i, steps);
    }
    report("generate %d runs x %d metrics x %d steps", seconds(t), runs, METRICS.length, steps);

    timedBuild("full build", runsDir, site);
    timedBuild("rebuild, nothing changed", runsDir, site);
    write(runsDir, runs, steps);
    timedBuild("incremental build after one new run", runsDir, site);

    Path experiment = SiteGenerator.experimentPage(site, "bench");
    String oneRun = id(0);
    size("experiment page", experiment);
    size("compare page", experiment.resolveSibling("compare.html"));
    size("index page", site.resolve("index.html"));
    size("one run page", SiteGenerator.runPage(site, "bench", oneRun));
    size("one run's data.js", SiteGenerator.runPage(site, "bench", oneRun).resolveSibling("data.js"));
    report("whole site: %.1f MB", 0, folderSize(site) / 1e6);
    browser(dir, site, experiment, oneRun);
  }

  /**
   * A build's wall time, and the CPU time of this process meanwhile: on a shared machine the wall time
   * depends on the load, the CPU time much less (on an idle machine wall ≈ CPU / cores used).
   */
  static void timedBuild(String what, Path runsDir, Path site) {
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long t = System.nanoTime();
    SiteGenerator.build(runsDir, site, w -> { });
    report("%s (CPU %.2f s)", seconds(t), what, (os.getProcessCpuTime() - cpu) / 1e9);
  }

  /** Time to interactive in headless Chromium, from file://: charts drawn and scripts initialised. */
  static void browser(Path dir, Path site, Path experiment, String oneRun) throws Exception {
    if (!Files.isExecutable(Chromium.BINARY)) {
      System.out.println("no " + Chromium.BINARY + ": skipped the browser timings");
      return;
    }
    String drawn = "Array.from(document.querySelectorAll('.chart-view')).every(v => v.querySelector('svg.marks'))";
    try (Chromium browser = Chromium.start(Files.createDirectories(dir.resolve("chromium")))) {
      for (int rep = 1; rep <= 3; rep++) {
        Duration d = browser.openUntil(experiment.toUri().toString(), drawn + " && document.querySelector('th.sort')",
            Duration.ofSeconds(60));
        report("experiment page interactive (try %d): %.2f s; DOMContentLoaded %.2f s", 0, rep, d.toMillis() / 1e3,
            browser.eval("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd").asDouble() / 1e3);
      }
      String compare = experiment.resolveSibling("compare.html").toUri() + "#runs=" + id(0) + "," + id(1) + "," + id(2);
      Duration d = browser.openUntil(compare, "document.body.getAttribute('data-compared') === '3' && " + drawn,
          Duration.ofSeconds(60));
      report("compare page of 3 runs interactive: %.2f s", 0, d.toMillis() / 1e3);
      d = browser.openUntil(SiteGenerator.runPage(site, "bench", oneRun).toUri().toString(), drawn, Duration.ofSeconds(60));
      report("run page interactive: %.2f s", 0, d.toMillis() / 1e3);
      report("console problems: %s", 0, browser.problems);
    }
  }

  static String id(int i) {
    return String.format(Locale.ROOT, "20261127-%06d-%04x", i, i);
  }

  /** One synthetic run: params drawn from a seeded generator, curves that fall or rise with noise. */
  static void write(Path runsDir, int i, int steps) throws IOException {
    SplittableRandom random = new SplittableRandom(i);
    Path run = Files.createDirectories(runsDir.resolve("bench").resolve(id(i)));
    double lr = Math.pow(10, -4 + 3 * random.nextDouble());
    int batch = new int[] {32, 64, 128, 256}[random.nextInt(4)];
    int layers = 1 + random.nextInt(4);
    double dropout = Math.round(random.nextDouble() * 50) / 100.0;
    String optimizer = random.nextBoolean() ? "adam" : "sgd";
    double quality = 1 - Math.abs(Math.log10(lr) + 2.5) / 3 - dropout / 4 + layers / 40.0;
    Files.writeString(run.resolve("run.json"), String.format(Locale.ROOT, """
        {"schema": 1, "experiment": "bench", "run_id": "%s", "status": "finished", "seed": %d,
         "params": {"seed": %d, "model": "mlp", "model.layers": %d, "model.dropout": %s, "optimizer": "%s",
                    "optimizer.lr": %s, "data.batch": %d},
         "provenance": {"script": "scripts/bench.java", "started": "2026-11-27T00:00:00Z", "ended": "2026-11-27T00:10:00Z"}}
        """, id(i), i, i, layers, dropout, optimizer, lr, batch));
    try (Writer out = Files.newBufferedWriter(run.resolve("metrics.csv"), StandardCharsets.UTF_8)) {
      out.write("step,name,value,wall_time\n");
      for (int s = 0; s < steps; s++) {
        double progress = 1 - Math.exp(-5.0 * s / steps * (0.5 + quality));
        for (int m = 0; m < METRICS.length; m++) {
          double v = METRICS[m].endsWith("loss") ? 2.3 * (1 - progress) + 0.1 : 0.1 + 0.8 * progress * quality;
          out.write(s + "," + METRICS[m] + "," + (float) (v + 0.01 * random.nextGaussian()) + "," + s * 0.5 + "\n");
        }
      }
    }
    Files.writeString(run.resolve("summary.json"), String.format(Locale.ROOT,
        "{\"metrics\": {\"test/accuracy\": %.4f, \"test/loss\": %.4f, \"val/accuracy\": %.4f, \"fit_seconds\": %.1f},"
            + " \"headline\": \"test/accuracy\"}", 0.1 + 0.8 * quality, 2.3 * (1 - quality) + 0.1, 0.12 + 0.8 * quality,
        600.0));
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static void report(String what, double seconds, Object... args) {
    String text = String.format(Locale.ROOT, what, args);
    System.out.println(seconds > 0 ? String.format(Locale.ROOT, "%-60s %8.2f s", text, seconds) : text);
  }

  static void size(String what, Path file) throws IOException {
    System.out.printf(Locale.ROOT, "%-60s %8.1f kB%n", what, Files.size(file) / 1e3);
  }

  static long folderSize(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
