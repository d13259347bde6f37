package dev.labkit.model;

import dev.labkit.ground.Spec;

/**
 * A model's hyper-parameters, and nothing else: data only meets a model when it is fitted. Parameter
 * keys are relative ("c"); the experiment shows them under {@code model.}, with {@code model} itself
 * holding {@link #name()}. Three sealed families: {@link ClassifierSpec}, {@link RegressorSpec} and
 * {@link GeneratorSpec}, so a trainer can ask for the one it fits.
 */
public sealed interface ModelSpec<S extends ModelSpec<S>> extends Spec<S> permits ClassifierSpec, RegressorSpec,
    GeneratorSpec {
  /** Short name shown in params and reports, e.g. {@code logistic-regression}. */
  String name();
}
