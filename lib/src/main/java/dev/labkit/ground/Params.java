package dev.labkit.ground;

import java.util.List;
import java.util.Map;

/**
 * Parsing of parameter values typed on the command line: kept for its callers, the work is done by
 * {@link Values} and {@link ParamTable} in {@code dev.labkit.ground}.
 */
public final class Params {
  private Params() {}

  /** Layer widths as typed: "256,512,1024" or "256x512x1024" (the form sweeps use) → [256, 512, 1024]. */
  public static List<Integer> parseWidths(String key, String value) {
    return Values.parseWidths(key, value);
  }

  public static double parseDouble(String key, String value) {
    return Values.parseDouble(key, value);
  }

  public static int parseInt(String key, String value) {
    return Values.parseInt(key, value);
  }

  public static boolean parseBoolean(String key, String value) {
    return Values.parseBoolean(key, value);
  }

  /** Parses an enum constant from its lower-case, dash-separated name ("elastic-net"). */
  public static <E extends Enum<E>> E parseEnum(String key, String value, Class<E> type) {
    return Values.parseEnum(key, value, type);
  }

  /** The name an enum constant has in params: {@code ELASTIC_NET} is {@code elastic-net}. */
  public static String name(Enum<?> constant) {
    return Values.name(constant);
  }

  /** A number as people write it: {@code -1} rather than {@code -1.0}, {@code 0.001} rather than {@code 1.0E-3}. */
  public static String show(double value) {
    return Values.show(value);
  }

  /** The error for a key a spec does not have, naming the nearest valid key when one is close, and listing them all. */
  public static UserError unknownKey(String key, Map<String, Object> valid) {
    return ParamTable.unknownKey(key, valid.keySet());
  }
}
