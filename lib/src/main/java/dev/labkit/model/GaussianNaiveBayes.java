package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import java.util.Map;

/**
 * Gaussian naive Bayes: each feature is taken to be normally distributed within a class and independent
 * of the others given the class, as scikit-learn's {@code GaussianNB}.
 *
 * <pre>{@code gaussianNaiveBayes().varSmoothing(1e-2)}</pre>
 *
 * @param varSmoothing share of the largest feature variance added to every variance, ≥ 0, so a feature
 *                     that is constant within a class (a border pixel) does not make a density infinite
 */
public record GaussianNaiveBayes(double varSmoothing) implements ClassifierSpec<GaussianNaiveBayes>, DeclaredSpec<GaussianNaiveBayes> {

  private static final Declare<GaussianNaiveBayes> P = Declare.of(GaussianNaiveBayes.class);

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<GaussianNaiveBayes> PARAMS = ParamTable.of(
      P.number("var_smoothing", GaussianNaiveBayes::varSmoothing, GaussianNaiveBayes::varSmoothing,
          "share of the largest feature variance added to every variance, so a constant feature stays finite")
          .check(v -> v >= 0 && !v.isInfinite(), "≥ 0", "try 1e-9"));

  public GaussianNaiveBayes {
    PARAMS.validate(varSmoothing);
  }

  /** var_smoothing 1e-9: scikit-learn's default. */
  public static GaussianNaiveBayes defaults() {
    return new GaussianNaiveBayes(1e-9);
  }

  public GaussianNaiveBayes varSmoothing(double value) {
    return new GaussianNaiveBayes(value);
  }

  @Override
  public String name() {
    return "gaussian-naive-bayes";
  }

  @Override
  public ParamTable<GaussianNaiveBayes> paramTable() {
    return PARAMS;
  }

}
