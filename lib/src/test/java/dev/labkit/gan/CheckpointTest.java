package dev.labkit.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.model.Gan;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped after step 25 and resumed from its checkpoint of step 20 ends bit for bit where the
 * uninterrupted run ends: the same G, the same logged losses (D's among them) from step 21 on, the same
 * final losses.
 */
class CheckpointTest {
  static final Gan SMALL = GanTrainingTest.TINY.steps(40).checkpointEvery(10).sampleEvery(10);

  @TempDir Path dir;

  /** What a training left: every weight of G, the scalars it logged, its final losses. */
  record Outcome(List<float[]> g, List<Event.Scalar> scalars, double dLoss, double gLoss) {}

  /** Thrown by the event sink to stop a training after a given step, as a kill would. */
  static final class Stop extends RuntimeException {}

  static Outcome train(Gan spec, Dataset data, Path checkpoint, boolean resume, long stopAfter) {
    List<Event.Scalar> scalars = new ArrayList<>();
    EventSink events = event -> {
      if (event instanceof Event.Scalar s) {
        if (s.step() > stopAfter) {
          throw new Stop();
        }
        scalars.add(s);
      }
    };
    try (NDManager manager = NDManager.newBaseManager()) {
      GanTrainer.Result result = GanTrainer.train(spec, data, 5, manager, events, (step, g) -> { },
          new GanTrainer.Checkpoints(checkpoint, resume));
      return new Outcome(GanTrainingTest.weights(result.generator().block()), scalars, result.finalDLoss(),
          result.finalGLoss());
    }
  }

  static void assertResumedEqualsUninterrupted(Gan spec, Dataset data, Path dir, long stopAfter, long checkpointStep) {
    Outcome straight = train(spec, data, dir.resolve("straight.bin"), false, Long.MAX_VALUE);
    Path file = dir.resolve("stopped.bin");
    assertThatThrownBy(() -> train(spec, data, file, false, stopAfter)).isInstanceOf(Stop.class);
    assertThat(Checkpoint.header(file).step()).isEqualTo(checkpointStep);
    Outcome resumed = train(spec, data, file, true, Long.MAX_VALUE);

    assertThat(resumed.g()).usingRecursiveComparison().isEqualTo(straight.g());
    assertThat(resumed.scalars()).isNotEmpty().allSatisfy(s -> assertThat(s.step()).isGreaterThan(checkpointStep));
    assertThat(resumed.scalars()).isEqualTo(straight.scalars().stream().filter(s -> s.step() > checkpointStep).toList());
    assertThat(resumed.dLoss()).isEqualTo(straight.dLoss());
    assertThat(resumed.gLoss()).isEqualTo(straight.gLoss());
  }

  @Test
  void a_run_stopped_after_step_25_and_resumed_from_step_20_ends_bit_for_bit_as_the_uninterrupted_run() {
    assertResumedEqualsUninterrupted(SMALL, GanTrainingTest.toy(), dir, 25, 20);
  }

  @Test
  void batch_norm_statistics_labels_and_the_final_loss_sums_carry_over_too() {
    // conditional with batch norm in G; 20 steps: the final losses average steps 19 and 20, and the
    // checkpoint of step 19 carries step 19's share
    Gan conditional = GanTrainingTest.TINY.conditional(true).batchNorm(true).steps(20).checkpointEvery(19);
    assertResumedEqualsUninterrupted(conditional, GanTrainingTest.toy(), dir, 19, 19);
  }

  @Test
  void a_dcgans_running_statistics_in_d_carry_over() {
    assertResumedEqualsUninterrupted(Gan.dcgan().batch(2).steps(3).checkpointEvery(2), GanTrainingTest.digits(), dir,
        2, 2);
  }

  @Test
  void a_checkpoint_from_another_architecture_or_other_data_is_refused_with_what_differs() {
    Path file = dir.resolve("c.bin");
    assertThatThrownBy(() -> train(SMALL, GanTrainingTest.toy(), file, false, 12)).isInstanceOf(Stop.class);
    assertThatThrownBy(() -> train(SMALL.generator(8, 8), GanTrainingTest.toy(), file, true, Long.MAX_VALUE))
        .isInstanceOf(UserError.class).hasMessageContaining("is from a different architecture (it has generator=16, "
            + "this run builds generator=8x8); resume with the options the run was started with");
    Dataset other = new Dataset("toy/other", "1".repeat(64), GanTrainingTest.toy().shape(),
        GanTrainingTest.toy().classNames(), GanTrainingTest.toy().features(), GanTrainingTest.toy().labels());
    assertThatThrownBy(() -> train(SMALL, other, file, true, Long.MAX_VALUE)).isInstanceOf(UserError.class)
        .hasMessageContaining("was trained on other data (toy/train 64 sha256:0, this run has toy/other 64 sha256:111");
  }

  @Test
  void a_truncated_or_corrupted_checkpoint_is_refused_as_damaged() throws Exception {
    Path file = dir.resolve("d.bin");
    assertThatThrownBy(() -> train(SMALL, GanTrainingTest.toy(), file, false, 12)).isInstanceOf(Stop.class);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> Checkpoint.header(file)).isInstanceOf(UserError.class)
        .hasMessageMatching("the checkpoint .*d\\.bin is damaged \\(its SHA-256 does not match its contents: "
            + "truncated or corrupted\\); it cannot be resumed from: delete it and start a new run");
    bytes[bytes.length / 3] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> train(SMALL, GanTrainingTest.toy(), file, true, Long.MAX_VALUE))
        .isInstanceOf(UserError.class).hasMessageContaining("is damaged (its SHA-256 does not match");
    Files.write(file, java.util.Arrays.copyOf(bytes, 5));
    assertThatThrownBy(() -> Checkpoint.header(file)).isInstanceOf(UserError.class)
        .hasMessageContaining("is damaged (it ends too early: truncated)");
    Files.writeString(file, "{\"not\": \"a checkpoint at all, but long enough to have a digest's worth of bytes\"}");
    assertThatThrownBy(() -> Checkpoint.header(file)).isInstanceOf(UserError.class)
        .hasMessageContaining("is damaged (not a labkit GAN checkpoint)");
  }

  @Test
  void a_checkpoint_replaces_the_last_one_and_none_is_written_at_the_end_or_when_off() throws Exception {
    Path file = dir.resolve("e.bin");
    train(SMALL, GanTrainingTest.toy(), file, false, Long.MAX_VALUE);
    assertThat(Checkpoint.header(file).step()).isEqualTo(30); // 10, 20, 30; none at 40, the end
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("e.bin"); // no temporary left
    }
    Path off = dir.resolve("off.bin");
    train(SMALL.checkpointEvery(0), GanTrainingTest.toy(), off, false, Long.MAX_VALUE);
    assertThat(off).doesNotExist();
    assertThatThrownBy(() -> Gan.defaults().checkpointEvery(-1)).isInstanceOf(UserError.class)
        .hasMessage("checkpoint_every must be ≥ 0 (steps between checkpoints; 0 writes none), got -1");
  }
}
