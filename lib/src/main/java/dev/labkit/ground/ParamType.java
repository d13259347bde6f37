package dev.labkit.ground;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a parameter's values are: how its text (as typed after {@code --set key=}) is parsed, and how a
 * value shows in {@code params()} (the form run folders, re-run commands and reports carry).
 *
 * @param <T> the Java type of the record component that holds the value
 */
public interface ParamType<T> {
  /** The name the docs show in the type column: {@code number}, {@code int}, {@code mlp | dcgan}, … */
  String name();

  /** The value typed as {@code text}; errors name {@code key} and what was expected. */
  T parse(String key, String text);

  /** The value as {@code params()} shows it: a number, a boolean or a string. */
  default Object show(T value) {
    return value;
  }

  /** A real number: {@code 0.01}, {@code 1e-4}. */
  ParamType<Double> NUMBER = of("number", Values::parseDouble);

  /** A whole number; {@code 10_000} is accepted. */
  ParamType<Integer> INT = of("int", Values::parseInt);

  /** {@code true}/{@code false} (also yes/no, on/off, 1/0). */
  ParamType<Boolean> BOOLEAN = of("boolean", Values::parseBoolean);

  /** Text, trimmed. */
  ParamType<String> TEXT = of("text", (key, text) -> text.trim());

  /** A file or folder; empty text is none (null), shown as the empty string. */
  ParamType<Path> PATH = new ParamType<>() {
    public String name() {
      return "path";
    }

    public Path parse(String key, String text) {
      return text.isBlank() ? null : Path.of(text.trim());
    }

    public Object show(Path value) {
      return value == null ? "" : value.toString();
    }
  };

  /** One of an enum's constants, by its lower-case, dash-separated name ({@code elastic-net}). */
  static <E extends Enum<E>> ParamType<E> oneOf(Class<E> type) {
    String names = String.join(" / ", Arrays.stream(type.getEnumConstants()).map(Values::name).toList());
    return new ParamType<>() {
      public String name() {
        return names;
      }

      public E parse(String key, String text) {
        return Values.parseEnum(key, text, type);
      }

      public Object show(E value) {
        return Values.name(value);
      }
    };
  }

  /**
   * Layer widths shown joined by {@code separator} ({@code 256x512x1024}, {@code 256,128}) and typed with
   * commas, x or spaces between them; {@code emptyAllowed}: empty text or {@code none} is no layer.
   */
  static ParamType<List<Integer>> widths(String separator, boolean emptyAllowed) {
    return new ParamType<>() {
      public String name() {
        return "widths";
      }

      public List<Integer> parse(String key, String text) {
        String trimmed = text.trim();
        if (emptyAllowed && (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none"))) {
          return List.of();
        }
        List<Integer> widths = new ArrayList<>();
        for (String part : trimmed.split(emptyAllowed ? "," : "[,x ]+")) {
          widths.add(Values.parseInt(key, part));
        }
        return List.copyOf(widths);
      }

      public Object show(List<Integer> value) {
        return String.join(separator, value.stream().map(String::valueOf).toList());
      }
    };
  }

  /** A type from its name and its parser; values show as they are. */
  static <T> ParamType<T> of(String name, Parser<T> parser) {
    return new ParamType<>() {
      public String name() {
        return name;
      }

      public T parse(String key, String text) {
        return parser.parse(key, text);
      }
    };
  }

  /** Text to value, or a {@link UserError} naming the key. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String key, String text);
  }

  /** A value as an error message shows it after "got": {@code -1}, {@code 0.001}, {@code 'gelu'}, {@code nothing}. */
  static String describe(Object value) {
    return switch (value) {
      case null -> "nothing";
      case Double d -> Values.show(d);
      case Float f -> Values.show(f);
      case String s -> "'" + s + "'";
      case Enum<?> e -> "'" + Values.name(e) + "'";
      default -> String.valueOf(value);
    };
  }
}
