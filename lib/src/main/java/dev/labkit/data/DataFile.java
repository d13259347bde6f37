package dev.labkit.data;

/**
 * One file of a dataset and what it must contain.
 *
 * @param name          the file name as published, e.g. {@code train-images-idx3-ubyte.gz}; the same name
 *                      without {@code .gz} is accepted too (an unpacked copy)
 * @param contentSha256 SHA-256 of the uncompressed IDX bytes ({@code zcat f | sha256sum}), checked on every
 *                      load; null when not known
 * @param published     digest of the published (compressed) file, checked after a download and when a
 *                      .gz file is loaded without a known content digest; null when not known
 */
public record DataFile(String name, String contentSha256, Digest published) {
  /** The name of an unpacked copy: {@code train-images-idx3-ubyte}. */
  public String rawName() {
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }
}
