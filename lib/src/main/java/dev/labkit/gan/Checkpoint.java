package dev.labkit.gan;

import ai.djl.nn.Block;
import dev.labkit.data.Dataset;
import dev.labkit.model.Gan;
import dev.labkit.neural.CheckpointFile;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A GAN's training state after one step, as one file in its run folder ({@code checkpoint.bin}): the
 * step, what the loop has summed so far, every parameter of G and D (batch norm's running statistics
 * included), both optimizers' states, and two fingerprints that say what it belongs to: the architecture
 * and the training data ({@link Fingerprint}). Read back into freshly built networks, it lets the run go
 * on from that step exactly as if it had never stopped (the steps' random draws depend on the seed and
 * the step only: {@link GanTraining#step}).
 *
 * <p>Layout ({@link CheckpointFile}: magic line, digest, atomic replace): a version, the header (step,
 * fingerprints), the loop's sums, then G's and D's parameters and optimizer states.
 */
public final class Checkpoint {
  /** The file's name in the run folder. */
  public static final String FILE = CheckpointFile.FILE;
  private static final String MAGIC = "labkit GAN checkpoint";
  private static final int VERSION = 1;

  private Checkpoint() {}

  /**
   * What the training loop carries from step to step besides the networks: the step done, the sums of D's
   * and G's logged losses over the last tenth of training and their count, and the time spent in steps so
   * far (sampling and checkpoints left out) and in training as a whole.
   */
  public record Loop(long step, double dLossSum, double gLossSum, int tailCount, long stepNanos, long trainNanos) {
    static Loop start() {
      return new Loop(0, 0, 0, 0, 0, 0);
    }
  }

  /** What a checkpoint says it is, read and checked without loading a single array. */
  public record Header(long step, String architecture, String data) {}

  /** Writes {@code training}'s state after {@code loop.step()} to {@code file}, replacing any older one at once. */
  static void write(Path file, GanTraining training, Gan spec, Dataset train, Loop loop) {
    CheckpointFile.write(file, MAGIC, out -> {
      out.writeInt(VERSION);
      out.writeLong(loop.step());
      CheckpointFile.writeString(out, Fingerprint.architecture(spec, training.generator().block(),
          training.discriminatorBlock()));
      CheckpointFile.writeString(out, Fingerprint.data(train));
      out.writeDouble(loop.dLossSum());
      out.writeDouble(loop.gLossSum());
      out.writeInt(loop.tailCount());
      out.writeLong(loop.stepNanos());
      out.writeLong(loop.trainNanos());
      for (Block block : List.of(training.generator().block(), training.discriminatorBlock())) {
        CheckpointFile.writeParameters(out, block);
        CheckpointFile.writeOptimizer(out, training.optimizer(block));
      }
    }, "free some space or set model.checkpoint_every=0");
  }

  /**
   * Removes the checkpoint of a run that finished, and any temporary one a kill left behind: nothing is left
   * to resume, and a run folder should not keep tens of megabytes it will never use.
   */
  public static void delete(Path file) {
    CheckpointFile.delete(file);
  }

  /** The header of {@code file}, after checking the whole file against its digest. */
  public static Header header(Path file) {
    try (DataInputStream in = CheckpointFile.open(file, MAGIC)) {
      return readHeader(in, file);
    } catch (IOException e) {
      throw CheckpointFile.damaged(file, e);
    }
  }

  /**
   * Loads {@code file} into {@code training} (networks built for {@code spec} and {@code train}) and returns
   * the loop's state: the run goes on from the step after {@code Loop.step()}. A file of another
   * architecture or other data is refused with what differs.
   */
  static Loop restore(Path file, GanTraining training, Gan spec, Dataset train) {
    try (DataInputStream in = CheckpointFile.open(file, MAGIC)) {
      Header header = readHeader(in, file);
      Fingerprint.check(file, header, Fingerprint.architecture(spec, training.generator().block(), training.discriminatorBlock()),
          Fingerprint.data(train));
      Loop loop = new Loop(header.step(), in.readDouble(), in.readDouble(), in.readInt(), in.readLong(), in.readLong());
      for (Block block : List.of(training.generator().block(), training.discriminatorBlock())) {
        CheckpointFile.readParameters(in, block, training.manager());
        CheckpointFile.readOptimizer(in, training.optimizer(block), training.manager());
      }
      return loop;
    } catch (IOException e) {
      throw CheckpointFile.damaged(file, e);
    }
  }

  private static Header readHeader(DataInputStream in, Path file) throws IOException {
    CheckpointFile.checkVersion(in, file, VERSION);
    return new Header(in.readLong(), CheckpointFile.readString(in), CheckpointFile.readString(in));
  }
}
