package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code --cluster slurm} on a real one-node cluster on 127.0.0.1 ({@link LocalSlurm}): the trials run as array
 * tasks and give the same numbers as here; a task past its time limit is marked with Slurm's reason and
 * {@code --resume} runs only it; bad input submits nothing.
 */
class SlurmSweepTest {
  private static final Pattern SWEEP_ID = Pattern.compile("sweep +([0-9]{8}-[0-9]{6}-[0-9a-f]{4})");
  private static final String[] SWEEP = {"--smoke", "--no-site", "--set", "model.penalty=l2",
      "--sweep", "model.c=0.1,1,10,100"};

  @BeforeAll
  static void startCluster() throws Exception {
    String missing = LocalSlurm.missing();
    if (missing != null && "1".equals(System.getenv("LABKIT_CI"))) {
      throw new AssertionError("LABKIT_CI=1 but " + missing);
    }
    assumeTrue(missing == null, missing);
    LocalSlurm.start();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (LocalSlurm.missing() == null) {
      LocalSlurm.stop();
    }
  }

  private static Launcher launcher() {
    return Launcher.in(Launcher.ROOT).env("SLURM_CONF", LocalSlurm.CONF.toString()).timeout(Duration.ofMinutes(4))
        // a script outside scripts/ names itself, so that its workers and tasks can start it again
        .env("LABKIT_SCRIPT", Launcher.ROOT.resolve("smoke/src/test/resources/slurm/slow.java").toString());
  }

