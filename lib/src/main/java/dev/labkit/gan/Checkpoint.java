package dev.labkit.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.labkit.data.Dataset;
import dev.labkit.ground.AtomicFiles;
import dev.labkit.ground.UserError;
import dev.labkit.model.Gan;
import dev.labkit.neural.TorchOptimizer;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A GAN's training state after one step, as one file in its run folder ({@code checkpoint.bin}): the
 * step, what the loop has summed so far, every parameter of G and D (batch norm's running statistics
 * included), both optimizers' states, and two fingerprints that say what it belongs to: the architecture
 * and the training data ({@link Fingerprint}). Read back into freshly built networks, it lets the run go
 * on from that step exactly as if it had never stopped (the steps' random draws depend on the seed and
 * the step only: {@link GanTraining#step}).
 *
 * <p>Layout: a magic line, a version, the header (step, fingerprints), the loop's sums, then parameters and
 * optimizer states as DJL's NDArray encoding, and last the SHA-256 of everything before it, so a
 * truncated or damaged file is refused as such rather than half-read. It is written to a temporary file,
 * synced, and moved over the old one in one step: a kill at any moment leaves the previous checkpoint or
 * the new one, never a mix.
 */
public final class Checkpoint {
  /** The file's name in the run folder. */
  public static final String FILE = "checkpoint.bin";
  private static final String MAGIC = "labkit GAN checkpoint";
  private static final int VERSION = 1;
  private static final int DIGEST_BYTES = 32;

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
    try {
      AtomicFiles.write(file, fileOut -> {
        MessageDigest sha = sha256();
        DataOutputStream out = new DataOutputStream(new DigestOutputStream(fileOut, sha));
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(loop.step());
        writeString(out, Fingerprint.architecture(spec, training.generator().block(), training.discriminatorBlock()));
        writeString(out, Fingerprint.data(train));
        out.writeDouble(loop.dLossSum());
        out.writeDouble(loop.gLossSum());
        out.writeInt(loop.tailCount());
        out.writeLong(loop.stepNanos());
        out.writeLong(loop.trainNanos());
        for (Block block : List.of(training.generator().block(), training.discriminatorBlock())) {
          writeParameters(out, block);
          writeOptimizer(out, training.optimizer(block));
        }
        out.flush();
        fileOut.write(sha.digest()); // after the digested bytes, past the digest stream
      });
    } catch (IOException e) {
      throw new UserError("cannot write the checkpoint " + file + ": " + e.getMessage()
          + "; free some space or set model.checkpoint_every=0", e);
    }
  }

  /**
   * Removes the checkpoint of a run that finished, and any temporary one a kill left behind: nothing is left
   * to resume, and a run folder should not keep tens of megabytes it will never use.
   */
  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
      AtomicFiles.deleteLeftovers(file);
    } catch (IOException e) {
      throw new UserError("cannot delete the checkpoint " + file + " of a finished run: " + e.getMessage(), e);
    }
  }

  /** The header of {@code file}, after checking the whole file against its digest. */
  public static Header header(Path file) {
    try (DataInputStream in = open(file)) {
      return readHeader(in, file);
    } catch (IOException e) {
      throw damaged(file, e);
    }
  }

  /**
   * Loads {@code file} into {@code training} (networks built for {@code spec} and {@code train}) and returns
   * the loop's state: the run goes on from the step after {@code Loop.step()}. A file of another
   * architecture or other data is refused with what differs.
   */
  static Loop restore(Path file, GanTraining training, Gan spec, Dataset train) {
    try (DataInputStream in = open(file)) {
      Header header = readHeader(in, file);
      Fingerprint.check(file, header, Fingerprint.architecture(spec, training.generator().block(), training.discriminatorBlock()),
          Fingerprint.data(train));
      Loop loop = new Loop(header.step(), in.readDouble(), in.readDouble(), in.readInt(), in.readLong(), in.readLong());
      for (Block block : List.of(training.generator().block(), training.discriminatorBlock())) {
        readParameters(in, block, training.manager());
        readOptimizer(in, training.optimizer(block), training.manager());
      }
      return loop;
    } catch (IOException e) {
      throw damaged(file, e);
    }
  }

  /** The file's bytes after the magic check and the digest check, as a stream positioned after the magic. */
  private static DataInputStream open(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UserError("no checkpoint at " + file + "; the run stopped before its first checkpoint", e);
    }
    byte[] magic = magic();
    if (!Arrays.equals(bytes, 0, Math.min(bytes.length, magic.length), magic, 0, Math.min(bytes.length, magic.length))) {
      throw new IOException("not a labkit GAN checkpoint");
    }
    if (bytes.length < magic.length + DIGEST_BYTES) {
      throw new EOFException();
    }
    byte[] body = Arrays.copyOf(bytes, bytes.length - DIGEST_BYTES);
    byte[] digest = Arrays.copyOfRange(bytes, bytes.length - DIGEST_BYTES, bytes.length);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(body, magic.length, body.length - magic.length));
    if (!MessageDigest.isEqual(sha256().digest(body), digest)) {
      throw new IOException("its SHA-256 does not match its contents: truncated or corrupted");
    }
    return in;
  }

  /** The magic line as {@link DataOutputStream#writeUTF} writes it: the file's first bytes. */
  private static byte[] magic() {
    var bytes = new java.io.ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(MAGIC);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static Header readHeader(DataInputStream in, Path file) throws IOException {
    int version = in.readInt();
    if (version != VERSION) {
      throw new UserError("the checkpoint " + file + " has format version " + version + ", this labkit reads "
          + VERSION + "; resume it with the labkit that wrote it, or start a new run");
    }
    return new Header(in.readLong(), readString(in), readString(in));
  }

  private static UserError damaged(Path file, IOException e) {
    String why = e instanceof EOFException ? "it ends too early: truncated" : e.getMessage();
    return new UserError("the checkpoint " + file + " is damaged (" + why + "); it cannot be resumed from: delete "
        + "it and start a new run", e);
  }

  private static void writeParameters(DataOutputStream out, Block block) throws IOException {
    ai.djl.nn.ParameterList parameters = block.getParameters();
    out.writeInt(parameters.size());
    for (Pair<String, Parameter> p : parameters) {
      writeString(out, p.getKey());
      writeArray(out, p.getValue().getArray());
    }
  }

  /**
   * Copies each saved parameter into the network's own array, in place: the arrays the optimizer and the
   * gradient tape know stay the same objects (the architecture check has matched names and shapes).
   */
  private static void readParameters(DataInputStream in, Block block, NDManager manager) throws IOException {
    ai.djl.nn.ParameterList parameters = block.getParameters();
    int count = in.readInt();
    if (count != parameters.size()) {
      throw new IOException(count + " parameters where the architecture says " + parameters.size());
    }
    for (Pair<String, Parameter> p : parameters) {
      String name = readString(in);
      try (NDArray saved = readArray(in, manager)) {
        NDArray own = p.getValue().getArray();
        if (!name.equals(p.getKey()) || !saved.getShape().equals(own.getShape())) {
          throw new IOException("parameter " + name + " " + saved.getShape() + " where " + p.getKey() + " "
              + own.getShape() + " was expected");
        }
        own.set(saved.toByteBuffer());
      }
    }
  }

  private static void writeOptimizer(DataOutputStream out, TorchOptimizer optimizer) throws IOException {
    Map<String, TorchOptimizer.Slot> state = optimizer.state();
    out.writeInt(state.size());
    for (var entry : state.entrySet()) {
      writeString(out, entry.getKey());
      out.writeInt(entry.getValue().steps());
      NDArray[] buffers = entry.getValue().buffers();
      out.writeInt(buffers.length);
      for (NDArray buffer : buffers) {
        writeArray(out, buffer);
      }
    }
  }

  private static void readOptimizer(DataInputStream in, TorchOptimizer optimizer, NDManager manager)
      throws IOException {
    Map<String, TorchOptimizer.Slot> state = new TreeMap<>();
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      String name = readString(in);
      int steps = in.readInt();
      NDArray[] buffers = new NDArray[in.readInt()];
      for (int b = 0; b < buffers.length; b++) {
        buffers[b] = readArray(in, manager);
      }
      state.put(name, new TorchOptimizer.Slot(steps, buffers));
    }
    optimizer.restore(state);
  }

  private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
    byte[] encoded = array.encode(); // DJL's encoding: data type, shape and raw bytes
    out.writeInt(encoded.length);
    out.write(encoded);
  }

  private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
    byte[] encoded = new byte[in.readInt()];
    in.readFully(encoded);
    return manager.decode(encoded);
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new EOFException();
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
