package dev.labkit.model;

/** A model that generates examples: trained on images, scored by FID and its kin. */
public sealed interface GeneratorSpec<S extends GeneratorSpec<S>> extends ModelSpec<S> permits Gan {}
