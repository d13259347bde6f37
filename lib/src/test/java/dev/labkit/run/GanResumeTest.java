package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.labkit.cli.LabOptions;
import dev.labkit.console.Verbosity;
import dev.labkit.data.LoadOptions;
import dev.labkit.gan.Checkpoint;
import dev.labkit.gan.GanTrainer;
import dev.labkit.ground.Json;
import dev.labkit.ground.UserError;
import dev.labkit.model.Gan;
import dev.labkit.store.OwnerTest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code --resume RUN_ID}: a GAN run stopped after step 24 goes on from its checkpoint of step 20 in its
 * own folder and ends with the same metrics, curves and images as the run that was never stopped; what
 * cannot be resumed is refused in one line, before anything in the folder changes.
 */
class GanResumeTest {
  static final Gan SMALL = Gan.defaults().latent(8).generator(16).discriminator(16).batch(16).steps(40)
      .sampleEvery(10).checkpointEvery(10).samples(200);

  @TempDir static Path out;
  static Path straight;
  static Path stopped;

  static Experiment experiment() {
    return new ExperimentStart("gan-tiny").data(new TinyImages(300)).model(SMALL);
  }

  static Runner.Result run(Experiment exp, LabOptions options) {
    return Runner.execute(exp, options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  /** Thrown by the console when the run prints a given line: the run stops there, as at a kill. */
  static final class Stop extends RuntimeException {}

  /** A run stopped as it reports {@code line}, left as a failed run with everything it wrote so far. */
  static Path stoppedRun(Experiment exp, Path dir, String line) {
    stop(exp, LabOptions.of(dir).noSite(true), line);
    return only(dir.resolve("runs/gan-tiny"));
  }

  /** Runs {@code exp} until the console shows {@code lines} one after the other, then stops it there. */
  static void stop(Experiment exp, LabOptions options, String... lines) {
    options.verbosity(Verbosity.VERBOSE); // the step lines are phase lines: --verbose prints them
    StringBuilder seen = new StringBuilder();
    OutputStream console = new OutputStream() {
      @Override
      public void write(int b) {
        seen.append((char) b);
        int at = 0;
        for (String line : lines) {
          at = at < 0 ? -1 : seen.indexOf(line, at);
        }
        if (at >= 0) {
          throw new Stop();
        }
      }
    };
    assertThatThrownBy(() -> Runner.execute(exp, options, new PrintStream(console, true, StandardCharsets.UTF_8)))
        .isInstanceOf(Stop.class);
  }

  static Path only(Path experimentDir) {
    try (Stream<Path> folders = Files.list(experimentDir)) {
      return folders.toList().getFirst();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void runs() {
    straight = run(experiment(), LabOptions.of(out.resolve("straight")).noSite(true)).folder();
    stopped = stoppedRun(experiment(), out.resolve("stopped"), "step 24/40");
  }

  @Test
  void a_run_stopped_after_step_24_goes_on_from_step_20_in_its_folder_and_ends_as_the_uninterrupted_run() throws Exception {
    assertThat(json(stopped.resolve("run.json")).path("status").asString()).isEqualTo("failed");
    assertThat(Checkpoint.header(stopped.resolve(Checkpoint.FILE)).step()).isEqualTo(20);
    assertThat(rows(stopped)).anyMatch(row -> row.startsWith("24,"));

    Runner.Result resumed = run(experiment(), LabOptions.of(out.resolve("stopped")).noSite(true)
        .resume(stopped.getFileName().toString()));

    assertThat(resumed.folder()).isEqualTo(stopped);
    JsonNode record = json(stopped.resolve("run.json"));
    assertThat(record.path("status").asString()).isEqualTo("finished");
    assertThat(record.path("error").isNull()).isTrue();
    assertThat(record.path("provenance").path("resumed_from_step").toString()).isEqualTo("[20]");
    assertThat(stopped.resolve(Checkpoint.FILE)).doesNotExist(); // finished: nothing left to resume
    assertThat(straight.resolve(Checkpoint.FILE)).doesNotExist();
    assertSameRows(rows(stopped), rows(straight)); // every curve point, D's and G's losses and FIDs alike
    assertThat(wallTimes(stopped)).isSorted();
    assertThat(finalMetrics(stopped)).isEqualTo(finalMetrics(straight)).containsKeys("fid", "final/g_loss");
    assertThat(Files.readString(stopped.resolve("artifacts.json")))
        .isEqualTo(Files.readString(straight.resolve("artifacts.json")));
    for (String image : List.of("samples/step-000020.png", "samples/step-000030.png", "samples/step-000040.png")) {
      assertThat(Files.readAllBytes(stopped.resolve("artifacts").resolve(image))).as(image)
          .isEqualTo(Files.readAllBytes(straight.resolve("artifacts").resolve(image)));
    }
  }

  @Test
  void a_resumed_sweep_keeps_its_finished_trial_and_continues_the_stopped_one_from_its_checkpoint() throws Exception {
    Path dir = out.resolve("sweep");
    stop(experiment(), LabOptions.of(dir).noSite(true).sweep("model.lr=2e-4,1e-4"), "trial 2/2", "step 24/40");
    List<Path> before = folders(dir);
    assertThat(before).hasSize(3); // the summary and two trials
    Path summary = before.stream().filter(f -> trial(f) == 0).findFirst().orElseThrow();
    Path second = before.stream().filter(f -> trial(f) == 2).findFirst().orElseThrow();
    ResumeLivenessTest.runningAs(summary, OwnerTest.deadPid()); // stopped in this JVM: as a kill leaves it, its process gone

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Runner.Result resumed = Runner.execute(experiment(), LabOptions.of(dir).noSite(true).sweep("model.lr=2e-4,1e-4")
        .resume(summary.getFileName().toString()), new PrintStream(console, true, StandardCharsets.UTF_8));

    assertThat(resumed.exitCode()).isZero();
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("1 finished before, running 1")
        .contains("trial 2/2  {model.lr=1e-4}  (goes on from its checkpoint)")
        .contains("resumed from the checkpoint of step 20");
    assertThat(folders(dir)).isEqualTo(before); // no new folder: trial 2 went on in its own
    assertThat(json(second.resolve("run.json")).path("status").asString()).isEqualTo("finished");
    Path alone = run(experiment(), LabOptions.of(out.resolve("alone")).noSite(true).set("model.lr=1e-4")).folder();
    assertSameRows(rows(second), rows(alone));
    assertThat(finalMetrics(second)).isEqualTo(finalMetrics(alone));
  }

  static List<Path> folders(Path dir) throws Exception {
    try (Stream<Path> folders = Files.list(dir.resolve("runs/gan-tiny"))) {
      return folders.sorted().toList();
    }
  }

  /** Equal lists of rows; a failure names the first row that differs (the lists are too long to print). */
  static void assertSameRows(List<String> actual, List<String> expected) {
    for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
      assertThat(actual.get(i)).as("row %d of %d; from there, expected:%n%s%nactual:%n%s", i + 1, expected.size(),
          String.join("\n", expected.subList(i, Math.min(expected.size(), i + 6))),
          String.join("\n", actual.subList(i, Math.min(actual.size(), i + 6)))).isEqualTo(expected.get(i));
    }
    assertThat(actual).hasSameSizeAs(expected);
  }

  static int trial(Path folder) {
    try {
      return json(folder.resolve("run.json")).path("sweep").path("trial").asInt(-1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_finished_run_has_nothing_to_resume() throws Exception {
    assertRefused(straight, LabOptions.of(out.resolve("straight")), "that run finished; there is nothing to resume "
        + "(lab reproduce gan-tiny/" + straight.getFileName() + " runs it again)");
  }

  @Test
  void options_that_make_another_run_are_refused_with_the_first_difference_and_the_runs_command() throws Exception {
    Path copy = copyOf(stoppedForRefusals(), "20990101-000000-000a");
    assertRefused(copy, LabOptions.of(out.resolve("refused")).set("model.generator=8,8"),
        "that run had model.generator=16, these options give 8x8; resume with the options of its first run: "
            + "./jbang <script>");
    assertRefused(copy, LabOptions.of(out.resolve("refused")).seed(7), "that run had seed=42, these options give 7");
    assertRefused(copy, LabOptions.of(out.resolve("refused")).smoke(true), "that run was not a --smoke run");
  }

  @Test
  void a_checkpoint_of_another_architecture_or_other_data_is_refused() throws Exception {
    Path copy = copyOf(stoppedForRefusals(), "20990101-000000-000b");
    checkpoint(SMALL.generator(8, 8), new TinyImages(300), copy.resolve(Checkpoint.FILE));
    assertRefused(copy, LabOptions.of(out.resolve("refused")), "is from a different architecture (it has "
        + "generator=8x8, this run builds generator=16); resume with the options the run was started with");
    checkpoint(SMALL, new TinyImages(200), copy.resolve(Checkpoint.FILE));
    assertRefused(copy, LabOptions.of(out.resolve("refused")), "was trained on other data (tiny-images/train 200");
  }

  @Test
  void a_damaged_or_missing_checkpoint_is_refused() throws Exception {
    Path copy = copyOf(stoppedForRefusals(), "20990101-000000-000c");
    byte[] bytes = Files.readAllBytes(copy.resolve(Checkpoint.FILE));
    Files.write(copy.resolve(Checkpoint.FILE), java.util.Arrays.copyOf(bytes, bytes.length - 100));
    assertRefused(copy, LabOptions.of(out.resolve("refused")), "is damaged (its SHA-256 does not match its "
        + "contents: truncated or corrupted); it cannot be resumed from: delete it and start a new run");
    Files.delete(copy.resolve(Checkpoint.FILE));
    assertRefused(copy, LabOptions.of(out.resolve("refused")), "that run has no checkpoint (it stopped before step "
        + "10, or model.checkpoint_every was 0); start it again instead: ./jbang <script>");
  }

  @Test
  void an_unknown_id_is_refused_with_where_it_was_looked_for() {
    LabOptions options = LabOptions.of(out.resolve("refused")).noSite(true).resume("20990101-000000-ffff");
    assertThatThrownBy(() -> run(experiment(), options)).isInstanceOf(UserError.class)
        .hasMessageStartingWith("--resume 20990101-000000-ffff: no run of that id under ")
        .hasMessageEndingWith("; give the id the run printed (its folder's name), with the same --out as then");
  }

  /** Resuming {@code folder} with {@code options} fails with one line containing {@code message} and changes nothing. */
  static void assertRefused(Path folder, LabOptions options, String message) throws Exception {
    Map<String, String> before = contents(folder);
    LabOptions resume = options.noSite(true).resume(folder.getFileName().toString());
    assertThatThrownBy(() -> run(experiment(), resume)).isInstanceOf(UserError.class)
        .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(contents(folder)).isEqualTo(before);
  }

  static Path refusals;

  /** A stopped run kept for the refusals, each of which works on a copy of it. */
  static synchronized Path stoppedForRefusals() {
    if (refusals == null) {
      refusals = stoppedRun(experiment(), out.resolve("refused"), "step 24/40");
    }
    return refusals;
  }

  static void checkpoint(Gan spec, TinyImages data, Path file) {
    try (NDManager manager = NDManager.newBaseManager()) {
      GanTrainer.train(spec.steps(20), data.load(LoadOptions.quiet(42)).train(), 42, manager, event -> { },
          (step, g) -> { }, new GanTrainer.Checkpoints(file, false));
    }
  }

  static Path copyOf(Path folder, String id) throws Exception {
    Path copy = folder.resolveSibling(id);
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(folder.relativize(file).toString()));
      }
    }
    return copy;
  }

  static Map<String, String> contents(Path folder) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.put(folder.relativize(file).toString(), java.util.HexFormat.of().formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    }
    return out;
  }

  /** metrics.csv without its wall times: step, name and value of every line. */
  static List<String> rows(Path folder) throws Exception {
    return Files.readAllLines(folder.resolve("metrics.csv")).stream().skip(1)
        .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
  }

  static List<Double> wallTimes(Path folder) throws Exception {
    return Files.readAllLines(folder.resolve("metrics.csv")).stream().skip(1)
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(',') + 1))).toList();
  }

  /** summary.json's metrics less the wall-clock timings, which measure the machine. */
  static Map<String, String> finalMetrics(Path folder) throws Exception {
    Map<String, String> metrics = new TreeMap<>();
    json(folder.resolve("summary.json")).path("metrics").properties().forEach(e -> {
      if (!e.getKey().endsWith("_seconds") && !e.getKey().startsWith("ms_")) {
        metrics.put(e.getKey(), e.getValue().toString());
      }
    });
    return metrics;
  }

  static JsonNode json(Path file) throws Exception {
    return Json.MAPPER.readTree(Files.readString(file));
  }
}
