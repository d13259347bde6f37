package dev.labkit.model;

import java.util.List;

/**
 * What your own training code logs as it goes, into the run folder and onto the run's page like labkit's own:
 * a scalar at a step (a curve), an image at a step (images of one name form a gallery with a step slider) and
 * a table. Names are lower_snake, optionally with a {@code /} prefix ({@code train/loss}).
 */
public interface RunLog {
  /** One point of the curve {@code name}. */
  void scalar(long step, String name, double value);

  /**
   * Images at a step, as a grid: {@code pixels} holds {@code count × height × width × channels} values in
   * [0, 1], image after image, each pixel's channels together (as labkit's datasets hold them).
   */
  void images(long step, String name, float[] pixels, int height, int width, int channels);

  /** A table: its column names and rows (numbers or text), shown with CSV, Markdown and LaTeX downloads. */
  void table(String name, List<String> columns, List<List<Object>> rows);

  /**
   * How far your own loop is, for the console's progress line only (nothing is stored): {@code done} of
   * {@code total} {@code unit}s, e.g. {@code log.progress("epoch", 3, 10, "loss 0.41")}; the console adds the rate
   * and the time left.
   */
  default void progress(String unit, long done, long total, String detail) {}
}
