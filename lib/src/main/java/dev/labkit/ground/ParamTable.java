package dev.labkit.ground;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A spec type's params in their one declared order, and everything that derives from them: the ordered
 * {@link #params} map, {@link #with} (a copy with one key set from text), {@link #validate} (for the
 * record's constructor), the unknown-key error with the nearest key suggested, and the fingerprint.
 *
 * <pre>{@code
 * static final ParamTable<Knn> PARAMS = ParamTable.of(
 *     Param.of("k", INT, Knn::k, Knn::k, "neighbours that vote").check(k -> k >= 1, "≥ 1", "try 5"),
 *     Param.choice("weights", Weights.class, Knn::weights, Knn::weights, "uniform or by 1 / distance"));
 * }</pre>
 *
 * @param entries the params, and groups of params a nested spec brings (a model's {@code Training}), in the
 *                order {@code params()} shows them
 */
public record ParamTable<S>(List<Entry<S>> entries) {

  /** A param, or a nested spec's params shown among the spec's own. */
  public sealed interface Entry<S> permits Param, Group {
    boolean has(String key);

    void show(S spec, Map<String, Object> into);

    S set(S spec, String key, String text);
  }

  /**
   * The params of a nested spec (a model's {@code Training}) shown among the spec's own, with their own
   * table: read with {@code getter}, replaced with {@code setter}.
   */
  public record Group<S, G>(Function<S, G> getter, BiFunction<S, G, S> setter, ParamTable<G> table)
      implements Entry<S> {
    @Override
    public boolean has(String key) {
      return table.has(key);
    }

    @Override
    public void show(S spec, Map<String, Object> into) {
      into.putAll(table.params(getter.apply(spec)));
    }

    @Override
    public S set(S spec, String key, String text) {
      return setter.apply(spec, table.with(getter.apply(spec), key, text));
    }
  }

  public ParamTable {
    entries = List.copyOf(entries);
  }

  @SafeVarargs
  public static <S> ParamTable<S> of(Entry<S>... entries) {
    return new ParamTable<>(List.of(entries));
  }

  /** The params alone, without groups, in their order. */
  public List<Param<S, ?>> list() {
    List<Param<S, ?>> params = new ArrayList<>();
    for (Entry<S> entry : entries) {
      if (entry instanceof Param<S, ?> param) {
        params.add(param);
      }
    }
    return params;
  }

  /** The ordered map of {@code spec}'s keys to the values {@code params()} shows. */
  public Map<String, Object> params(S spec) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (Entry<S> entry : entries) {
      entry.show(spec, params);
    }
    return params;
  }

  /** Whether {@code key} is one of the keys, its groups' included (shown or not). */
  public boolean has(String key) {
    return entries.stream().anyMatch(entry -> entry.has(key));
  }

  /** A copy of {@code spec} with {@code key} set from its text form; an unknown key names the nearest valid one. */
  public S with(S spec, String key, String text) {
    for (Entry<S> entry : entries) {
      if (entry.has(key)) {
        return entry.set(spec, key, text);
      }
    }
    throw unknownKey(key, params(spec).keySet());
  }

  /**
   * Checks a record's constructor arguments: {@code values} are the params' values in the declared order
   * (groups left out), so the compact constructor says {@code PARAMS.validate(c, gamma, tol)}.
   */
  public void validate(Object... values) {
    List<Param<S, ?>> params = list();
    if (values.length != params.size()) {
      throw new IllegalArgumentException("validate got " + values.length + " values for " + params.size() + " params");
    }
    for (int i = 0; i < values.length; i++) {
      params.get(i).validate(values[i]);
    }
  }

  /** The params that shape a network, in their fingerprint order, as {@code key=value} joined by spaces. */
  public String fingerprint(S spec) {
    return String.join(" ", list().stream().filter(p -> p.fingerprint() >= 0)
        .sorted(Comparator.comparingInt(Param::fingerprint)).map(p -> p.key() + "=" + p.shown(spec)).toList());
  }

  /** "unknown parameter 'cc'; did you mean c? valid keys: penalty, c, …" (no suggestion when none is close). */
  public static UserError unknownKey(String key, Collection<String> valid) {
    String nearest = Nearest.to(key, valid);
    return new UserError("unknown parameter '" + key + "'; " + (nearest == null ? "" : "did you mean " + nearest + "? ")
        + "valid keys: " + String.join(", ", valid));
  }
}
