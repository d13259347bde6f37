package dev.labkit.eval;

import dev.labkit.model.ClassifierSpec;
import java.util.List;
import java.util.Map;

/**
 * What a search found.
 *
 * @param metric      what the trials were ranked by
 * @param bestParams  the winning point's values, by key
 * @param bestSpec    the base spec with those values set: fit it on all the data searched
 * @param best        the winner's cross-validated score
 * @param trials      every point tried, in order
 */
public record SearchResult(Metric metric, Map<String, Object> bestParams, ClassifierSpec<?> bestSpec, Spread best,
    List<SearchTrial> trials) {
  public SearchResult {
    bestParams = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bestParams));
    trials = List.copyOf(trials);
  }
}
