package dev.labkit.run;

import dev.labkit.data.CsvDataSpec;
import dev.labkit.data.CsvRegressionSpec;
import dev.labkit.data.SyntheticLine;
import dev.labkit.model.RandomForest;
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
    seeds.put("fit", seed);                          // Fitting: every random choice of the model
    if (exp.model() instanceof RandomForest) {
      seeds.put("model.trees", "java.util.Random(" + seed + ").longs(trees): one seed per tree");
    }
    seeds.put("cv.folds", seed);                     // cross-validation and nested CV's outer folds
    seeds.put("search", seed);                       // random search draws
    seeds.put("nested_cv.inner_folds", seed + " + outer fold index + 1");
    return seeds;
  }
}
