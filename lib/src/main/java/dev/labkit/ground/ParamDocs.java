package dev.labkit.ground;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A spec type's params as the markdown table docs/dsl.md shows: key, type, default, check, doc. Rendered
 * from the declarations, so the docs cannot drift from the code (a test compares them).
 */
public final class ParamDocs {
  private ParamDocs() {}

  /**
   * The table of {@code table}'s params under {@code prefix} ({@code model.}), defaults read from
   * {@code defaults}; a nested spec's keys (a model's training) get their type and default from their values.
   */
  public static <S> String markdown(String prefix, ParamTable<S> table, S defaults) {
    List<String> lines = new ArrayList<>();
    lines.add("| key | type | default | check | what it does |");
    lines.add("|---|---|---|---|---|");
    for (ParamTable.Entry<S> entry : table.entries()) {
      if (entry instanceof Param<S, ?> param) {
        lines.add(row(prefix + param.key(), param.type().name(), show(shownIgnoringWhen(param, defaults)),
            param.test() == null || param.mustBe().startsWith("one of ") ? "" : param.mustBe(), param.doc()));
      } else if (entry instanceof ParamTable.Group<S, ?> group) {
        lines.addAll(nested(prefix, group, defaults));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  /** A nested spec's rows, its table's header left out. */
  private static <S, G> List<String> nested(String prefix, ParamTable.Group<S, G> group, S defaults) {
    List<String> rows = List.of(markdown(prefix, group.table(), group.getter().apply(defaults)).split("\n"));
    return rows.subList(2, rows.size());
  }

  private static <S, T> Object shownIgnoringWhen(Param<S, T> param, S spec) {
    return param.type().show(param.getter().apply(spec));
  }

  private static String row(String key, String type, String value, String check, String doc) {
    return "| `" + key + "` | " + escape(type) + " | " + value + " | " + escape(check) + " | " + escape(doc) + " |";
  }

  private static String show(Object value) {
    return switch (value) {
      case Double d when d != 0 && Math.abs(d) < 1e-3 -> scientific(d);
      case Double d -> Values.show(d);
      case String s when s.isEmpty() -> "(empty)";
      case String s -> "`" + s + "`";
      default -> String.valueOf(value);
    };
  }

  /** 2e-4 rather than 0.0002: small defaults as people write them. */
  private static String scientific(double value) {
    BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int digits = exact.precision();
    return new BigDecimal(exact.unscaledValue(), digits - 1).toPlainString() + "e" + (digits - 1 - exact.scale());
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
