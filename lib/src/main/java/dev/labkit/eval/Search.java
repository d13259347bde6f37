package dev.labkit.eval;

import dev.labkit.data.Dataset;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.ground.EventSink;
import java.util.List;
import java.util.Map;

/**
 * A hyper-parameter search: which points of a {@link SearchSpace} to try. Each point is scored by
 * stratified k-fold cross-validation on the data given (never on a test set), and the best mean wins.
 *
 * <pre>{@code SearchResult result = new RandomSearch(SearchSpace.of().logUniform("model.c", 0.01, 10), 20, 42)
 *     .run(logisticRegression(), train, 3, Metric.ACCURACY, 42, events);
 * result.bestSpec();}</pre>
 */
public sealed interface Search permits GridSearch, RandomSearch {
  SearchSpace space();

  /**
   * The valid points to try on {@code base}, in order, each with the spec it gives. A point the spec
   * rejects is left out; when every point is rejected this throws a one-line UserError.
   */
  List<Candidate> candidates(ClassifierSpec<?> base);

  /** A point of the space and the spec it makes. */
  record Candidate(Map<String, Object> params, ClassifierSpec<?> spec) {
    public Candidate {
      params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
  }

  /**
   * Cross-validates every candidate on {@code data} with {@code folds} stratified folds from {@code seed}
   * (the same folds for every candidate, so they are compared on equal terms) and ranks them by
   * {@code metric}.
   */
  default SearchResult run(ClassifierSpec<?> base, Dataset data, int folds, Metric metric, long seed,
      EventSink events) {
    return Searching.run(this, base, data, folds, metric, seed, events);
  }
}
