package dev.labkit.ground;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parsing of parameter values typed on the command line, with errors that name the key and the fix, and how
 * values show in messages.
 */
public final class Values {
  private Values() {}

  /** Layer widths as typed: "256,512,1024" or "256x512x1024" (the form sweeps use) → [256, 512, 1024]. */
  public static List<Integer> parseWidths(String key, String value) {
    List<Integer> widths = new ArrayList<>();
    for (String part : value.trim().split("[,x ]+")) {
      widths.add(parseInt(key, part));
    }
    return widths;
  }

  public static double parseDouble(String key, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new UserError(key + " must be a number, got '" + value + "'");
    }
  }

  public static int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UserError(key + " must be a whole number, got '" + value + "'");
    }
  }

  public static boolean parseBoolean(String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new UserError(key + " must be true or false, got '" + value + "'");
    };
  }

  /** Parses an enum constant from its lower-case, dash-separated name ("elastic-net"). */
  public static <E extends Enum<E>> E parseEnum(String key, String value, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (name(constant).equals(value.trim().toLowerCase(Locale.ROOT))) {
        return constant;
      }
    }
    StringBuilder valid = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      valid.append(valid.isEmpty() ? "" : ", ").append(name(constant));
    }
    throw new UserError(key + " must be one of " + valid + ", got '" + value + "'");
  }

  /** The name an enum constant has in params: {@code ELASTIC_NET} is {@code elastic-net}. */
  public static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A number as people write it: {@code -1} rather than {@code -1.0}, {@code 0.001} rather than {@code 1.0E-3}. */
  public static String show(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
