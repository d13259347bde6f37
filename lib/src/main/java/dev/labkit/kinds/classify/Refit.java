package dev.labkit.kinds.classify;

import dev.labkit.data.Dataset;
import dev.labkit.eval.Evaluation;
import dev.labkit.eval.NestedCvResult;
import dev.labkit.eval.OuterFold;
import dev.labkit.eval.RandomSearch;
import dev.labkit.eval.SearchResult;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.run.Experiment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The model the test section describes when a run searches its hyper-parameters (scikit-learn's
 * {@code refit}): nested CV only scores the procedure "search, then fit"; to have one model to test,
 * the same search (same points, same seed, same number of inner folds) runs once on the whole training
 * set and its winner is fitted there. The script's own values are only the search's starting point.
 *
 * @param chosen  the winning values, by params() key
 * @param spec    the base spec with them set: the model that is fitted and tested
 * @param found   the search on the whole training set
 */
record Refit(Map<String, Object> chosen, ClassifierSpec<?> spec, SearchResult found) {
  /** Two choices agree when equal, or for numbers within this relative distance (draws are shared across folds). */
  static final double SAME = 0.01;
  static final String RULE = "same value within 1 %";

  /** The refit for the run's nested CV, or null when the run searches nothing. */
  static Refit choose(Experiment exp, ClassifierSpec<?> base, Dataset train, boolean smoke, EventSink events) {
    Evaluation.NestedCv nested = exp.evaluations().stream()
        .filter(Evaluation.NestedCv.class::isInstance).map(Evaluation.NestedCv.class::cast)
        .findFirst().orElse(null);
    if (nested == null) {
      return null;
    }
    Evaluation.NestedCv search = smoke ? nested.smoke() : nested;
    events.accept(new Event.Phase("search", String.format(Locale.ROOT,
        "choosing %s on all %,d training examples: the nested CV's search (%d points, %d folds), then refit",
        search.space().describe(), train.size(), search.nIter(), search.inner())));
    SearchResult found = new RandomSearch(search.space(), search.nIter(), exp.seed())
        .run(base, train, search.inner(), search.scoring(), exp.seed(), event -> {});
    return new Refit(found.bestParams(), found.bestSpec(), found);
  }

  /** How many outer folds chose what the refit chose (equal, or numbers within {@link #SAME}). */
  int agreeing(NestedCvResult nested) {
    return (int) nested.folds().stream().filter(this::agrees).count();
  }

  private boolean agrees(OuterFold fold) {
    for (Map.Entry<String, Object> entry : chosen.entrySet()) {
      Object theirs = fold.chosen().get(entry.getKey());
      if (entry.getValue() instanceof Number mine && theirs instanceof Number other) {
        double a = mine.doubleValue();
        double b = other.doubleValue();
        if (Math.abs(a - b) > SAME * Math.max(Math.abs(a), Math.abs(b))) {
          return false;
        }
      } else if (!String.valueOf(entry.getValue()).equals(String.valueOf(theirs))) {
        return false;
      }
    }
    return true;
  }

  /** "model.c = 0.128, chosen by nested CV's search on the training set; the outer folds chose it in 6 of 6 (…)". */
  String sentence(NestedCvResult nested) {
    return values() + ", chosen by nested CV's search on the training set (" + found.metric().key() + " "
        + String.format(Locale.ROOT, "%.4f", found.best().mean()) + "); the outer folds chose it in "
        + agreeing(nested) + " of " + nested.folds().size() + " (" + RULE + ")";
  }

  /** The chosen values for people: numbers to 3 significant digits. */
  String values() {
    StringJoiner out = new StringJoiner(", ");
    chosen.forEach((key, value) -> out.add(key + " = " + readable(value)));
    return out.toString();
  }

  /** The script's own values of the chosen keys, from the experiment's params. */
  String scriptValues(Map<String, Object> scriptParams) {
    StringJoiner out = new StringJoiner(", ");
    chosen.keySet().forEach(key -> out.add(key + " = " + readable(scriptParams.get(key))));
    return out.toString();
  }

  static String readable(Object value) {
    return value instanceof Double d
        ? new BigDecimal(d).round(new MathContext(3)).stripTrailingZeros().toPlainString() : String.valueOf(value);
  }

  /** The table the run page shows: each chosen value, the script's default it replaced, and how it was chosen. */
  Map<String, Object> table(Map<String, Object> scriptParams, NestedCvResult nested) {
    List<List<Object>> rows = chosen.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue(),
        String.valueOf(scriptParams.get(e.getKey())), sentence(nested))).toList();
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("columns", List.of("parameter", "chosen", "script default", "how"));
    table.put("rows", rows);
    return table;
  }
}
