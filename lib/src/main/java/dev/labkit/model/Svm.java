package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import dev.labkit.ground.UserError;
import dev.labkit.ground.ParamType;
import dev.labkit.ground.Values;
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
public record Svm(double c, double gamma, double tol) implements ClassifierSpec<Svm>, DeclaredSpec<Svm> {

  /** The {@code gamma} that means "scale": computed from the training data when fitting. */
  public static final double SCALE = 0;

  /** gamma's values: a number > 0, or {@code scale} (held as {@link #SCALE}). */
  private static final ParamType<Double> GAMMA = new ParamType<>() {
    public String name() {
      return "number | scale";
    }

    public Double parse(String key, String text) {
      if (text.trim().equalsIgnoreCase("scale")) {
        return SCALE;
      }
      double value = Values.parseDouble(key, text);
      if (value == SCALE) {
        throw new UserError(ZERO_GAMMA);
      }
      return value;
    }

    public Object show(Double value) {
      return value == SCALE ? "scale" : value;
    }
  };
  private static final String ZERO_GAMMA = "gamma must be > 0, got 0; for 1 / (features · variance) use gammaScale()";

  private static final Declare<Svm> P = Declare.of(Svm.class);

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<Svm> PARAMS = ParamTable.of(
      P.number("c", Svm::c, Svm::c, "penalty of a margin violation (larger: fewer violations, a more complex boundary)")
          .check(v -> v > 0 && !v.isInfinite(), "> 0", "try 1"),
      P.of("gamma", GAMMA, Svm::gamma, (svm, v) -> v == SCALE ? svm.gammaScale() : svm.gamma(v),
          "RBF kernel width; `scale`: 1 / (features · variance of all training values), scikit-learn's default")
          .check(v -> v >= 0 && !v.isInfinite(), "> 0 or scale"),
      P.number("tol", Svm::tol, Svm::tol, "tolerance of the solver's stopping test").check(v -> v > 0, "> 0"));

  public Svm {
    PARAMS.validate(c, gamma, tol);
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
      throw new UserError(ZERO_GAMMA);
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
  public ParamTable<Svm> paramTable() {
    return PARAMS;
  }

}
