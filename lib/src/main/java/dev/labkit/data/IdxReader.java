package dev.labkit.data;

import dev.labkit.ground.UserError;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, gzipped or not.
 *
 * <p>An IDX file is a 4-byte magic number {@code 00 00 <type> <dims>}, then one big-endian 32-bit size
 * per dimension, then the items in row-major order. labkit reads only type {@code 0x08} (unsigned
 * byte), which is what image and label files use. Compression is recognised by the gzip magic bytes
 * {@code 1f 8b}, never by the file name. Every error is a {@link UserError} of one line that names the
 * file, says what was wrong and how to fix it.
 */
public final class IdxReader {
  private static final int UNSIGNED_BYTE = 0x08;
  static final String DEFAULT_FIX = "delete it and download it again";

  private IdxReader() {}

  /** Reads {@code file} with any number of dimensions. */
  public static IdxFile read(Path file) {
    return read(file, 0, DEFAULT_FIX);
  }

  /**
   * Reads {@code file}, which must have {@code expectedDims} dimensions (0: any); {@code fix} ends every
   * error message ("delete it and download it again").
   */
  public static IdxFile read(Path file, int expectedDims, String fix) {
    return parse(file.toString(), readBytes(file, fix), expectedDims, fix);
  }

  static byte[] readBytes(Path file, String fix) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such file");
    } catch (IOException e) {
      throw new UserError(file + ": cannot read (" + e.getMessage() + "); " + fix, e);
    }
  }

  static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  /** Parses the bytes of a file named {@code where} (used in messages). */
  public static IdxFile parse(String where, byte[] fileBytes, int expectedDims, String fix) {
    return parse(where, fileBytes, expectedDims, fix, Digest.newDigest("SHA-256"));
  }

  /**
   * Parses, feeding the uncompressed bytes to {@code sha256}, a SHA-256 digest the caller may go on
   * feeding (the digest of a part covers its images and then its labels, and hashing 47 MB twice would
   * cost a tenth of a second). The file's own digest is taken from a copy of it.
   */
  static IdxFile parse(String where, byte[] fileBytes, int expectedDims, String fix, MessageDigest sha256) {
    Reading reading = new Reading(where, fix);
    try (InputStream in = isGzip(fileBytes)
        ? new GZIPInputStream(new ByteArrayInputStream(fileBytes), 1 << 16)
        : new ByteArrayInputStream(fileBytes)) {
      reading.in = in;
      return parse(reading, expectedDims, sha256);
    } catch (EOFException e) {
      throw reading.error("truncated gzip stream (" + e.getMessage() + ") after " + grouped(reading.total)
          + " uncompressed bytes");
    } catch (ZipException e) {
      throw reading.error("corrupt gzip stream (" + e.getMessage() + ") after " + grouped(reading.total)
          + " uncompressed bytes");
    } catch (IOException e) {
      throw reading.error("cannot read (" + e.getMessage() + ")");
    }
  }

  /** Parses an uncompressed file whose content was verified earlier to have digest {@code sha256}: no hashing. */
  static IdxFile parseVerified(String where, byte[] fileBytes, int expectedDims, String fix, String sha256) {
    IdxFile idx = parse(where, fileBytes, expectedDims, fix, null);
    return new IdxFile(idx.name(), idx.dims(), idx.data(), sha256);
  }

  private static IdxFile parse(Reading reading, int expectedDims, MessageDigest sha) throws IOException {
    byte[] magic = reading.header(4, "the 4-byte magic number");
    if (magic[0] != 0 || magic[1] != 0) {
      throw reading.error("not an IDX file: starts with " + HexFormat.ofDelimiter(" ").formatHex(magic)
          + ", expected 00 00 08 0" + (expectedDims > 0 ? expectedDims : "n"));
    }
    if (magic[2] != UNSIGNED_BYTE) {
      throw reading.error(String.format(Locale.ROOT,
          "element type 0x%02X is not supported; labkit reads unsigned bytes (0x08)", magic[2] & 0xff));
    }
    int dimCount = magic[3] & 0xff;
    if (dimCount == 0 || (expectedDims > 0 && dimCount != expectedDims)) {
      throw reading.error("header has " + dimCount + " dimension" + (dimCount == 1 ? "" : "s")
          + ", expected " + (expectedDims > 0 ? expectedDims : "at least 1"));
    }
    byte[] sizes = reading.header(4 * dimCount, dimCount + " dimension sizes");
    int[] dims = new int[dimCount];
    long total = 1;
    for (int i = 0; i < dimCount; i++) {
      dims[i] = ((sizes[4 * i] & 0xff) << 24) | ((sizes[4 * i + 1] & 0xff) << 16)
          | ((sizes[4 * i + 2] & 0xff) << 8) | (sizes[4 * i + 3] & 0xff);
      total *= Integer.toUnsignedLong(dims[i]);
      if (dims[i] < 0 || total > Integer.MAX_VALUE - 16) {
        throw reading.error("header says " + IdxFile.describe(dims) + ", too large to be a dataset file");
      }
    }
    byte[] data = reading.data((int) total, dims);

    if (sha == null) { // content checked earlier: the caller knows its digest
      return new IdxFile(reading.where, dims, data, null);
    }
    sha.update(magic);
    sha.update(sizes);
    sha.update(data);
    return new IdxFile(reading.where, dims, data, HexFormat.of().formatHex(copy(sha).digest()));
  }

  private static MessageDigest copy(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests of the JDK can be cloned", e);
    }
  }

  /** A read in progress: counts the bytes so an error can say how much the file had. */
  private static final class Reading {
    private final String where;
    private final String fix;
    private InputStream in;
    private long total;

    Reading(String where, String fix) {
      this.where = where;
      this.fix = fix;
    }

    UserError error(String what) {
      return new UserError(where + ": " + what + "; " + fix);
    }

    byte[] header(int length, String what) throws IOException {
      byte[] bytes = new byte[length];
      if (fill(bytes) < length) {
        throw error("truncated: the header ends before " + what);
      }
      return bytes;
    }

    byte[] data(int size, int[] dims) throws IOException {
      byte[] data = new byte[size];
      int got = fill(data);
      String says = "header says " + IdxFile.describe(dims) + " = " + grouped(size) + " bytes";
      if (got < size) {
        throw error("truncated: " + says + ", file has " + grouped(got));
      }
      long extra = in.transferTo(OutputStream.nullOutputStream());
      if (extra > 0) {
        throw error("size mismatch: " + says + ", file has " + grouped(size + extra));
      }
      return data;
    }

    /** Reads until {@code into} is full or the input ends; returns the byte count read. */
    private int fill(byte[] into) throws IOException {
      int got = 0;
      while (got < into.length) {
        int read = in.read(into, got, into.length - got);
        if (read < 0) {
          break;
        }
        got += read;
        total += read;
      }
      return got;
    }
  }

  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
