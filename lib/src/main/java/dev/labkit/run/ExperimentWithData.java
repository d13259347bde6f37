package dev.labkit.run;

import dev.labkit.data.DataSpec;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.model.ModelSpec;
import java.util.List;

/** The second step: named, with data, waiting for its model. */
public record ExperimentWithData(String name, DataSpec<?> data) {
  public Experiment model(ModelSpec<?> model) {
    return new Experiment(name, data, model, List.of(), List.of(), 0, List.of(), Experiment.DEFAULT_SEED, 1, List.of());
  }

  /** Several models on the same data, one trial each: {@code .compare(logisticRegression(), knn())}. */
  public Experiment compare(ClassifierSpec<?>... models) {
    return model(models.length == 0 ? null : models[0]).compare(models);
  }
}
