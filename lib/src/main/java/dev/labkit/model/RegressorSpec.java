package dev.labkit.model;

/** A model that predicts a real number: fitted on regression data, scored by its loss. */
public sealed interface RegressorSpec<S extends RegressorSpec<S>> extends ModelSpec<S> permits LinearRegressionGd {}
