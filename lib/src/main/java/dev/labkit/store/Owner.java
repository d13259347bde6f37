package dev.labkit.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The process that writes a run folder, as run.json's {@code owner} records it: its process id, the host
 * it runs on and when the process started. A kill -9 leaves a run {@code running} with no chance to mark it;
 * its owner tells the readers ({@code lab runs}, the site, {@code --resume}) that it is gone: on the same
 * host, no process has that id any more, or the one that has it started at another time (the id was reused).
 * A run owned by another host cannot be checked from here and reads as running.
 *
 * @param started the owner's start time (ISO-8601), or null where the system does not say
 */
public record Owner(long pid, String host, String started) {
  private static final String HOST = hostName();
  /** Start times read twice may differ by rounding; two processes of one id are seconds apart at least. */
  private static final Duration SAME_START = Duration.ofSeconds(1);

  /** This process. */
  public static Owner current() {
    ProcessHandle self = ProcessHandle.current();
    return new Owner(self.pid(), HOST, self.info().startInstant().map(Instant::toString).orElse(null));
  }

  /** Whether this process is known to have ended: same host, and its id is free or belongs to a later process. */
  public boolean gone() {
    if (host == null || !host.equals(HOST) || pid <= 0) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    Optional<Instant> now = process.get().info().startInstant();
    if (started == null || now.isEmpty()) {
      return false;
    }
    try {
      return Duration.between(Instant.parse(started), now.get()).abs().compareTo(SAME_START) > 0;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** run.json's {@code owner} object, or null when there is none (a folder older than it). */
  static Owner read(JsonNode owner) {
    return owner.path("pid").isIntegralNumber() ? new Owner(owner.path("pid").asLong(),
        RunFolder.text(owner.path("host"), null), RunFolder.text(owner.path("started"), null)) : null;
  }

  /** The error a run reads with when this owner is gone and the run still says running. */
  String endedUnmarked() {
    return "its process (" + this + ") ended without marking the run: killed (kill -9) or the machine stopped";
  }

  /** How messages name it: {@code pid 1234 on host lab1}. */
  @Override
  public String toString() {
    return "pid " + pid + " on " + host;
  }

  /** The host's name as the kernel knows it (no network look-up), else as Java resolves it. */
  private static String hostName() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
