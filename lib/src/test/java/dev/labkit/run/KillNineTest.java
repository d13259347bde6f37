package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.lab.LabCommand;
import dev.labkit.store.MetricLines;
import dev.labkit.store.RunFolder;
import dev.labkit.store.RunStatus;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training sweep in a child JVM, killed with kill -9 at 20 random moments of the sweep: every run folder stays
 * readable, {@code lab runs} and the site show no run as running (its process is gone: interrupted), and each
 * folder's metrics.csv holds what the uninterrupted run logged, up to the kill.
 */
class KillNineTest {
  @TempDir Path out;

  /** The child's command: this JVM's java, flags and class path. */
  static List<String> child(Path dir) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--enable-native-access") || a.startsWith("--add-modules")).forEach(command::add);
    command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
        System.getProperty("java.class.path"), KillNineChild.class.getName(), dir.toString()));
    return command;
  }

  /** Starts the child on {@code dir} and returns once it says it started (the JVM is up). */
  static Process start(Path dir) throws Exception {
    Process process = new ProcessBuilder(child(dir)).redirectErrorStream(true).start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = lines.readLine()) != null && !line.equals("started")) {
      // JVM warnings before the child's first line
    }
    Thread.ofVirtual().start(() -> {
      try {
        process.getInputStream().transferTo(OutputStream.nullOutputStream()); // a full pipe would stop the child
      } catch (IOException e) {
        // killed
      }
    });
    return process;
  }

  @Test
  void runs_killed_at_twenty_random_moments_leave_readable_folders_that_read_as_interrupted() throws Exception {
    long started = System.nanoTime();
    // the same sweep, not killed: what each trial logs when it runs to its end, and how long it runs
    Path uninterrupted = out.resolve("whole");
    Process full = start(uninterrupted);
    long sweepStart = System.nanoTime();
    assertThat(full.waitFor(60, TimeUnit.SECONDS)).as("the sweep runs to its end").isTrue();
    long sweepMillis = (System.nanoTime() - sweepStart) / 1_000_000;
    Map<Integer, List<MetricLines.Line>> reference = new TreeMap<>();
    try (Stream<Path> listed = Files.list(uninterrupted.resolve("runs/killed"))) {
      listed.map(RunFolder::read).forEach(run -> reference.put(run.trial(), run.metricLines(w -> { })));
    }
    assertThat(reference).hasSize(5);

    Random random = new Random(18);
    int kills = 0;
    for (int i = 0; i < 20; i++) {
      Path killed = out.resolve("killed");
      long recordsBefore = records(killed);
      Process process = start(killed);
      long wait = random.nextLong(sweepMillis);
      if (i % 2 == 1) { // every other kill lands after this child wrote its first run.json, however slow the machine
        waitForRecord(killed, recordsBefore, process);
        wait /= 2;
      } // the others at a random moment of the sweep (the JVM's own start is left out: nothing is written then)
      if (!process.waitFor(wait, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        kills++;
      }
      process.waitFor();
    }
    assertThat(kills).as("kills that landed while the child ran (a later child may run faster than the first)")
        .isGreaterThanOrEqualTo(10);

    List<Path> folders;
    try (Stream<Path> listed = Files.list(out.resolve("killed/runs/killed"))) {
      folders = listed.sorted().toList();
    }
    int interrupted = 0;
    for (Path folder : folders) {
      if (!Files.exists(folder.resolve("run.json"))) { // killed between the folder and its run.json
        try (Stream<Path> inside = Files.list(folder)) {
          assertThat(inside.filter(f -> !f.getFileName().toString().startsWith("."))).as(folder.toString()).isEmpty();
        }
        continue;
      }
      RunFolder run = RunFolder.read(folder);
      assertThat(run.status()).as(folder + " status").isIn(RunStatus.FINISHED, RunStatus.INTERRUPTED);
      interrupted += run.status() == RunStatus.INTERRUPTED ? 1 : 0;
      List<String> warnings = new ArrayList<>();
      List<MetricLines.Line> lines = run.metricLines(warnings::add);
      assertThat(warnings).as(folder + " metrics.csv").isEmpty();
      // up to the kill, the lines are those the uninterrupted run logged: same steps, names and values, in order
      List<MetricLines.Line> whole = reference.get(run.trial());
      assertThat(lines.size()).as(folder + " lines").isLessThanOrEqualTo(whole.size());
      for (int l = 0; l < lines.size(); l++) {
        MetricLines.Line line = lines.get(l);
        MetricLines.Line expected = whole.get(l);
        boolean timing = line.name().endsWith("seconds"); // a time measured differs from run to run
        assertThat(List.of(line.step(), line.name(), timing ? 0.0 : line.value())).as(folder + " line " + (l + 2))
            .isEqualTo(List.of(expected.step(), expected.name(), timing ? 0.0 : expected.value()));
        assertThat(line.wallTime()).isNotNaN();
      }
      if (run.status() == RunStatus.FINISHED && run.trial() > 0) {
        assertThat(run.metrics()).containsKey("test/accuracy");
      }
    }
    assertThat(interrupted).as("runs killed after their run.json was written").isGreaterThanOrEqualTo(5);

    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int exit = LabCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(
        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "runs", "killed", "--out", out.resolve("killed").toString());
    assertThat(exit).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("interrupted").doesNotContain("running");
    // the site reads the runs the same way: no page shows a killed run as running
    Path index = dev.labkit.report.SiteGenerator.build(out.resolve("killed/runs"), out.resolve("site"), line -> { });
    try (Stream<Path> pages = Files.walk(index.getParent())) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
        assertThat(Files.readString(page)).as(page.toString()).doesNotContain(">running</span>");
      }
    }
    assertThat(Files.readString(index)).contains(">interrupted</span>");
    System.out.printf("kill -9 test: %d kills (one whole sweep %d ms), %d run folders, %d interrupted, %.1f s%n", kills,
        sweepMillis, folders.size(), interrupted,
        (System.nanoTime() - started) / 1e9);
  }

  /** How many run folders under {@code dir} hold a run.json. */
  static long records(Path dir) throws IOException {
    Path runs = dir.resolve("runs/killed");
    if (!Files.isDirectory(runs)) {
      return 0;
    }
    try (Stream<Path> listed = Files.list(runs)) {
      return listed.filter(folder -> Files.exists(folder.resolve("run.json"))).count();
    }
  }

  /** Waits until a run.json more than {@code before} exists under {@code dir}, or the child ends (at most 60 s). */
  static void waitForRecord(Path dir, long before, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (records(dir) <= before && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }
}
