package dev.labkit.ground;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Declares the params of one spec type, with the value types fixed by the method, so a spec's accessor and
 * wither (both named after the knob: {@code Gan::lr}) can be given as they are.
 *
 * <pre>{@code
 * private static final Declare<Gan> P = Declare.of(Gan.class);
 * P.number("lr", Gan::lr, Gan::lr, "G's Adam learning rate").check(v -> v > 0 && v < 1, "in (0, 1)")
 * }</pre>
 */
public final class Declare<S> {
  private Declare() {}

  /** The declarer for params shared by several spec types, declared once on an interface they implement. */
  public static <S> Declare<S> of() {
    return new Declare<>();
  }

  /** The declarer for {@code type}'s params (the class only fixes the type). */
  public static <S> Declare<S> of(Class<S> type) {
    return new Declare<>();
  }

  public Param<S, Double> number(String key, Function<S, Double> getter, BiFunction<S, Double, S> setter, String doc) {
    return Param.of(key, ParamType.NUMBER, getter, setter, doc);
  }

  public Param<S, Integer> integer(String key, Function<S, Integer> getter, BiFunction<S, Integer, S> setter,
      String doc) {
    return Param.of(key, ParamType.INT, getter, setter, doc);
  }

  public Param<S, Boolean> bool(String key, Function<S, Boolean> getter, BiFunction<S, Boolean, S> setter, String doc) {
    return Param.of(key, ParamType.BOOLEAN, getter, setter, doc);
  }

  public Param<S, String> text(String key, Function<S, String> getter, BiFunction<S, String, S> setter, String doc) {
    return Param.of(key, ParamType.TEXT, getter, setter, doc);
  }

  public Param<S, Path> path(String key, Function<S, Path> getter, BiFunction<S, Path, S> setter, String doc) {
    return Param.of(key, ParamType.PATH, getter, setter, doc);
  }

  public Param<S, List<Integer>> widths(String key, ParamType<List<Integer>> type, Function<S, List<Integer>> getter,
      BiFunction<S, List<Integer>, S> setter, String doc) {
    return Param.of(key, type, getter, setter, doc);
  }

  public <E extends Enum<E>> Param<S, E> choice(String key, Class<E> type, Function<S, E> getter,
      BiFunction<S, E, S> setter, String doc) {
    return Param.choice(key, type, getter, setter, doc);
  }

  /** A param of a type of its own (Svm's gamma: a number or {@code scale}). */
  public <T> Param<S, T> of(String key, ParamType<T> type, Function<S, T> getter, BiFunction<S, T, S> setter,
      String doc) {
    return Param.of(key, type, getter, setter, doc);
  }

  /** A nested spec's params among this one's, from its own table: see {@link ParamTable.Group}. */
  public <G> ParamTable.Group<S, G> group(Function<S, G> getter, BiFunction<S, G, S> setter, ParamTable<G> table) {
    return new ParamTable.Group<>(getter, setter, table);
  }
}
