package dev.labkit.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.labkit.data.Dataset;
import dev.labkit.ground.AtomicFiles;
import dev.labkit.ground.UserError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file format of labkit's training checkpoints (a GAN's, a classifier network's): a magic line naming
 * what it is, then what the writer puts there (numbers, strings, parameters, optimizer states as DJL's
 * NDArray encoding), and last the SHA-256 of everything before it, so a truncated or damaged file is
 * refused as such rather than half-read. A file is written to a temporary file, synced, and moved over the
 * old one in one step ({@link AtomicFiles}): a kill at any moment leaves the previous checkpoint or the new
 * one, never a mix.
 */
public final class CheckpointFile {
  /** The file's name in a run folder. */
  public static final String FILE = "checkpoint.bin";
  private static final int DIGEST_BYTES = 32;

  private CheckpointFile() {}

  /** What a writer puts after the magic line. */
  public interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  /** Writes {@code magic}, then {@code body}, then the digest, to {@code file}, replacing it at once. */
  public static void write(Path file, String magic, Body body, String fix) {
    try {
      AtomicFiles.write(file, fileOut -> {
        MessageDigest sha = sha256();
        DataOutputStream out = new DataOutputStream(new DigestOutputStream(fileOut, sha));
        out.writeUTF(magic);
        body.write(out);
        out.flush();
        fileOut.write(sha.digest()); // after the digested bytes, past the digest stream
      });
    } catch (IOException e) {
      throw new UserError("cannot write the checkpoint " + file + ": " + e.getMessage() + "; " + fix, e);
    }
  }

  /**
   * The file's contents after the magic line, once the magic and the digest are checked. An IOException
   * says what is wrong with the file ({@link #damaged} turns it into the user's one line).
   */
  public static DataInputStream open(Path file, String magic) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserError("no checkpoint at " + file + "; the run stopped before its first checkpoint", e);
    }
    byte[] head = utf(magic);
    if (!Arrays.equals(bytes, 0, Math.min(bytes.length, head.length), head, 0, Math.min(bytes.length, head.length))) {
      throw new IOException("not a " + magic);
    }
    if (bytes.length < head.length + DIGEST_BYTES) {
      throw new EOFException();
    }
    byte[] body = Arrays.copyOf(bytes, bytes.length - DIGEST_BYTES);
    byte[] digest = Arrays.copyOfRange(bytes, bytes.length - DIGEST_BYTES, bytes.length);
    if (!MessageDigest.isEqual(sha256().digest(body), digest)) {
      throw new IOException("its SHA-256 does not match its contents: truncated or corrupted");
    }
    return new DataInputStream(new ByteArrayInputStream(body, head.length, body.length - head.length));
  }

  /** Checks that {@code file} is whole (its digest matches), whatever it holds; the user's one line if not. */
  public static void verify(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length < DIGEST_BYTES) {
        throw damaged(file, new EOFException());
      }
      byte[] body = Arrays.copyOf(bytes, bytes.length - DIGEST_BYTES);
      if (!MessageDigest.isEqual(sha256().digest(body), Arrays.copyOfRange(bytes, body.length, bytes.length))) {
        throw damaged(file, new IOException("its SHA-256 does not match its contents: truncated or corrupted"));
      }
    } catch (IOException e) {
      throw damaged(file, e);
    }
  }

  /** Reads the format version after the magic line; a version other than {@code expected} is refused in one line. */
  public static void checkVersion(DataInputStream in, Path file, int expected) throws IOException {
    int version = in.readInt();
    if (version != expected) {
      throw new UserError("the checkpoint " + file + " has format version " + version + ", this labkit reads "
          + expected + "; resume it with the labkit that wrote it, or start a new run");
    }
  }

  /** The one line for a checkpoint that cannot be read. */
  public static UserError damaged(Path file, IOException e) {
    String why = e instanceof EOFException ? "it ends too early: truncated" : e.getMessage();
    return new UserError("the checkpoint " + file + " is damaged (" + why + "); it cannot be resumed from: delete "
        + "it and start a new run", e);
  }

  /** Removes a finished run's checkpoint and any temporary one a kill left behind: nothing is left to resume. */
  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
      AtomicFiles.deleteLeftovers(file);
    } catch (IOException e) {
      throw new UserError("cannot delete the checkpoint " + file + " of a finished run: " + e.getMessage(), e);
    }
  }

  public static void writeParameters(DataOutputStream out, Block block) throws IOException {
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
  public static void readParameters(DataInputStream in, Block block, NDManager manager) throws IOException {
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

  public static void writeOptimizer(DataOutputStream out, TorchOptimizer optimizer) throws IOException {
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

  public static void readOptimizer(DataInputStream in, TorchOptimizer optimizer, NDManager manager)
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

  static void writeArray(DataOutputStream out, NDArray array) throws IOException {
    byte[] encoded = array.encode(); // DJL's encoding: data type, shape and raw bytes
    out.writeInt(encoded.length);
    out.write(encoded);
  }

  static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
    byte[] encoded = new byte[in.readInt()];
    in.readFully(encoded);
    return manager.decode(encoded);
  }

  public static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  public static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new EOFException();
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** The training data a checkpoint belongs to: its id, size and content digest. */
  public static String dataFingerprint(Dataset train) {
    return train.id() + " " + train.size() + " sha256:" + train.sha256();
  }

  /** Refuses a checkpoint made for another architecture or other data, naming the first difference. */
  public static void checkFingerprints(Path file, String savedArchitecture, String architecture, String savedData,
      String data) {
    if (!savedArchitecture.equals(architecture)) {
      throw new UserError("the checkpoint " + file + " is from a different architecture (" + firstDifference(
          savedArchitecture, architecture) + "); resume with the options the run was started with, or start "
          + "a new run");
    }
    if (!savedData.equals(data)) {
      throw new UserError("the checkpoint " + file + " was trained on other data (" + savedData + ", this run has "
          + data + "); resume with the data the run was started with, or start a new run");
    }
  }

  /** "it has generator=256x512x1024, this run builds generator=128x256": the first entry that differs. */
  private static String firstDifference(String saved, String built) {
    String[] a = saved.split(" ");
    String[] b = built.split(" ");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "nothing more";
      String y = i < b.length ? b[i] : "nothing more";
      if (!x.equals(y)) {
        return "it has " + x + ", this run builds " + y;
      }
    }
    return "same entries in another order";
  }

  /** The line as {@link DataOutputStream#writeUTF} writes it: the file's first bytes. */
  private static byte[] utf(String line) {
    var bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
