package dev.labkit.run;

import dev.labkit.data.Dataset;

/** The blobs of {@link OwnDataRunTest}, for tests in other packages. */
public final class OwnDataRunTestAccess {
  private OwnDataRunTestAccess() {}

  public static Dataset blobs() {
    return OwnDataRunTest.blobs("blobs", 100, 9);
  }
}
