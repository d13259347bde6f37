package dev.labkit.ground;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One knob of a spec, declared once: its key in {@code params()}, its type, how to read it from the spec
 * and how to set it (the spec's wither), one line of doc and the check its values must pass. A spec's
 * {@link ParamTable} lists its params; {@code params()}, {@code with(key, text)}, the constructor's
 * validation, the unknown-key error, fingerprints and the docs' tables all come from that list.
 *
 * <pre>{@code
 * Param.of("lr", NUMBER, Gan::lr, Gan::lr, "G's Adam learning rate").check(v -> v > 0 && v < 1, "in (0, 1)")
 * }</pre>
 *
 * @param key         the key, lower_snake ({@code d_lr}); shown as {@code model.d_lr} in an experiment
 * @param type        how text parses and how values show
 * @param getter      the spec's accessor
 * @param setter      the spec's wither: a copy with this value
 * @param doc         one line for docs/dsl.md
 * @param test        what a value must pass; null: anything
 * @param mustBe      what the check requires, as the error says it: "c must be <b>&gt; 0</b>, got -1"
 * @param hint        said after the value in the error, in parentheses ({@code try 1}); empty: nothing
 * @param fingerprint this param's place in the checkpoint fingerprint of the architecture (0, 1, …), for
 *                    the params that shape a network; -1: not part of it
 * @param shownWhen   whether {@code params()} shows it for this spec (an MLP's hidden widths, not softmax
 *                    regression's); setting it is always allowed
 */
public record Param<S, T>(String key, ParamType<T> type, Function<S, T> getter, BiFunction<S, T, S> setter, String doc,
    Predicate<T> test, String mustBe, String hint, int fingerprint, Predicate<S> shownWhen)
    implements ParamTable.Entry<S> {

  /** A param without a check, shown always, outside any fingerprint. */
  public static <S, T> Param<S, T> of(String key, ParamType<T> type, Function<S, T> getter,
      BiFunction<S, T, S> setter, String doc) {
    return new Param<>(key, type, getter, setter, doc, null, "", "", -1, s -> true);
  }

  /** The same param with a check: values failing {@code test} get "key must be {@code mustBe}, got value". */
  public Param<S, T> check(Predicate<T> test, String mustBe) {
    return check(test, mustBe, "");
  }

  /** As {@link #check(Predicate, String)}, the error ending in "(hint)". */
  public Param<S, T> check(Predicate<T> test, String mustBe, String hint) {
    return new Param<>(key, type, getter, setter, doc, test, mustBe, hint, fingerprint, shownWhen);
  }

  /** The same param, part of a checkpoint's architecture fingerprint at {@code position} (0 first). */
  public Param<S, T> fingerprint(int position) {
    return new Param<>(key, type, getter, setter, doc, test, mustBe, hint, position, shownWhen);
  }

  /** The same param, shown in {@code params()} only for specs that pass {@code when}. */
  public Param<S, T> shownWhen(Predicate<S> when) {
    return new Param<>(key, type, getter, setter, doc, test, mustBe, hint, fingerprint, when);
  }

  /** The value in {@code spec}, as {@code params()} shows it. */
  public Object shown(S spec) {
    return type.show(getter.apply(spec));
  }

  /** A copy of {@code spec} with this param set from its text form. */
  public S set(S spec, String text) {
    return setter.apply(spec, type.parse(key, text));
  }

  /** Throws the designed error when {@code value} fails the check. */
  @SuppressWarnings("unchecked")
  public void validate(Object value) {
    if (test != null && (value == null || !test.test((T) value))) {
      throw new UserError(key + " must be " + mustBe + ", got " + ParamType.describe(value)
          + (hint.isEmpty() ? "" : " (" + hint + ")"));
    }
  }

  /** An enum param: one of the constants, never null ("must be one of l2, l1, elastic-net, none, got nothing"). */
  public static <S, E extends Enum<E>> Param<S, E> choice(String key, Class<E> type, Function<S, E> getter,
      BiFunction<S, E, S> setter, String doc) {
    String names = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Values::name).toList());
    return of(key, ParamType.oneOf(type), getter, setter, doc).check(value -> true, "one of " + names);
  }

  @Override
  public boolean has(String name) {
    return key.equals(name);
  }

  @Override
  public void show(S spec, Map<String, Object> into) {
    if (shownWhen.test(spec)) {
      into.put(key, shown(spec));
    }
  }

  @Override
  public S set(S spec, String name, String text) {
    return set(spec, text);
  }
}
