package dev.labkit.run;

import dev.labkit.data.DataSpec;

/** The first step of the chain: an experiment with a name, waiting for its data. */
public record ExperimentStart(String name) {
  public ExperimentWithData data(DataSpec<?> data) {
    return new ExperimentWithData(name, data);
  }
}
