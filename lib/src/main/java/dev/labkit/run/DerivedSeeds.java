package dev.labkit.run;

import dev.labkit.data.CsvDataSpec;
import dev.labkit.data.CsvRegressionSpec;
import dev.labkit.data.SyntheticLine;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.Gan;
import dev.labkit.model.RandomForest;
import dev.labkit.store.RunRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every seed a run derives from its one seed, named by what it drives, for run.json's
 * {@code provenance.seeds}. labkit never draws a seed from the clock: each random choice takes the run's
 * seed or a fixed function of it, listed here, so the same seed gives the same run. A value is a number
 * when the seed is used as it is, or the rule that derives a family of seeds (a forest's trees).
 */
final class DerivedSeeds {
  private DerivedSeeds() {}

  /**
   * The seeds of one run of a sweep ({@code sweep} null for a run alone): with {@code --repeat N} first
   * the rule that gave this repeat its seed ({@link Repeats#seed}), or in the sweep's summary run the
   * seeds of all N repeats.
   */
  static Map<String, Object> of(Experiment exp, RunRecord.SweepInfo sweep) {
    Map<String, Object> seeds = new LinkedHashMap<>();
    if (sweep != null && sweep.repeats() > 1) {
      int n = sweep.repeats();
      if (sweep.repeat() == 0) {
        seeds.put("repeats", java.util.stream.IntStream.rangeClosed(1, n)
            .mapToObj(r -> Repeats.seed(exp.seed(), r)).toList());
      } else {
        long base = exp.seed() - Repeats.STEP * (sweep.repeat() - 1);
        seeds.put("repeat", sweep.repeat() + " of " + n + ": " + base + " + " + Repeats.STEP + " × (" + sweep.repeat()
            + " − 1) = " + exp.seed());
      }
    }
    seeds.putAll(of(exp));
    return seeds;
  }

  static Map<String, Object> of(Experiment exp) {
    long seed = exp.seed();
    Map<String, Object> seeds = new LinkedHashMap<>();
    switch (exp.data()) {
      case CsvDataSpec csv -> seeds.put("data.test_split", seed); // the stratified train/test split
      case SyntheticLine line -> seeds.put("data.points", seed);  // the points: x, and the noise around the line
      case CsvRegressionSpec table -> { }                         // read as it is: nothing drawn
      default -> {
        seeds.put("data.train_subset", seed);        // image data: the stratified train subset (smoke, train_size)
        seeds.put("data.test_subset", seed + 1);     // and the test subset, drawn apart from it
      }
    }
    if (exp.validation() > 0) {
      seeds.put("validation.split", seed);           // Splits: the held-out validation set
    }
    if (exp.model() instanceof Gan) {                // a GAN's own draws (GanTraining, GanViews, Tstr)
      seeds.put("gan.init", "Long.hashCode(" + seed + "): libtorch's generator, the initial weights");
      seeds.put("gan.steps", "stepSeed(" + seed + ", step): each step's batches, noise and classes");
      seeds.put("gan.fixed_noise", seed + " ^ 0x5EED: the sample grid's noise, the same at every step");
      seeds.put("gan.samples", seed + " ^ 0xF1D: the samples scored by FID and the reference classifier");
      seeds.put("gan.interpolation", seed + " ^ 0x1E4B: the interpolation strips' end points");
      seeds.put("tstr", seed + " ^ 0x757: the synthetic training set of train-on-synthetic, test-on-real");
      return seeds;
    }
    seeds.put("fit", seed);                          // Fitting: every random choice of the model
    if (exp.model() instanceof RandomForest) {
      seeds.put("model.trees", "java.util.Random(" + seed + ").longs(trees): one seed per tree");
    }
    for (Evaluation evaluation : exp.evaluations()) {
      switch (evaluation) {
        case Evaluation.CrossValidation cv -> seeds.put("cv.folds", seed);   // the k stratified folds
        case Evaluation.NestedCv nested -> {
          seeds.put("nested_cv.outer_folds", seed);
          seeds.put("nested_cv.inner_folds", seed + " + outer fold index + 1");
          seeds.put("search", seed);                 // random search draws inside each outer fold
        }
        default -> { }
      }
    }
    return seeds;
  }
}
