package dev.labkit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One builder of a site at a time: two scripts that end together, or a script and {@code site serve}, would
 * otherwise delete and write the same pages and the manifest at once. The lock is {@code site/.lock}, taken
 * with {@link FileChannel#lock} (held by the process, released by the system even on kill -9), plus a lock per
 * site within this JVM, since a file lock is the process's and two threads cannot both hold it.
 */
final class SiteLock implements AutoCloseable {
  /** The lock file in the site folder; {@code site build} never deletes it. */
  static final String FILE = ".lock";

  private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;
  private final FileLock lock;

  private SiteLock(ReentrantLock local, FileChannel channel, FileLock lock) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /** Waits until no other thread or process builds {@code siteDir}, then holds it until {@link #close}. */
  static SiteLock take(Path siteDir) {
    Path site = siteDir.toAbsolutePath().normalize();
    ReentrantLock local = IN_THIS_JVM.computeIfAbsent(site, s -> new ReentrantLock());
    local.lock();
    try {
      Files.createDirectories(site);
      FileChannel channel = FileChannel.open(site.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new SiteLock(local, channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      local.unlock();
      throw new UncheckedIOException("cannot lock the site folder " + site + " (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      local.unlock();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // closing the channel releases the lock in any case
    } finally {
      local.unlock();
    }
  }
}
