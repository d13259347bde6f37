package dev.labkit.data;

import dev.labkit.ground.UserError;

/**
 * A data spec whose targets are real numbers, for regression models. It plugs into
 * {@code Experiment.data(...)} like any other spec; a classification model cannot use it (its
 * {@link #load} says so in one line), and regression models call {@link #loadRegression} instead.
 */
public interface RegressionDataSpec<S extends RegressionDataSpec<S>> extends DataSpec<S> {
  /** Loads (or generates, with the run's seed) the whole data set; smoke mode may make it smaller. */
  RegressionData loadRegression(LoadOptions options);

  /** Classification models need class labels: the one-line error for a regression target in their script. */
  @Override
  default TrainTest load(LoadOptions options) {
    throw new UserError(name() + " is a regression dataset (real-valued targets); classification models need "
        + "class labels: choose a classification dataset (fashion-mnist, csv:<path>,label=<column>) or a "
        + "regression model such as linear-regression");
  }
}
