package dev.labkit.model;

import dev.labkit.Params;
import dev.labkit.UserError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multinomial logistic regression (softmax regression), with the objective of scikit-learn's
 * {@code LogisticRegression(multi_class="multinomial")} so results compare C for C: {@code c} is the
 * inverse regularisation strength and the intercepts are not penalised.
 *
 * <pre>{@code logisticRegression().c(0.1).maxIter(300)}</pre>
 *
 * @param penalty  {@code l2} (the default) or {@code none}
 * @param c        inverse regularisation strength, > 0 (smaller means simpler weights)
 * @param maxIter  L-BFGS iterations at most
 * @param tol      stop when the largest gradient component is at most this (scikit-learn's tol)
 */
public record LogisticRegression(Penalty penalty, double c, int maxIter, double tol)
    implements ModelSpec<LogisticRegression> {

  /** The penalties this solver supports. */
  public enum Penalty { L2, NONE }

  public LogisticRegression {
    if (penalty == null) {
      throw new UserError("penalty must be one of l2, none, got nothing");
    }
    if (!(c > 0) || Double.isInfinite(c)) {
      throw new UserError("c must be > 0, got " + Params.show(c) + " (c is the inverse regularisation strength; try 1)");
    }
    if (maxIter < 1) {
      throw new UserError("max_iter must be ≥ 1, got " + maxIter);
    }
    if (!(tol > 0)) {
      throw new UserError("tol must be > 0, got " + Params.show(tol));
    }
  }

  /** L2, C = 1, at most 200 iterations, tol 1e-4: scikit-learn's defaults but for max_iter. */
  public static LogisticRegression defaults() {
    return new LogisticRegression(Penalty.L2, 1.0, 200, 1e-4);
  }

  public LogisticRegression penalty(Penalty value) {
    return new LogisticRegression(value, c, maxIter, tol);
  }

  public LogisticRegression c(double value) {
    return new LogisticRegression(penalty, value, maxIter, tol);
  }

  public LogisticRegression maxIter(int value) {
    return new LogisticRegression(penalty, c, value, tol);
  }

  public LogisticRegression tol(double value) {
    return new LogisticRegression(penalty, c, maxIter, value);
  }

  @Override
  public String name() {
    return "logistic-regression";
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("penalty", Params.name(penalty));
    params.put("c", c);
    params.put("max_iter", maxIter);
    params.put("tol", tol);
    return params;
  }

  @Override
  public LogisticRegression with(String key, String value) {
    return switch (key) {
      case "penalty" -> penalty(Params.parseEnum(key, value, Penalty.class));
      case "c" -> c(Params.parseDouble(key, value));
      case "max_iter" -> maxIter(Params.parseInt(key, value));
      case "tol" -> tol(Params.parseDouble(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }
}
