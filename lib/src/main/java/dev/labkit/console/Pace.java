package dev.labkit.console;

import java.util.Locale;

/**
 * How far a loop is (epochs, steps), how fast it goes and how long it has left: the rate is measured from
 * the loop's first update on, so loading data or building the network before it does not count.
 */
final class Pace {
  private String unit;
  private long total;
  private long firstDone;
  private long firstNanos;
  private long done;
  private long nanos;
  private String detail = "";

  void update(String unit, long done, long total, String detail, long now) {
    if (!unit.equals(this.unit) || total != this.total || done < this.done) { // a new loop
      this.unit = unit;
      this.total = total;
      firstDone = done;
      firstNanos = now;
    }
    this.done = done;
    this.nanos = now;
    this.detail = detail == null ? "" : detail;
  }

  /** "epoch 3/10 · 1.2 epoch/s · ~6s left · loss 0.4121". */
  String text() {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s %d/%d", unit, done, total));
    double seconds = (nanos - firstNanos) / 1e9;
    long steps = done - firstDone;
    if (steps > 0 && seconds > 0) {
      double rate = steps / seconds;
      text.append(rate >= 1 ? String.format(Locale.ROOT, " · %.1f %s/s", rate, unit)
          : String.format(Locale.ROOT, " · %.1f s/%s", 1 / rate, unit));
      text.append(" · ~").append(duration((total - done) / rate)).append(" left");
    }
    if (!detail.isEmpty()) {
      text.append(" · ").append(detail);
    }
    return text.toString();
  }

  /** "45s", "2m10s", "1h05m". */
  static String duration(double seconds) {
    long s = Math.round(Math.max(0, seconds));
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }
}
