package dev.labkit.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.LogisticRegression;
import dev.labkit.run.BlobData;
import dev.labkit.run.ExperimentStart;
import dev.labkit.run.Runner;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab status SWEEP} on a sweep that ran here (the Slurm side: SlurmSweepTest in the smoke tests). */
class SweepStatusTest {
  @TempDir Path out;
  final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  int lab(String... args) {
    return LabCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8),
        Stream.concat(Stream.of(args), Stream.of("--out", out.toString())).toArray(String[]::new));
  }

  Path sweep() {
    var experiment = new ExperimentStart("blobs-lr").data(new BlobData(120, 60)).model(LogisticRegression.defaults())
        .evaluate(new Evaluation.Accuracy());
    return Runner.execute(experiment, LabOptions.of(out).noSite(true).sweep("model.c=0.01,1,100"),
        new PrintStream(OutputStream.nullOutputStream())).folder();
  }

  @Test
  void status_of_a_sweep_that_ran_here_counts_its_trials_and_asks_slurm_nothing() {
    Path summary = sweep();

    assertThat(lab("status", summary.getFileName().toString())).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("sweep    blobs-lr/" + summary.getFileName()
        + "  finished, 3 runs: 3 finished, 0 running, 0 stopped or failed, 0 not started\n");
  }

  @Test
  void status_of_a_single_trial_says_to_give_the_sweeps_id() throws Exception {
    Path summary = sweep();
    Path trial;
    try (Stream<Path> folders = Files.list(summary.getParent())) {
      trial = folders.filter(folder -> !folder.equals(summary)).findFirst().orElseThrow();
    }

    assertThat(lab("status", trial.toString())).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("lab: blobs-lr/" + trial.getFileName()
        + " is not a sweep").endsWith("give the sweep's id\n");
  }
}
