package dev.labkit.model;

import dev.labkit.Params;
import dev.labkit.UserError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A support vector machine with the RBF kernel {@code K(x, y) = exp(−gamma·‖x − y‖²)}, as scikit-learn's
 * {@code SVC(kernel="rbf")}; several classes are handled one versus one (a machine for every pair of
 * classes), as scikit-learn does.
 *
 * <pre>{@code svm().c(10).gamma(0.01)}</pre>
 *
 * @param c     penalty of a margin violation, > 0 (larger: fewer violations, a more complex boundary)
 * @param gamma kernel width, > 0; {@link #SCALE} (0, shown as {@code scale}): 1 / (features · variance of
 *              all training values), scikit-learn's default
 * @param tol   tolerance of the solver's stopping test, > 0
 */
public record Svm(double c, double gamma, double tol) implements ModelSpec<Svm> {

  /** The {@code gamma} that means "scale": computed from the training data when fitting. */
  public static final double SCALE = 0;

  public Svm {
    if (!(c > 0) || Double.isInfinite(c)) {
      throw new UserError("c must be > 0, got " + Params.show(c) + " (try 1)");
    }
    if (!(gamma >= 0) || Double.isInfinite(gamma)) {
      throw new UserError("gamma must be > 0 or scale, got " + Params.show(gamma));
    }
    if (!(tol > 0)) {
      throw new UserError("tol must be > 0, got " + Params.show(tol));
    }
  }

  /** C = 1, gamma = scale, tol 1e-3: scikit-learn's defaults. */
  public static Svm defaults() {
    return new Svm(1.0, SCALE, 1e-3);
  }

  public Svm c(double value) {
    return new Svm(value, gamma, tol);
  }

  public Svm gamma(double value) {
    if (value == SCALE) {
      throw new UserError("gamma must be > 0, got 0; for 1 / (features · variance) use gammaScale()");
    }
    return new Svm(c, value, tol);
  }

  /** gamma = 1 / (features · variance of all training values), computed when fitting. */
  public Svm gammaScale() {
    return new Svm(c, SCALE, tol);
  }

  public Svm tol(double value) {
    return new Svm(c, gamma, value);
  }

  @Override
  public String name() {
    return "svm";
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("c", c);
    params.put("gamma", gamma == SCALE ? "scale" : gamma);
    params.put("tol", tol);
    return params;
  }

  @Override
  public Svm with(String key, String value) {
    return switch (key) {
      case "c" -> c(Params.parseDouble(key, value));
      case "gamma" -> value.trim().equalsIgnoreCase("scale") ? gammaScale() : gamma(Params.parseDouble(key, value));
      case "tol" -> tol(Params.parseDouble(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }
}
