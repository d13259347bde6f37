package dev.labkit.ground;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** An axis's values: their text form ({@code --set}), their kept type, and numbers read from text. */
final class AxisValues {
  private AxisValues() {}

  /** The text form of a value, as {@code --set} takes it: numbers as people write them ({@code 0.1}, {@code 10}). */
  static String text(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        return String.valueOf(d);
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
    return String.valueOf(value);
  }

  /** A value in its kept type: whole numbers as given (int or long), other numbers as Double, enums by name, the rest as given. */
  static Object typed(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return value;
    }
    if (value instanceof Short || value instanceof Byte) {
      return ((Number) value).intValue();
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof Enum<?>) {
      return text(value);
    }
    return value;
  }

  /** The number a text reads as (Long when whole and written so, else Double), or null. */
  static Object number(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return text.matches("-?\\d{1,18}") ? (Object) Long.parseLong(text) : parseFinite(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseFinite(String text) {
    if (!text.matches("[-+0-9.eE]+")) {
      return null; // "NaN", "Infinity", "0x1p3", "1d" are not numbers a sweep writes
    }
    double d = Double.parseDouble(text);
    return Double.isFinite(d) ? d : null;
  }

  static double round3(double value) {
    return new BigDecimal(value).round(new MathContext(3)).doubleValue();
  }
}
