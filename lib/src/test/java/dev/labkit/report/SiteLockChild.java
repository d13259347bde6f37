package dev.labkit.report;

import java.nio.file.Path;

/** The other process of {@link SiteLockTest}: {@code hold SITE MILLIS} holds the site's lock; {@code build RUNS SITE N} builds N times. */
public final class SiteLockChild {
  private SiteLockChild() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("hold")) {
      try (SiteLock lock = SiteLock.take(Path.of(args[1]))) {
        System.out.println("locked");
        Thread.sleep(Long.parseLong(args[2]));
      }
      return;
    }
    System.out.println("started");
    for (int i = 0; i < Integer.parseInt(args[3]); i++) {
      SiteGenerator.build(Path.of(args[1]), Path.of(args[2]), line -> { });
    }
  }
}
