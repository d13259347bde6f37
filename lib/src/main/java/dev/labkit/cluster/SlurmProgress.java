package dev.labkit.cluster;

import java.util.function.Consumer;
import java.util.Collection;
import java.util.Locale;

/**
 * The progress of a Slurm sweep while it waits, as plain lines: how many of its tasks are pending, running,
 * done (completed) and failed (ended any other way). A line is printed when the counts change, and at least
 * every {@code quiet} seconds otherwise. Kept apart so a live progress line can take its counts instead.
 */
public final class SlurmProgress {
  /** The counts of one look at the tasks. */
  public record Counts(int pending, int running, int done, int failed) {
    public static Counts of(Collection<SlurmStates.Task> tasks) {
      int pending = 0;
      int running = 0;
      int done = 0;
      int failed = 0;
      for (SlurmStates.Task task : tasks) {
        if (task.waiting()) {
          pending++;
        } else if (!task.ended()) {
          running++;
        } else if (task.completed()) {
          done++;
        } else {
          failed++;
        }
      }
      return new Counts(pending, running, done, failed);
    }

    public boolean over() {
      return pending == 0 && running == 0;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d pending, %d running, %d done, %d failed", pending, running, done, failed);
    }
  }

  private final Consumer<String> out;
  private final String label;
  private final long quietNanos;
  private Counts last;
  private long lastAt;

  public SlurmProgress(Consumer<String> out, String label, int quietSeconds) {
    this.out = out;
    this.label = label;
    this.quietNanos = quietSeconds * 1_000_000_000L;
  }

  /** Shows {@code counts} if they changed since the last line, or if the last line is old. */
  public void show(Counts counts) {
    long now = System.nanoTime();
    if (!counts.equals(last) || now - lastAt >= quietNanos) {
      out.accept(String.format(Locale.ROOT, "slurm    %s: %s", label, counts));
      last = counts;
      lastAt = now;
    }
  }
}
