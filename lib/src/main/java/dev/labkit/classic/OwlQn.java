package dev.labkit.classic;

/**
 * Orthant-wise limited-memory quasi-Newton (OWL-QN; Andrew &amp; Gao, "Scalable training of
 * L1-regularized log-linear models", ICML 2007): minimises F(x) = f(x) + λ·Σ_{i penalised} |x_i| for a
 * smooth f, reusing {@link Lbfgs}'s two-loop recursion.
 *
 * <p>|x_i| has no gradient at 0, so the method works with the pseudo-gradient (the steepest
 * one-sided slope of F, zero where no direction goes down) and keeps every step inside one orthant:
 * a coordinate that would cross zero during the line search is set to exactly zero instead. That is
 * how L1 produces exact zeros. The curvature pairs (s, y) use f's gradient only, since the L1 term is
 * linear inside an orthant.
 */
final class OwlQn {
  private OwlQn() {}

  /**
   * Minimises f(x) + l1·Σ|x_i| over the coordinates where {@code penalised[i]}, starting from x
   * (overwritten with the minimiser). Stops when the largest pseudo-gradient component is ≤ gtol,
   * when F's relative decrease is ≤ scipy's ftol, or after maxIter iterations. The listener is told F.
   */
  static Lbfgs.Result minimize(Lbfgs.Objective f, double[] x, boolean[] penalised, double l1, int memory,
      double gtol, int maxIter, Lbfgs.Listener listener) {
    int n = x.length;
    double[][] s = new double[memory][n];
    double[][] yv = new double[memory][n];
    double[] rho = new double[memory];
    double[] g = new double[n];
    double[] pg = new double[n];
    double[] direction = new double[n];
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    double[] pgNew = new double[n];
    double fx = f.valueAndGradient(x, g) + l1 * norm1(x, penalised);
    int evaluations = 1;
    int stored = 0;
    int newest = -1;
    pseudoGradient(x, g, penalised, l1, pg);
    if (Lbfgs.maxAbs(pg) <= gtol) {
      return new Lbfgs.Result(fx, 0, evaluations, Lbfgs.Stop.GRADIENT);
    }
    for (int iter = 1; iter <= maxIter; iter++) {
      Lbfgs.twoLoop(pg, s, yv, rho, stored, newest, memory, direction);
      for (int i = 0; i < n; i++) {
        if (direction[i] * pg[i] >= 0) {
          direction[i] = 0; // never move against the pseudo-gradient: that leaves F's descent cone
        }
      }
      double slope = Lbfgs.dot(pg, direction);
      if (!(slope < 0)) { // no descent left in the quasi-Newton direction: steepest descent
        for (int i = 0; i < n; i++) direction[i] = -pg[i];
        slope = Lbfgs.dot(pg, direction);
        stored = 0;
      }
      double step = iter == 1 ? Math.min(1.0, 1.0 / Math.sqrt(Lbfgs.dot(pg, pg))) : 1.0;
      double fNew = Double.NaN;
      boolean found = false;
      for (int trial = 0; trial < 40; trial++, step *= 0.5) { // backtracking
        for (int i = 0; i < n; i++) {
          double xi = x[i] + step * direction[i];
          // the orthant: x_i's sign, or for x_i = 0 the sign the pseudo-gradient points to
          double orthant = x[i] != 0 ? Math.signum(x[i]) : -Math.signum(pg[i]);
          xNew[i] = penalised[i] && Math.signum(xi) != orthant ? 0 : xi;
        }
        fNew = f.valueAndGradient(xNew, gNew) + l1 * norm1(xNew, penalised);
        evaluations++;
        double moved = 0; // pgᵀ(xNew − x): the decrease a linear model of F predicts, < 0
        for (int i = 0; i < n; i++) moved += pg[i] * (xNew[i] - x[i]);
        pseudoGradient(xNew, gNew, penalised, l1, pgNew);
        double slopeNew = 0;
        for (int i = 0; i < n; i++) slopeNew += pgNew[i] * (xNew[i] - x[i]);
        boolean armijo = fNew <= fx + Lbfgs.ARMIJO * moved;
        // as in Lbfgs: near the optimum the float32 objective's rounding hides the decrease, but F is
        // still going down at the new point, so the step did not overshoot
        boolean approximate = fNew <= fx + Lbfgs.NOISE * Math.abs(fx) && slopeNew <= 0;
        if (Double.isFinite(fNew) && (armijo || approximate)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return new Lbfgs.Result(fx, iter - 1, evaluations, Lbfgs.Stop.LINE_SEARCH);
      }
      double sy = 0;
      double yy = 0;
      for (int i = 0; i < n; i++) {
        double si = xNew[i] - x[i];
        double yi = gNew[i] - g[i];
        sy += si * yi;
        yy += yi * yi;
      }
      if (sy > 1e-12 * yy) { // f is convex, so sᵀy ≥ 0; skip pairs that rounding made useless
        newest = (newest + 1) % memory;
        for (int i = 0; i < n; i++) {
          s[newest][i] = xNew[i] - x[i];
          yv[newest][i] = gNew[i] - g[i];
        }
        rho[newest] = 1.0 / sy;
        stored = Math.min(stored + 1, memory);
      }
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      System.arraycopy(pgNew, 0, pg, 0, n);
      double gradMax = Lbfgs.maxAbs(pg);
      listener.iteration(iter, fNew, gradMax);
      Lbfgs.Stop stop = Lbfgs.stopAfterStep(fx, fNew, gradMax, gtol);
      fx = fNew;
      if (stop != null) {
        return new Lbfgs.Result(fx, iter, evaluations, stop);
      }
    }
    return new Lbfgs.Result(fx, maxIter, evaluations, Lbfgs.Stop.MAX_ITER);
  }

  /**
   * The pseudo-gradient of F at x: f's gradient plus l1·sign(x_i) off zero; at x_i = 0 the one-sided
   * slope that goes down (g_i + l1 if that is negative, g_i − l1 if that is positive), or 0 when
   * |g_i| ≤ l1 — the optimality condition of an L1 zero.
   */
  static void pseudoGradient(double[] x, double[] g, boolean[] penalised, double l1, double[] out) {
    for (int i = 0; i < x.length; i++) {
      if (!penalised[i] || l1 == 0) {
        out[i] = g[i];
      } else if (x[i] > 0) {
        out[i] = g[i] + l1;
      } else if (x[i] < 0) {
        out[i] = g[i] - l1;
      } else if (g[i] + l1 < 0) {
        out[i] = g[i] + l1;
      } else if (g[i] - l1 > 0) {
        out[i] = g[i] - l1;
      } else {
        out[i] = 0;
      }
    }
  }

  private static double norm1(double[] x, boolean[] penalised) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      if (penalised[i]) sum += Math.abs(x[i]);
    }
    return sum;
  }
}
