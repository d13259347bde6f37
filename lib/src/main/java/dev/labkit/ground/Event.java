package dev.labkit.ground;

import java.util.Map;

/**
 * What a run reports while it goes: the one vocabulary between trainers and everything that shows
 * or stores results. Trainers never print or write files; they emit events to an {@link EventSink}.
 */
public sealed interface Event {
  /** A number at a step: a loss at an iteration, an accuracy at the end. */
  record Scalar(long step, String name, double value) implements Event {}

  /**
   * A PNG image. Images of one {@code group} are shown together in order; {@code step} is null for
   * an image that belongs to the whole run. {@code attributes} go into the image's artifacts.json
   * entry, e.g. {@code max_abs}, the ± value of a heatmap's strongest colour.
   */
  record Image(String name, String title, String group, Long step, byte[] png, Map<String, Object> attributes)
      implements Event {
    public Image {
      attributes = Map.copyOf(attributes);
    }

    public Image(String name, String title, String group, Long step, byte[] png) {
      this(name, title, group, step, png, Map.of());
    }
  }

  /**
   * A structured result stored as JSON: {@code kind} is {@code confusion-matrix}
   * ({"labels", "counts"}) or {@code table} ({"columns", "rows"}).
   */
  record Table(String name, String kind, String title, Object content) implements Event {}

  /** A line for people watching: which phase the run is in and how it goes. */
  record Phase(String phase, String text) implements Event {}

  /**
   * How far a loop is: {@code done} of {@code total} {@code unit}s (epoch, step), and what to show beside it
   * ("loss 0.4121"). For the console's progress line only; the numbers themselves go in {@link Scalar}s.
   */
  record Progress(String unit, long done, long total, String detail) implements Event {}

  /**
   * The run's final metrics; {@code headline} names the one to show in lists; {@code lowerIsBetter} says
   * for the metrics the script declared (your own, {@code .smallerIsBetter()}) which way is better, where a
   * report would otherwise guess from the name.
   */
  record Summary(Map<String, Double> metrics, String headline, Map<String, Boolean> lowerIsBetter) implements Event {
    public Summary(Map<String, Double> metrics, String headline) {
      this(metrics, headline, Map.of());
    }
  }
}
