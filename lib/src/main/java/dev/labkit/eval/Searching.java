package dev.labkit.eval;

import dev.labkit.data.Dataset;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs a {@link Search}: cross-validates each candidate on the same folds and keeps the best. */
final class Searching {
  private Searching() {}

  static SearchResult run(Search search, ClassifierSpec<?> base, Dataset data, int k, Metric metric, long seed,
      EventSink events) {
    List<Search.Candidate> candidates = search.candidates(base);
    // folds are drawn once: every candidate meets the same splits, so differences are the parameters'
    List<StratifiedKFold.Fold> folds = StratifiedKFold.split(data, k, seed);
    List<SearchTrial> trials = new ArrayList<>(candidates.size());
    SearchTrial best = null;
    for (Search.Candidate candidate : candidates) {
      // inside a search only the trial lines are worth showing; per-fold and solver lines would flood
      CvResult cv = CrossValidation.run(candidate.spec(), data, folds, event -> {});
      SearchTrial trial = new SearchTrial(trials.size(), candidate.params(), cv.summary(metric), cv);
      trials.add(trial);
      // strictly better only: on a tie the earlier point stays
      if (best == null || metric.better(trial.score().mean(), best.score().mean())) {
        best = trial;
      }
      events.accept(new Event.Phase("search", String.format(Locale.ROOT, "trial %d/%d  %s  %s %.4f ± %.4f",
          trials.size(), candidates.size(), candidate.params(), metric.key(), trial.score().mean(),
          trial.score().std())));
    }
    return new SearchResult(metric, best.params(), candidates.get(best.index()).spec(), best.score(), trials);
  }
}
