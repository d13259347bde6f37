package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two scripts started at the same moment into the same runs folder, the same experiment, even the
 * same second: each run claims its folder with an atomic directory create and writes only inside it,
 * so neither can touch the other's files. (--no-site: both would re-render the same report; the report
 * is not what this test is about.)
 */
class ConcurrentRunsTest {
  @TempDir Path out;

  @Test
  void two_sweeps_run_at_once_into_the_same_runs_folder_never_mix_their_folders() throws Exception {
    Process a = start("a", "model.c=0.1,1");
    Process b = start("b", "model.c=0.5,5");
    assertThat(a.waitFor(5, TimeUnit.MINUTES) && b.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(a.exitValue()).as(Files.readString(out.resolve("a.log"))).isZero();
    assertThat(b.exitValue()).as(Files.readString(out.resolve("b.log"))).isZero();

    List<Path> folders = RunFiles.folders(out);
    assertThat(folders).hasSize(6); // two summaries, four trials
    for (Path folder : folders) {
      assertThat(RunFiles.status(folder)).as(folder.toString()).isEqualTo("finished");
      assertThat(RunFiles.runJson(folder).path("run_id").asString()).isEqualTo(folder.getFileName().toString());
      List<String> metrics = Files.readAllLines(folder.resolve("metrics.csv"));
      assertThat(metrics.getFirst()).isEqualTo("step,name,value,wall_time");
      assertThat(metrics.subList(1, metrics.size())).allSatisfy(line -> assertThat(line.split(",")).hasSize(4));
      try (Stream<Path> files = Files.list(folder)) {
        assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
      }
    }
    for (Path summary : ReproduceTest.topLevel(out)) {
      String sweepId = summary.getFileName().toString();
      long own = folders.stream().filter(f -> {
        try {
          return sweepId.equals(RunFiles.runJson(f).path("sweep").path("id").asString()) && RunFiles.trial(f) > 0;
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }).count();
      assertThat(own).as("trials of sweep " + sweepId).isEqualTo(2);
      assertThat(RunFiles.metrics(summary)).containsEntry("trials", "2.0");
    }
  }

  private Process start(String name, String sweep) throws Exception {
    return Launcher.in(Launcher.ROOT).start(out.resolve(name + ".log"), "logreg", "--smoke", "--out", out.toString(),
        "--no-site", "--set", "model.penalty=l2", "--sweep", sweep);
  }
}
