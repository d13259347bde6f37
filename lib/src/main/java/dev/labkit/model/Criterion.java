package dev.labkit.model;

/** How a tree scores a split: the impurity it minimises ({@code criterion} in params). */
public enum Criterion {
  /** Gini impurity 1 − Σ p²: scikit-learn's default. */
  GINI,
  /** Entropy −Σ p·log p (information gain). */
  ENTROPY
}
