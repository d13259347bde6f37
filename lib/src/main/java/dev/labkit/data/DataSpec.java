package dev.labkit.data;

import dev.labkit.ground.Spec;

/**
 * A description of a dataset and how to prepare it (which data, subset sizes, scaling). Scripts hold
 * specs; the runner calls {@link #load} once per run. Parameter keys are relative ("scale"); the
 * experiment shows them under {@code data.}.
 */
public interface DataSpec<S extends DataSpec<S>> extends Spec<S> {
  /** Short dataset name, e.g. {@code fashion-mnist}. */
  String name();

  /** Loads, verifies and prepares the training and test parts. */
  TrainTest load(LoadOptions options);
}
