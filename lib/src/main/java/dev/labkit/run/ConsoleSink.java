package dev.labkit.run;

import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.io.PrintStream;
import java.util.Locale;

/** Prints phase lines and the summary for people; ignores everything that belongs in files. */
public final class ConsoleSink implements EventSink {
  private final PrintStream out;
  private final long started = System.nanoTime();

  public ConsoleSink(PrintStream out) {
    this.out = out;
  }

  @Override
  public void accept(Event event) {
    switch (event) {
      case Event.Phase phase -> out.printf(Locale.ROOT, "[%6.1fs] %-8s %s%n", seconds(), phase.phase(), phase.text());
      case Event.Summary summary -> {
        out.println("summary");
        summary.metrics().forEach((name, value) -> out.printf(Locale.ROOT, "  %-24s %s%n", name, format(value)));
      }
      default -> { }
    }
    out.flush();
  }

  private double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) value);
    }
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
