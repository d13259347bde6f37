package dev.labkit.eval;

import dev.labkit.classic.Classifier;
import dev.labkit.classic.Fitting;
import dev.labkit.data.Dataset;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * k-fold cross-validation of a model spec: fit on k − 1 folds, score on the held-out one, k times.
 * The mean over folds estimates how the model does on unseen data from the same source; the spread
 * says how much that estimate moves with the particular split.
 *
 * <pre>{@code CvResult cv = CrossValidation.run(logisticRegression().c(0.1), train, 5, 42, events);
 * cv.summary(Metric.ACCURACY).mean();}</pre>
 *
 * Folds run one after another: the solver already uses every core.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /** Stratified {@code k}-fold cross-validation with folds drawn from {@code seed}. */
  public static CvResult run(ClassifierSpec<?> spec, Dataset data, int k, long seed, EventSink events) {
    return run(spec, data, StratifiedKFold.split(data, k, seed), events);
  }

  /**
   * Cross-validation on given folds: pass the same folds to two specs to compare them fold by fold
   * (what {@link CorrectedTTest} needs).
   */
  public static CvResult run(ClassifierSpec<?> spec, Dataset data, List<StratifiedKFold.Fold> folds, EventSink events) {
    List<FoldScore> scores = new ArrayList<>(folds.size());
    for (StratifiedKFold.Fold fold : folds) {
      FoldScore score = fitAndScore(spec, data, fold, events);
      scores.add(score);
      events.accept(new Event.Phase("cv", String.format(Locale.ROOT, "%s fold %d/%d  accuracy %.4f  log-loss %.4f",
          spec.name(), fold.index() + 1, folds.size(), score.score(Metric.ACCURACY), score.score(Metric.LOG_LOSS))));
    }
    return CvResult.of(scores);
  }

  /** Fits {@code spec} on the fold's training part and scores it on its test part. */
  static FoldScore fitAndScore(ClassifierSpec<?> spec, Dataset data, StratifiedKFold.Fold fold, EventSink events) {
    Dataset train = Subsets.take(data, data.id() + "/fold-" + fold.index() + "-train", fold.train());
    Dataset test = Subsets.take(data, data.id() + "/fold-" + fold.index() + "-test", fold.test());
    long start = System.nanoTime();
    Classifier model = Fitting.fit(spec, train, phasesOnly(events));
    double fitSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> scores = new LinkedHashMap<>(Metric.all(test.labels(), model.predictProba(test),
        test.classNames()));
    scores.put("train_accuracy", Metrics.accuracy(train.labels(), model.predict(train)));
    return new FoldScore(fold.index(), train.size(), test.size(), scores, fitSeconds);
  }

  /**
   * Passes on the solver's progress lines but not its per-iteration scalars: every fold restarts at
   * iteration 1, and k interleaved curves under one name would make a meaningless chart.
   */
  static EventSink phasesOnly(EventSink events) {
    return event -> {
      if (event instanceof Event.Phase) {
        events.accept(event);
      }
    };
  }
}
