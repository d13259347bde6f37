package dev.labkit.model;

import dev.labkit.Params;
import dev.labkit.UserError;
import java.util.LinkedHashMap;
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
public record GaussianNaiveBayes(double varSmoothing) implements ModelSpec<GaussianNaiveBayes> {

  public GaussianNaiveBayes {
    if (!(varSmoothing >= 0) || Double.isInfinite(varSmoothing)) {
      throw new UserError("var_smoothing must be ≥ 0, got " + Params.show(varSmoothing) + " (try 1e-9)");
    }
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
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("var_smoothing", varSmoothing);
    return params;
  }

  @Override
  public GaussianNaiveBayes with(String key, String value) {
    return switch (key) {
      case "var_smoothing" -> varSmoothing(Params.parseDouble(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }
}
