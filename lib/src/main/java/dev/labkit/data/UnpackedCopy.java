package dev.labkit.data;

import dev.labkit.ground.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * An uncompressed copy of a gzipped dataset file whose content digest labkit knows, kept in the dataset's cache
 * folder under {@code unpacked/}. A fresh JVM spends about 0.2 s inflating Fashion-MNIST's training images (26 MB
 * to 47 MB) and about 0.15 s hashing them (SHA-256 runs interpreted until the JIT has compiled it); reading the
 * copy back takes a few milliseconds.
 *
 * <p>A copy is only ever written from content that passed its digest. Once both copies of a part have been
 * verified, a stamp beside them records each one's size, modification time and file key, and the part's digest;
 * while neither copy changes (the stamp matches), they are read without hashing them again, as build tools trust
 * a file they hashed before. A copy that changed is hashed and checked like the original, and one that fails is
 * deleted and made again from the original.
 */
final class UnpackedCopy {
  /** The copy of {@code file} failed its check; it has been deleted, and the original is to be read instead. */
  static final class Damaged extends RuntimeException {
    Damaged(Path copy) {
      super(copy + ": damaged unpacked copy (deleted)", null, false, false);
    }
  }

  private UnpackedCopy() {}

  /** Where the copy of {@code file} lives in {@code cacheDir}, or null when its content digest is unknown. */
  static Path of(Path cacheDir, DataFile file) {
    if (cacheDir == null || file.contentSha256() == null) {
      return null;
    }
    return cacheDir.resolve("unpacked").resolve(file.rawName() + "." + file.contentSha256().substring(0, 16));
  }

  /** Keeps a verified file's content as its copy; a cache folder that cannot be written only costs the speed-up. */
  static void keep(Path copy, IdxFile verified) {
    try {
      AtomicFiles.write(copy, out -> {
        out.write(verified.header());
        out.write(verified.data());
      });
    } catch (IOException | SecurityException e) {
      // not kept: the next run inflates the original again
    }
  }

  /** Deletes a copy that failed its check; the caller reads the original. */
  static Damaged discard(Path copy) {
    try {
      Files.deleteIfExists(copy);
    } catch (IOException e) {
      // left as it is: it fails its check again next time and the original is read again
    }
    return new Damaged(copy);
  }

  /** The digest of the part whose copies these are, when its stamp says neither changed since; null otherwise. */
  static String verifiedDigest(Path images, Path labels) {
    if (images == null || labels == null) {
      return null;
    }
    try {
      List<String> stamp = Files.readAllLines(stampOf(images));
      return stamp.size() == 2 && stamp.get(0).equals(state(images, labels)) ? stamp.get(1) : null;
    } catch (IOException e) {
      return null; // no stamp, or a copy gone: hash as usual
    }
  }

  /** Records that both copies, as they are now, hold the verified content of a part with digest {@code sha256}. */
  static void stamp(Path images, Path labels, String sha256) {
    if (images == null || labels == null || sha256.equals(verifiedDigest(images, labels))) {
      return;
    }
    try {
      AtomicFiles.write(stampOf(images), (state(images, labels) + "\n" + sha256 + "\n").getBytes());
    } catch (IOException | SecurityException e) {
      // no stamp: the next run hashes the copies again
    }
  }

  private static Path stampOf(Path images) {
    return images.resolveSibling(images.getFileName() + ".verified");
  }

  private static String state(Path images, Path labels) throws IOException {
    return state(images) + " " + state(labels);
  }

  private static String state(Path copy) throws IOException {
    BasicFileAttributes a = Files.readAttributes(copy, BasicFileAttributes.class);
    return copy.getFileName() + ":" + a.size() + ":" + a.lastModifiedTime().toInstant() + ":" + a.fileKey();
  }
}
