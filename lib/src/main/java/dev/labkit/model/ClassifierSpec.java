package dev.labkit.model;

/** A model that predicts a class: fitted on labelled data, scored by accuracy and its kin. */
public sealed interface ClassifierSpec<S extends ClassifierSpec<S>> extends ModelSpec<S> permits LogisticRegression,
    Svm, RandomForest, Knn, DecisionTree, GaussianNaiveBayes, NeuralNet, OwnClassifier {}
