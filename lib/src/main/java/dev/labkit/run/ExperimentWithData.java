package dev.labkit.run;

import dev.labkit.data.DataSpec;
import dev.labkit.model.ModelSpec;
import java.util.List;

/** The second step: named, with data, waiting for its model. */
public record ExperimentWithData(String name, DataSpec<?> data) {
  public Experiment model(ModelSpec<?> model) {
    return new Experiment(name, data, model, List.of(), Experiment.DEFAULT_SEED);
  }
}