  private static String[] args(Path out, String[] first, String... more) {
    List<String> args = new ArrayList<>(List.of(first));
    args.addAll(List.of("--out", out.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static String sweepId(String stdout) {
    Matcher m = SWEEP_ID.matcher(stdout);
    assertThat(m.find()).as(stdout).isTrue();
    return m.group(1);
  }

  @Test
  void a_detached_slurm_sweep_finished_by_lab_status_equals_the_same_sweep_run_here(@TempDir Path slurm,
      @TempDir Path here) throws Exception {
    String[] logreg = new String[SWEEP.length + 1];
    logreg[0] = "logreg";
    System.arraycopy(SWEEP, 0, logreg, 1, SWEEP.length);
    Launcher.Result submitted = launcher().run(args(slurm, logreg, "--cluster", "slurm", "--slurm-max", "2",
        "--detach"));
    assertThat(submitted.exitCode()).as(submitted.describe()).isZero();
    assertThat(submitted.stdout()).contains("4 tasks, at most 2 at once").contains("detached");
    String id = sweepId(submitted.stdout());

    Launcher.Result status = null;
    for (int look = 0; look < 40; look++) { // the tasks take ~30 s on two cores
      status = launcher().run("lab", "status", id, "--out", slurm.toString());
      assertThat(status.exitCode()).as(status.describe()).isZero();
      if (status.stdout().contains("finish   every task ended")) {
        break;
      }
      Thread.sleep(3_000);
    }
    assertThat(status.stdout()).as(status.describe()).contains("0 pending, 0 running, 4 done, 0 failed")
        .contains("best     {model.c=");

    Launcher.Result local = launcher().run(args(here, logreg));
    assertThat(local.exitCode()).as(local.describe()).isZero();
    assertThat(withoutTimings(RunFiles.metrics(summary(slurm)))).isEqualTo(withoutTimings(RunFiles.metrics(summary(here))))
        .isNotEmpty();
    assertThat(RunFiles.status(summary(slurm))).isEqualTo("finished");
    assertThat(byTrial(slurm)).isEqualTo(byTrial(here)).hasSize(4);
    for (Path folder : RunFiles.folders(slurm)) {
      JsonNode json = RunFiles.runJson(folder);
      if (RunFiles.trial(folder) > 0) { // each trial says which task of which array ran it, and where
        assertThat(json.path("slurm").path("task_id").asString()).isEqualTo(String.valueOf(RunFiles.trial(folder) - 1));
        assertThat(json.path("slurm").path("array_job_id").asString()).isNotBlank();
        assertThat(json.path("slurm").path("job_id").asString()).isNotBlank();
        assertThat(json.path("slurm").path("node").asString()).isNotBlank();
      } else {
        assertThat(json.path("slurm").path("arrays").size()).isEqualTo(1);
      }
    }
  }

  @Test
  void a_task_past_its_time_limit_is_marked_timeout_and_resume_runs_only_it(@TempDir Path out) throws Exception {
    String[] slow = {"smoke/src/test/resources/slurm/slow.java", "--smoke", "--no-site", "--sweep", "model.c=0.1,1"};
    Launcher.Result first = launcher().env("LABKIT_TEST_SLOW_TASK", "1").run(args(out, slow, "--cluster", "slurm",
        "--slurm-time", "1"));
    assertThat(first.exitCode()).as(first.describe()).isEqualTo(1);
    assertThat(first.stdout()).contains("trial 2/2 failed: Slurm TIMEOUT").contains("0 pending, 0 running, 1 done, 1 failed");
    String id = sweepId(first.stdout());
    Path timedOut = null;
    for (Path folder : RunFiles.folders(out)) {
      if (RunFiles.trial(folder) == 2) {
        timedOut = folder;
      }
    }
    assertThat(timedOut).as("the slow trial's run folder").isNotNull();
    JsonNode json = RunFiles.runJson(timedOut);
    assertThat(json.path("status").asString()).isEqualTo("failed");
    assertThat(json.path("error").asString()).startsWith("Slurm TIMEOUT: job ").contains("--slurm-time");
    assertThat(json.path("slurm").path("state").asString()).isEqualTo("TIMEOUT");
    Launcher.Result runs = launcher().run("lab", "runs", "--out", out.toString());
    assertThat(runs.stdout()).as(runs.describe()).contains("failed (Slurm TIMEOUT)");

    Launcher.Result resumed = launcher().run(args(out, slow, "--cluster", "slurm", "--slurm-time", "1",
        "--resume", id));
    assertThat(resumed.exitCode()).as(resumed.describe()).isZero();
    assertThat(resumed.stdout()).contains("1 finished before, running 1").contains(": 1 task,");
    assertThat(RunFiles.status(summary(out))).isEqualTo("finished");
    assertThat(RunFiles.runJson(summary(out)).path("slurm").path("arrays").size()).isEqualTo(2);
  }

  @Test
  void stopping_the_submitting_command_cancels_the_array(@TempDir Path out) throws Exception {
    Path log = out.resolve("log.txt");
    Process sweep = launcher().start(log, "logreg", "--smoke", "--no-site", "--out", out.toString(), "--set",
        "model.penalty=l2", "--sweep", "model.c=0.1,1,10", "--cluster", "slurm", "--slurm-max", "1");
    for (int wait = 0; wait < 240 && !Files.readString(log).contains("1 running"); wait++) {
      assertThat(sweep.isAlive()).as(Files.readString(log)).isTrue();
      Thread.sleep(500);
    }
    new ProcessBuilder("kill", "-TERM", Long.toString(sweep.pid())).start().waitFor(); // as Ctrl-C does
    assertThat(sweep.waitFor(60, TimeUnit.SECONDS)).isTrue();

    String printed = Files.readString(log);
    Matcher array = Pattern.compile("slurm +array ([0-9]+): 3 tasks").matcher(printed);
    assertThat(array.find()).as(printed).isTrue();
    assertThat(printed).contains("slurm    cancelled array " + array.group(1));
    String left = "";
    for (int look = 0; look < 60; look++) { // a cancelled task may show as completing (CG) for a moment
      ProcessBuilder squeue = new ProcessBuilder("squeue", "-h", "-j", array.group(1)).redirectErrorStream(true);
      squeue.environment().put("SLURM_CONF", LocalSlurm.CONF.toString());
      left = new String(squeue.start().getInputStream().readAllBytes()).strip();
      if (left.isEmpty()) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(left).as("tasks left in the queue").isEmpty();
    assertThat(RunFiles.status(summary(out))).isEqualTo("interrupted");
  }

  @Test
  void an_unknown_partition_is_one_line_and_submits_nothing(@TempDir Path out) throws Exception {
    Launcher.Result refused = launcher().run("logreg", "--smoke", "--no-site", "--out", out.toString(),
        "--sweep", "model.c=0.1,1", "--set", "model.penalty=l2", "--cluster", "slurm", "--slurm-partition", "gpu");
    assertThat(refused.exitCode()).as(refused.describe()).isNotZero();
    assertThat(refused.stderrLines().stream().filter(line -> line.startsWith("logreg:")))
        .singleElement().asString().contains("--slurm-partition gpu: Slurm has no such partition (sinfo lists labkit)");
    assertThat(RunFiles.folders(out)).isEmpty();
  }

  private static Path summary(Path out) throws Exception {
    for (Path folder : RunFiles.folders(out)) {
      if (RunFiles.trial(folder) == 0) {
        return folder;
      }
    }
    throw new AssertionError("no sweep summary under " + out);
  }

  /** Every trial's final metrics but timings, by trial number. */
  private static Map<Integer, Map<String, String>> byTrial(Path out) throws Exception {
    Map<Integer, Map<String, String>> trials = new TreeMap<>();
    for (Path folder : RunFiles.folders(out)) {
      if (RunFiles.trial(folder) > 0 && RunFiles.status(folder).equals("finished")) {
        trials.put(RunFiles.trial(folder), withoutTimings(RunFiles.metrics(folder)));
      }
    }
    return trials;
  }

  private static Map<String, String> withoutTimings(Map<String, String> metrics) {
    Map<String, String> kept = new TreeMap<>(metrics);
    kept.keySet().removeIf(name -> name.endsWith("seconds"));
    return kept;
  }
}
