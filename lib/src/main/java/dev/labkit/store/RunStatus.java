package dev.labkit.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a run stands, as run.json's {@code status} says it: written in lower case ({@code "running"},
 * {@code "finished"}, {@code "failed"}, {@code "interrupted"}), the same strings labkit always wrote.
 */
public enum RunStatus {
  /** Started and not ended yet (or its process was killed with kill -9, which leaves no mark). */
  RUNNING,
  /** Ran to its end. */
  FINISHED,
  /** Stopped by an error; run.json's {@code error} says which. */
  FAILED,
  /** Stopped from outside (Ctrl-C, kill) before its end. */
  INTERRUPTED;

  /** The text run.json holds, and what pages and the {@code lab} tool print. */
  @JsonValue
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Ended one way or another: finished, failed or interrupted. */
  public boolean ended() {
    return this != RUNNING;
  }

  /** The status {@code text} names, or null when it names none (absent, or written by something else). */
  @JsonCreator
  public static RunStatus parse(String text) {
    if (text == null) {
      return null;
    }
    for (RunStatus status : values()) {
      if (status.text().equals(text)) {
        return status;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return text();
  }
}
