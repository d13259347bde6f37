package dev.labkit.ground;

import java.util.Map;

/**
 * A spec whose knobs are declared in a {@link ParamTable}: {@link #params()} and {@link #with} come from
 * those declarations, so a spec writes neither.
 *
 * @param <S> the spec's own type
 */
public interface DeclaredSpec<S extends DeclaredSpec<S>> extends Spec<S> {
  /** The declarations of this spec's knobs, in the order {@link #params()} shows them. */
  ParamTable<S> paramTable();

  @Override
  default Map<String, Object> params() {
    return paramTable().params(self());
  }

  @Override
  default S with(String key, String value) {
    return paramTable().with(self(), key, value);
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }
}
