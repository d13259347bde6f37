package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import java.util.Map;

/**
 * Logistic regression with the objective of scikit-learn's {@code LogisticRegression}, so results
 * compare C for C: {@code c} is the inverse regularisation strength and the intercepts are never
 * penalised. Multinomial (softmax) by default, or one binary problem per class ({@code ovr}).
 *
 * <pre>{@code
 * logisticRegression().c(0.1).maxIter(300)
 * logisticRegression().penalty(Penalty.L1).c(0.05)                      // sparse weights
 * logisticRegression().penalty(Penalty.ELASTIC_NET).l1Ratio(0.5).c(0.1)
 * }</pre>
 *
 * @param penalty     {@code l2} (the default), {@code l1}, {@code elastic-net} or {@code none}
 * @param c           inverse regularisation strength, > 0 (smaller means simpler weights)
 * @param l1Ratio     the L1 share of an elastic-net penalty, in [0, 1]: the penalty is
 *                    l1_ratio·‖W‖₁ + (1 − l1_ratio)/2·‖W‖², as scikit-learn's. Used only by
 *                    {@code elastic-net} and ignored by the other penalties (scikit-learn ignores it too);
 *                    0 is exactly {@code l2} and 1 exactly {@code l1}
 * @param multiClass  {@code multinomial} (one softmax over all classes, the default) or {@code ovr}
 *                    (one-vs-rest: a binary problem per class, probabilities normalised as scikit-learn's)
 * @param maxIter     solver iterations at most (per class for ovr)
 * @param tol         stop when the largest (pseudo-)gradient component is at most this
 * @param solver      for {@code l2} and {@code none}: {@code lbfgs} (the default, as scikit-learn's) or
 *                    {@code newton-cg}, Newton steps solved by conjugate gradients with the Hessian estimated on a
 *                    fresh random tenth of the rows each iteration: the same optimum, in a third of the passes
 *                    on Fashion-MNIST. L1 and elastic-net always use OWL-QN.
 */
public record LogisticRegression(Penalty penalty, double c, double l1Ratio, MultiClass multiClass, int maxIter,
    double tol, Solver solver) implements ClassifierSpec<LogisticRegression>, DeclaredSpec<LogisticRegression> {

  /** The penalties: L2 and none by L-BFGS, L1 and elastic-net by OWL-QN. */
  public enum Penalty { L2, L1, ELASTIC_NET, NONE }

  /** How more than two classes are handled. */
  public enum MultiClass { MULTINOMIAL, OVR }

  /** The solver of an L2 or unpenalised fit; L1 and elastic-net take OWL-QN whatever this says. */
  public enum Solver { LBFGS, NEWTON_CG }

  private static final Declare<LogisticRegression> P = Declare.of(LogisticRegression.class);

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<LogisticRegression> PARAMS = ParamTable.of(
      P.choice("penalty", Penalty.class, LogisticRegression::penalty, LogisticRegression::penalty,
          "`l2`, `l1` (sparse weights), `elastic-net` or `none`; L2 and none by L-BFGS, L1 and elastic-net by OWL-QN"),
      P.number("c", LogisticRegression::c, LogisticRegression::c,
          "inverse regularisation strength, as scikit-learn's `C` (smaller means simpler weights)")
          .check(v -> v > 0 && !v.isInfinite(), "> 0", "c is the inverse regularisation strength; try 1"),
      P.number("l1_ratio", LogisticRegression::l1Ratio, LogisticRegression::l1Ratio,
          "the L1 share of an elastic-net penalty, l1_ratio·‖W‖₁ + (1 − l1_ratio)/2·‖W‖² (other penalties ignore it)")
          .check(v -> v >= 0 && v <= 1, "in [0, 1]", "the L1 share of the elastic-net penalty"),
      P.choice("multi_class", MultiClass.class, LogisticRegression::multiClass, LogisticRegression::multiClass,
          "`multinomial` (one softmax over all classes) or `ovr` (one binary problem per class)"),
      P.integer("max_iter", LogisticRegression::maxIter, LogisticRegression::maxIter,
          "solver iterations at most (per class for ovr)").check(v -> v >= 1, "≥ 1"),
      P.number("tol", LogisticRegression::tol, LogisticRegression::tol,
          "stop when the largest (pseudo-)gradient component is at most this").check(v -> v > 0, "> 0"),
      P.choice("solver", Solver.class, LogisticRegression::solver, LogisticRegression::solver,
          "`lbfgs`, or `newton-cg`: Newton steps by conjugate gradients, the Hessian estimated on a fresh tenth of "
              + "the rows each iteration (the same optimum in fewer passes); l1 and elastic-net take OWL-QN whatever this says"));

  public LogisticRegression {
    PARAMS.validate(penalty, c, l1Ratio, multiClass, maxIter, tol, solver);
  }

  /** L2, C = 1, l1_ratio 0.5, multinomial, at most 200 iterations, tol 1e-4: scikit-learn's defaults but for max_iter. */
  public static LogisticRegression defaults() {
    return new LogisticRegression(Penalty.L2, 1.0, 0.5, MultiClass.MULTINOMIAL, 200, 1e-4, Solver.LBFGS);
  }

  public LogisticRegression penalty(Penalty value) {
    return new LogisticRegression(value, c, l1Ratio, multiClass, maxIter, tol, solver);
  }

  public LogisticRegression c(double value) {
    return new LogisticRegression(penalty, value, l1Ratio, multiClass, maxIter, tol, solver);
  }

  public LogisticRegression l1Ratio(double value) {
    return new LogisticRegression(penalty, c, value, multiClass, maxIter, tol, solver);
  }

  public LogisticRegression multiClass(MultiClass value) {
    return new LogisticRegression(penalty, c, l1Ratio, value, maxIter, tol, solver);
  }

  public LogisticRegression maxIter(int value) {
    return new LogisticRegression(penalty, c, l1Ratio, multiClass, value, tol, solver);
  }

  public LogisticRegression tol(double value) {
    return new LogisticRegression(penalty, c, l1Ratio, multiClass, maxIter, value, solver);
  }

  public LogisticRegression solver(Solver value) {
    return new LogisticRegression(penalty, c, l1Ratio, multiClass, maxIter, tol, value);
  }

  /** The weight of ‖W‖₁ in the objective divided by C·n: l1_ratio for elastic-net, 1 for l1, else 0. */
  public double l1Share() {
    return switch (penalty) {
      case L1 -> 1;
      case ELASTIC_NET -> l1Ratio;
      case L2, NONE -> 0;
    };
  }

  /** The weight of ‖W‖²/2 in the objective divided by C·n: 1 − l1_ratio for elastic-net, 1 for l2, else 0. */
  public double l2Share() {
    return switch (penalty) {
      case L2 -> 1;
      case ELASTIC_NET -> 1 - l1Ratio;
      case L1, NONE -> 0;
    };
  }

  @Override
  public String name() {
    return "logistic-regression";
  }

  @Override
  public ParamTable<LogisticRegression> paramTable() {
    return PARAMS;
  }

}
