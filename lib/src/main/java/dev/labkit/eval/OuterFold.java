package dev.labkit.eval;

import java.util.Map;

/**
 * One outer fold of a nested cross-validation.
 *
 * @param fold         0-based outer fold number
 * @param chosen       the parameters the inner search picked, using this fold's training part only
 * @param innerScore   the chosen point's inner cross-validated score (optimistic: it won a contest)
 * @param scores       the refitted model's scores on the outer test fold (an honest estimate)
 */
public record OuterFold(int fold, Map<String, Object> chosen, Spread innerScore, FoldScore scores) {
  public OuterFold {
    chosen = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(chosen));
  }
}
