package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.ground.UserError;
import dev.labkit.model.NeuralNet;
import dev.labkit.model.Training;
import dev.labkit.neural.CheckpointFile;
import dev.labkit.neural.NetCheckpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classifier network stopped in the middle of its training goes on from its last epoch's checkpoint with
 * {@code --resume RUN_ID} and ends bit for bit where the uninterrupted run ends: the same per-epoch rows in
 * metrics.csv, the same final metrics; for a built-in MLP with dropout and a patience schedule, and for a
 * network, loss and metric written in the script.
 */
class NetResumeTest {
  @TempDir Path out;

  /** Dropout draws from libtorch's generator; the patience schedule and the overfitting watch carry state. */
  static final NeuralNet MLP = NeuralNet.mlp(16).dropout(0.3).epochs(5).batch(32)
      .training(Training.defaults().optimizer(Training.Optimizer.ADAM).lr(0.05)
          .schedule(Training.Schedule.PATIENCE).lrPatience(1));

  /** Your own block (with its own dropout) and your own loss: cross-entropy plus a constant. */
  static final NeuralNet OWN = NeuralNet.network("own-mlp", (shape, classes) -> new SequentialBlock()
          .add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(12).build()).add(Activation.reluBlock())
          .add(Dropout.builder().optRate(0.2f).build()).add(Linear.builder().setUnits(classes).build()))
      .loss("shifted", (scores, labels) -> scores.logSoftmax(1).gather(labels.reshape(-1, 1), 1).mean().neg().add(1))
      .epochs(5).batch(32);

  static Experiment experiment(NeuralNet net) {
    return new ExperimentStart("blobs-resume").data(new BlobData(600, 300)).model(net).validation(0.2)
        .evaluate(new Evaluation.Accuracy(), dev.labkit.Lab.metric("error_rate", p -> 1 - p.accuracy()).smallerIsBetter());
  }

  static Runner.Result run(Experiment exp, LabOptions options) {
    return Runner.execute(exp, options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  void a_built_in_network_stopped_after_epoch_three_resumes_to_the_same_numbers() throws Exception {
    assertResumesExactly(MLP);
  }

  @Test
  void your_own_network_and_loss_stopped_after_epoch_three_resume_to_the_same_numbers() throws Exception {
    assertResumesExactly(OWN);
  }

  void assertResumesExactly(NeuralNet net) throws Exception {
    Runner.Result straight = run(experiment(net), LabOptions.of(out.resolve("straight")).noSite(true));
    assertThat(straight.folder().resolve(CheckpointFile.FILE)).as("a finished run keeps no checkpoint").doesNotExist();

    Path stoppedDir = out.resolve("stopped");
    GanResumeTest.stop(experiment(net), LabOptions.of(stoppedDir).noSite(true), "epoch 4/5");
    Path stopped = only(stoppedDir.resolve("runs/blobs-resume"));
    assertThat(NetCheckpoint.header(stopped.resolve(CheckpointFile.FILE)).epoch()).isEqualTo(3);
    assertThat(GanResumeTest.rows(stopped)).as("epoch 4's lines were written before the stop")
        .anyMatch(row -> row.startsWith("4,train/loss,"));

    Runner.Result resumed = run(experiment(net), LabOptions.of(stoppedDir).noSite(true)
        .resume(stopped.getFileName().toString()));
    assertThat(resumed.folder()).isEqualTo(stopped);
    GanResumeTest.assertSameRows(untimed(stopped), untimed(straight.folder()));
    assertThat(GanResumeTest.finalMetrics(stopped)).isEqualTo(GanResumeTest.finalMetrics(straight.folder()))
        .containsKeys("test/accuracy", "test/error_rate", "epochs");
    assertThat(GanResumeTest.json(stopped.resolve("run.json")).path("status").asString()).isEqualTo("finished");
    assertThat(stopped.resolve(CheckpointFile.FILE)).doesNotExist();
  }

  @Test
  void a_checkpoint_of_another_network_or_a_classic_model_is_refused_in_one_line() throws Exception {
    Path dir = out.resolve("other");
    GanResumeTest.stop(experiment(MLP), LabOptions.of(dir).noSite(true), "epoch 3/5");
    Path stopped = only(dir.resolve("runs/blobs-resume"));
    String id = stopped.getFileName().toString();
    assertThatThrownBy(() -> run(experiment(MLP), LabOptions.of(dir).noSite(true).resume(id).set(
        "model.hidden=8"))).isInstanceOf(UserError.class)
        .hasMessageContaining("that run had model.hidden=16, these options give 8")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> run(experiment(MLP).model(dev.labkit.model.Knn.defaults()), LabOptions.of(dir).noSite(true)
        .resume(id))).isInstanceOf(UserError.class)
        .hasMessageContaining("only GAN and network runs keep checkpoints to go on from");
    Files.write(stopped.resolve(CheckpointFile.FILE), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> run(experiment(MLP), LabOptions.of(dir).noSite(true).resume(id)))
        .isInstanceOf(UserError.class).hasMessageContaining("is damaged (its SHA-256 does not match");
  }

  /** metrics.csv's rows less the timings (fit_seconds, predict_seconds), which measure the machine. */
  static List<String> untimed(Path folder) throws Exception {
    return GanResumeTest.rows(folder).stream().filter(row -> !row.split(",")[1].endsWith("_seconds")).toList();
  }

  static Path only(Path experimentDir) throws Exception {
    try (Stream<Path> folders = Files.list(experimentDir)) {
      return folders.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().startsWith("."))
          .reduce((a, b) -> {
            throw new AssertionError("more than one run under " + experimentDir);
          }).orElseThrow();
    }
  }
}
