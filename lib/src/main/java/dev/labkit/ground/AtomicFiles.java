package dev.labkit.ground;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way labkit writes a file that must survive a crash (run.json, summary.json, artifacts, checkpoints,
 * caches): the bytes go to a temporary file of a unique name in the target's folder, are forced to disk, the
 * file is renamed over the target in one step, and the folder itself is forced to disk so the rename is
 * kept too. A reader, or a kill -9 at any moment, sees the old file or the new one whole, never half of one;
 * two writers of the same target never share a temporary file.
 */
public final class AtomicFiles {
  /** Temporary files are named {@code .<target name>.<random>.tmp}, so they never look like the target. */
  private static final String SUFFIX = ".tmp";

  private AtomicFiles() {}

  /** What writes a file's content into the stream it is given (buffered; closed by the caller). */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code bytes} to {@code target} atomically and durably (its folder is created if needed). */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Copies {@code from} to {@code to} atomically and durably: {@code to} is never a partial copy. */
  public static void copy(Path from, Path to) throws IOException {
    write(to, out -> Files.copy(from, out));
  }

  /** Writes what {@code body} produces to {@code target} atomically and durably. */
  public static void write(Path target, Body body) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", SUFFIX);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        body.writeTo(out);
        out.flush();
        channel.force(true); // the bytes are on disk before the name points at them
      }
      move(temp, target);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    syncFolder(folder);
  }

  /** Whether {@code file} is one of this class's temporary files (being written now, or left by a kill). */
  public static boolean isTemporary(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") && name.endsWith(SUFFIX);
  }

  /** Removes temporary files a killed writer of {@code target} left behind; the target itself is kept. */
  public static void deleteLeftovers(Path target) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(folder)) {
      return;
    }
    String prefix = "." + target.getFileName() + ".";
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder,
        p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(SUFFIX))) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) { // a file system without atomic renames: still never in place
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Forces the folder's entries (the rename) to disk; file systems that cannot open a folder skip it. */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows and some file systems cannot sync a folder: the rename is still atomic
    }
  }
}
