package dev.labkit.console;

import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run's events on the {@link Console}: its phase and loop on the status line, and at its end one
 * line (its label, the headline metric and the flags: not converged, overfit, collapsed). With
 * {@code --verbose} every phase line and the full summary block are printed as well; the full summary is
 * always in the run folder (summary.json).
 */
public final class ConsoleSink implements EventSink {
  /** A phase whose line is worth reading at the default verbosity, once. */
  public static final String NOTE = "note";
  private final Console console;
  private final String label;
  private final long started = System.nanoTime();

  /** {@code label} names the run on its one-line summary: "trial 3/16  {model.c=0.1}", or the experiment. */
  public ConsoleSink(Console console, String label) {
    this.console = console;
    this.label = label;
  }

  @Override
  public void accept(Event event) {
    switch (event) {
      case Event.Phase phase -> {
        console.detail(String.format(Locale.ROOT, "[%6.1fs] %-8s %s", seconds(), phase.phase(), phase.text()));
        if (phase.phase().equals(NOTE)) {
          if (!console.verbose()) {
            console.note(phase.text());
          }
        } else {
          console.phase(phase.phase() + " · " + phase.text());
        }
      }
      case Event.Progress progress -> console.progress(progress.unit(), progress.done(), progress.total(),
          progress.detail());
      case Event.Summary summary -> {
        if (console.verbose()) {
          StringBuilder block = new StringBuilder("summary");
          summary.metrics().forEach((name, value) -> block.append(String.format(Locale.ROOT, "%n  %-24s %s", name,
              format(value))));
          console.detail(block.toString());
        } else {
          console.line(line(label, summary, seconds()));
        }
      }
      default -> { }
    }
  }

  /** "trial 3/16  {model.c=0.1}  val/accuracy 0.8590  test/accuracy 0.8450  12.3s  ! not converged in 200 iterations". */
  static String line(String label, Event.Summary summary, double seconds) {
    StringBuilder line = new StringBuilder(label);
    Map<String, Double> metrics = summary.metrics();
    for (String name : shown(summary)) {
      line.append("  ").append(name).append(' ').append(format(metrics.get(name)));
    }
    line.append(String.format(Locale.ROOT, "  %.1fs", seconds));
    List<String> flags = flags(metrics);
    if (!flags.isEmpty()) {
      line.append("  ! ").append(String.join(", ", flags));
    }
    return line.toString();
  }

  /** The headline and, for a test score, the validation and cross-validated scores of the same measure. */
  private static List<String> shown(Event.Summary summary) {
    List<String> names = new ArrayList<>();
    String headline = summary.headline();
    if (headline == null) {
      return names;
    }
    if (headline.startsWith("test/")) {
      String measure = headline.substring("test/".length());
      for (String name : List.of("cv/" + measure + "_mean", "val/" + measure)) {
        if (summary.metrics().containsKey(name)) {
          names.add(name);
        }
      }
    }
    if (summary.metrics().containsKey(headline)) {
      names.add(headline);
    }
    return names;
  }

  /**
   * The warnings the run pages give (report.Flags), from the same final metrics: {@code converged} 0 (the
   * solver stopped at max_iter, its {@code iterations}), {@code overfit_epoch} (a network's validation stalled), {@code collapsed} 1
   * (a GAN's samples fall into too few classes).
   */
  static List<String> flags(Map<String, Double> metrics) {
    List<String> flags = new ArrayList<>();
    if (Double.valueOf(0).equals(metrics.get("converged"))) {
      Double iterations = metrics.get("iterations");
      flags.add("not converged" + (iterations == null ? "" : " in " + iterations.longValue() + " iterations"));
    }
    Double overfit = metrics.get("overfit_epoch");
    if (overfit != null && overfit >= 0) {
      flags.add("overfit from epoch " + overfit.longValue());
    }
    if (Double.valueOf(1).equals(metrics.get("collapsed"))) {
      flags.add("collapsed");
    }
    return flags;
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
