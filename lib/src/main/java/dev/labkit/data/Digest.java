package dev.labkit.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A digest a file must have, e.g. {@code SHA-256 440fcabf…}. Upstream Fashion-MNIST publishes only MD5s of
 * its .gz files, so the algorithm is part of the value.
 *
 * @param algorithm a {@link MessageDigest} name: {@code SHA-256} or {@code MD5}
 * @param hex       lower-case hex digits
 */
public record Digest(String algorithm, String hex) {
  public Digest {
    hex = hex.toLowerCase(Locale.ROOT);
    newDigest(algorithm);
  }

  public static Digest sha256(String hex) {
    return new Digest("SHA-256", hex);
  }

  public static Digest md5(String hex) {
    return new Digest("MD5", hex);
  }

  /** The digest of {@code bytes} under this digest's algorithm, as lower-case hex. */
  public String compute(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest(algorithm).digest(bytes));
  }

  public boolean matches(byte[] bytes) {
    return compute(bytes).equals(hex);
  }

  static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("unknown digest algorithm " + algorithm, e);
    }
  }

  @Override
  public String toString() {
    return algorithm + " " + hex;
  }
}
