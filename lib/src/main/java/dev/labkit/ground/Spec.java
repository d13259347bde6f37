package dev.labkit.ground;

import java.util.Map;

/**
 * Anything with hyper-parameters: a dataset description, a model, an experiment. A spec is an
 * immutable record validated in its constructor; {@link #params()} is the one ordered map of its
 * knobs, read by the CLI's {@code --set}, by search and by provenance. Each knob is declared once, in the
 * spec's {@code ground.ParamTable} (key, type, check, doc), from which {@code params()},
 * {@code with}, the constructor's checks and docs/dsl.md's tables all derive.
 *
 * @param <S> the spec's own type, so {@link #with} returns it
 */
public interface Spec<S extends Spec<S>> {
  /** Ordered map of parameter names (dotted, lower_snake) to values: numbers, strings, booleans. */
  Map<String, Object> params();

  /**
   * A copy with one parameter set from its text form, as typed after {@code --set key=}.
   * Throws {@link UserError} naming the key and the valid keys or values when either is wrong.
   */
  S with(String key, String value);
}
