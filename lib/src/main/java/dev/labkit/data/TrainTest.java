package dev.labkit.data;

/** A dataset's training and test parts, as an experiment uses them. */
public record TrainTest(Dataset train, Dataset test) {}
