package dev.labkit.eval;

import dev.labkit.data.Dataset;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Nested cross-validation: an honest score for "search the hyper-parameters, then fit".
 *
 * <p>The best score of a search is biased upward: among many candidates, the winner is partly the one
 * that was luckiest on those folds. Nested CV keeps the search away from the data that scores it. Each
 * outer fold holds out a test part; the search runs (with its own inner folds) on the outer training
 * part only; the winner is refitted on that whole training part and scored once on the held-out part.
 * The mean of the outer scores estimates the procedure; the chosen parameters per fold show how stable
 * the choice is.
 *
 * <pre>{@code NestedCv.run(logisticRegression(), train, 6, 3,
 *     new RandomSearch(SearchSpace.of().logUniform("model.c", 0.001, 10), 10, seed), Metric.ACCURACY, seed, events)}</pre>
 */
public final class NestedCv {
  private NestedCv() {}

  /**
   * @param outer   number of outer folds (scoring)
   * @param inner   number of inner folds (searching), drawn inside each outer training part
   * @param search  what to search; a random search draws the same points in every outer fold, so
   *                differences in the chosen values come from the data alone
   * @param metric  what the inner search ranks by; every metric is reported for the outer folds
   * @param seed    the outer folds are drawn from {@code seed}, the inner folds of outer fold i from
   *                {@code seed + i + 1}
   */
  public static NestedCvResult run(ClassifierSpec<?> spec, Dataset data, int outer, int inner, Search search, Metric metric,
      long seed, EventSink events) {
    search.space().check(spec); // a bad space fails now, not after the first outer fold's work
    List<StratifiedKFold.Fold> folds = StratifiedKFold.split(data, outer, seed);
    List<OuterFold> results = new ArrayList<>(outer);
    for (StratifiedKFold.Fold fold : folds) {
      Dataset train = Subsets.take(data, data.id() + "/outer-" + fold.index() + "-train", fold.train());
      SearchResult found = search.run(spec, train, inner, metric, seed + fold.index() + 1, event -> {});
      FoldScore scores = CrossValidation.fitAndScore(found.bestSpec(), data, fold, event -> {});
      results.add(new OuterFold(fold.index(), found.bestParams(), found.best(), scores));
      events.accept(new Event.Phase("nested-cv", String.format(Locale.ROOT, "outer fold %d/%d  chose %s  %s %.4f",
          fold.index() + 1, outer, readable(found.bestParams()), metric.key(), scores.score(metric))));
    }
    return new NestedCvResult(metric, results, Spread.of(results.stream().map(r -> r.scores().scores()).toList()));
  }

  /** Chosen values for people: numbers to 3 significant digits (c=0.0844, not c=0.08436423368601777). */
  static String readable(java.util.Map<String, Object> params) {
    java.util.StringJoiner out = new java.util.StringJoiner(", ", "{", "}");
    params.forEach((key, value) -> out.add(key + "=" + (value instanceof Double d
        ? new java.math.BigDecimal(d).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString()
        : String.valueOf(value))));
    return out.toString();
  }
}
