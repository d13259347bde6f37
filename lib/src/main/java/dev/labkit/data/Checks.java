package dev.labkit.data;

import dev.labkit.ground.UserError;
import java.security.MessageDigest;

/** Reads an IDX file's bytes and checks them against the digests its {@link DataFile} records. */
final class Checks {
  private Checks() {}

  /**
   * Parses and verifies the bytes of {@code file} found at {@code where}. The published digest is checked
   * when the bytes are still compressed and {@code always} or no content digest is known (Debian
   * recompresses Fashion-MNIST, so its .gz bytes differ from upstream's while the content is the same).
   */
  static IdxFile verified(String where, byte[] bytes, DataFile file, int dims, boolean always, String fix) {
    return verified(where, bytes, file, dims, always, fix, Digest.newDigest("SHA-256"));
  }

  /** The same, feeding the uncompressed bytes to {@code sha256} (see {@link IdxReader}). */
  static IdxFile verified(String where, byte[] bytes, DataFile file, int dims, boolean always, String fix,
      MessageDigest sha256) {
    Digest published = file.published();
    if (published != null && IdxReader.isGzip(bytes) && (always || file.contentSha256() == null)) {
      String actual = published.compute(bytes);
      if (!actual.equals(published.hex())) {
        throw new UserError(where + ": checksum mismatch: " + published.algorithm() + " is " + actual
            + ", expected " + published.hex() + "; " + fix);
      }
    }
    IdxFile idx = IdxReader.parse(where, bytes, dims, fix, sha256);
    if (file.contentSha256() != null && !idx.sha256().equals(file.contentSha256())) {
      throw new UserError(where + ": checksum mismatch: SHA-256 of the uncompressed content is " + idx.sha256()
          + ", expected " + file.contentSha256() + "; " + fix);
    }
    return idx;
  }
}
