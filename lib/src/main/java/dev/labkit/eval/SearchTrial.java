package dev.labkit.eval;

import java.util.Map;

/**
 * One point a search tried and how it scored in cross-validation.
 *
 * @param index   0-based order in which it was tried
 * @param params  the values set, by {@code params()} key
 * @param score   the search metric over the inner folds (mean ± std)
 * @param cv      every fold's every score
 */
public record SearchTrial(int index, Map<String, Object> params, Spread score, CvResult cv) {
  public SearchTrial {
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
  }
}
