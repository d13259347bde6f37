package dev.labkit.neural;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.NeuralNet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier network's training state after one epoch, as one file in its run folder
 * ({@link CheckpointFile#FILE}): the epoch and update count, two fingerprints (architecture and training
 * data), where the learning-rate schedule, early stopping and the overfitting watch stand, the training
 * log's notes, the best epoch's weights when early stopping keeps them, every parameter, and the
 * optimizer's state. Read back into a freshly built network it lets the run go on from the next epoch
 * exactly as if it had never stopped: each epoch's batch order is the run's generator replayed, and its
 * dropout masks come from a seed of the run's seed and the epoch ({@link ClassifierTrainer}).
 */
public final class NetCheckpoint {
  private static final String MAGIC = "labkit network checkpoint";
  private static final int VERSION = 1;

  private NetCheckpoint() {}

  /** What a checkpoint says it is, read and checked without loading a single array. */
  public record Header(int epoch, int steps, String architecture, String data) {}

  /** The network-shaping facts: the model's name, its input and classes, every parameter's name and shape. */
  public static String architecture(NeuralNet spec, Shape shape, int classes, Block net) {
    List<String> parts = new ArrayList<>(List.of("network=" + spec.name(), "input=" + shape, "classes=" + classes));
    for (Pair<String, Parameter> p : net.getParameters()) {
      parts.add(p.getKey() + "=" + p.getValue().getArray().getShape());
    }
    return String.join(" ", parts);
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
   * Refuses {@code file} when it was written for another network or other data than {@code spec} builds for
   * {@code train}: checked before a resumed run touches its folder.
   */
  public static Header check(Path file, NeuralNet spec, Dataset train) {
    Header header = header(file);
    try (var manager = Torch.manager()) {
      Torch.configure(spec.threads(), 0);
      Block net = ClassifierNetworks.build(spec, train.shape(), train.numClasses());
      ClassifierNetworks.initialize(net, manager, spec, train.shape(), train.numClasses());
      CheckpointFile.checkFingerprints(file, header.architecture(),
          architecture(spec, train.shape(), train.numClasses(), net), header.data(), CheckpointFile.dataFingerprint(train));
    }
    return header;
  }

  /** Writes the state of {@code trainer} after {@code epoch}, replacing any older checkpoint at once. */
  static void write(Path file, ClassifierTrainer trainer, int epoch, String data) {
    CheckpointFile.write(file, MAGIC, out -> {
      out.writeInt(VERSION);
      out.writeInt(epoch);
      out.writeInt(trainer.stepsDone);
      CheckpointFile.writeString(out, trainer.architecture);
      CheckpointFile.writeString(out, data);
      trainer.saveLoop(out);
      writeWeights(out, trainer.best);
      CheckpointFile.writeParameters(out, trainer.net);
      CheckpointFile.writeOptimizer(out, trainer.optimizer);
    }, "free some space");
  }

  /**
   * Loads {@code file} into {@code trainer} after checking it belongs to its network and {@code data};
   * returns the header (the epoch to go on after).
   */
  static Header restore(Path file, ClassifierTrainer trainer, String data) {
    try (DataInputStream in = CheckpointFile.open(file, MAGIC)) {
      Header header = readHeader(in, file);
      CheckpointFile.checkFingerprints(file, header.architecture(), trainer.architecture, header.data(), data);
      trainer.loadLoop(in, header.steps());
      trainer.best = readWeights(in);
      CheckpointFile.readParameters(in, trainer.net, trainer.manager);
      CheckpointFile.readOptimizer(in, trainer.optimizer, trainer.manager);
      return header;
    } catch (IOException e) {
      throw CheckpointFile.damaged(file, e);
    }
  }

  private static Header readHeader(DataInputStream in, Path file) throws IOException {
    CheckpointFile.checkVersion(in, file, VERSION);
    return new Header(in.readInt(), in.readInt(), CheckpointFile.readString(in), CheckpointFile.readString(in));
  }

  private static void writeWeights(DataOutputStream out, List<float[]> weights) throws IOException {
    out.writeInt(weights == null ? -1 : weights.size());
    for (float[] values : weights == null ? List.<float[]>of() : weights) {
      out.writeInt(values.length);
      for (float v : values) {
        out.writeFloat(v);
      }
    }
  }

  private static List<float[]> readWeights(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      return null;
    }
    List<float[]> weights = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[] values = new float[in.readInt()];
      for (int j = 0; j < values.length; j++) {
        values[j] = in.readFloat();
      }
      weights.add(values);
    }
    return weights;
  }
}
