package dev.labkit.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How numbers and times look on the report. Locale-free, so a site built in Berlin and one built in
 * Boston have the same bytes.
 */
final class Format {
  private Format() {}

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * A measured value: four fixed decimals so a column of metrics lines up on the decimal point;
   * scientific notation where four decimals would hide the value (a loss of 3e-7) or bloat it.
   */
  static String decimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    double abs = Math.abs(value);
    if (value == Math.rint(value) && abs < 1e7) {
      return String.format(Locale.ROOT, "%d", (long) value); // a count: 200 iterations, not 200.0000
    }
    if (abs != 0 && (abs < 1e-3 || abs >= 1e7)) {
      return String.format(Locale.ROOT, "%.3e", value);
    }
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** A value named {@code name}: a size in bytes ({@code model_bytes}) as "25.2 MB", anything else as {@link #decimal}. */
  static String named(String name, double value) {
    return name != null && name.endsWith("bytes") && Double.isFinite(value) ? bytes(value) : decimal(value);
  }

  /** A size in bytes with SI units, as a file manager shows it: "812 B", "4.1 kB", "25.2 MB". */
  static String bytes(double value) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double v = Math.abs(value);
    int unit = 0;
    while (v >= 999.95 && unit < units.length - 1) {
      v /= 1000;
      unit++;
    }
    String sign = value < 0 ? "-" : "";
    return unit == 0 ? sign + Math.round(v) + " B" : sign + String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
  }

  /** A legend label: short, the sign always shown except at zero ("+0.532", "−0.532"). */
  static String signed(double value) {
    String digits = String.format(Locale.ROOT, "%.3g", Math.abs(value));
    return value > 0 ? "+" + digits : value < 0 ? "\u2212" + digits : "0";
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /** An ISO instant ("2026-11-26T21:30:00Z") as "2026-11-26 21:30 UTC"; anything else as given. */
  static String date(String iso) {
    Instant instant = instant(iso);
    return instant == null ? (iso == null ? "" : iso) : DATE.format(instant);
  }

  /** The time between two ISO instants, as "5 s", "3 min 20 s" or "2 h 5 min"; empty if unknown. */
  static String duration(String startIso, String endIso) {
    Instant start = instant(startIso);
    Instant end = instant(endIso);
    if (start == null || end == null || end.isBefore(start)) {
      return "";
    }
    long s = Duration.between(start, end).toSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    return (s / 3600) + " h " + (s % 3600 / 60) + " min";
  }

  static Instant instant(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The start time encoded in a run id ({@code yyyyMMdd-HHmmss-xxxx}) as an ISO instant, or null. */
  static String startFromRunId(String runId) {
    if (runId == null || !runId.matches("\\d{8}-\\d{6}(-.*)?")) {
      return null;
    }
    String iso = runId.substring(0, 4) + "-" + runId.substring(4, 6) + "-" + runId.substring(6, 8) + "T"
        + runId.substring(9, 11) + ":" + runId.substring(11, 13) + ":" + runId.substring(13, 15) + "Z";
    return instant(iso) == null ? null : iso;
  }
}
