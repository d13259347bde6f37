package dev.labkit.classic;

/**
 * Newton's method for a smooth convex objective: each iteration solves H·p = −g for the step by
 * conjugate gradients, stopped early (a truncated Newton method, Nocedal &amp; Wright algorithm 7.1),
 * then backtracks along p until f drops enough.
 *
 * <p>The gradient is always exact. H may be estimated, here on a fresh random sample of rows each
 * iteration ({@link SampledCurvature}): Byrd, Chin, Neveitt and Nocedal, "On the use of stochastic
 * Hessian information in optimization methods for machine learning" (SIAM J. Optim. 21(3), 2011).
 * An estimated H changes the path, never the point it converges to, because that is where the exact
 * gradient vanishes. Stops like {@link Lbfgs}: gradient, relative decrease, or {@code maxIter}
 * iterations, or a line search that finds no decrease.
 */
final class NewtonCg {
  /** H·v for the objective's Hessian H, or an estimate of it, at the point last given to {@link #at}. */
  interface Curvature {
    /** Moves the estimate to x, before the {@code iteration}-th step's inner solve. */
    void at(double[] x, int iteration);

    /** Writes H·v into {@code out}. */
    void times(double[] v, double[] out);
  }

  /**
   * Conjugate-gradient steps at most per iteration. Measured on Fashion-MNIST at C = 0.1 with a tenth of the
   * rows per estimate: 12 steps reached objective 0.3943 in 31.7 passes' worth of work, 20 steps in 26.3 and
   * 40 steps in 34.4, against 80 passes for L-BFGS (bench/README.md).
   */
  static final int CG_STEPS = 20;
  private static final int BACKTRACKS = 30;

  private NewtonCg() {}

  /** Minimises f starting from x (overwritten with the minimiser). */
  static Lbfgs.Result minimize(Lbfgs.Objective f, Curvature curvature, double[] x, double gtol, int maxIter,
      Lbfgs.Listener listener) {
    int n = x.length;
    double[] g = new double[n];
    double[] p = new double[n];
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    double fx = f.valueAndGradient(x, g);
    int evaluations = 1;
    if (Lbfgs.maxAbs(g) <= gtol) {
      return new Lbfgs.Result(fx, 0, evaluations, Lbfgs.Stop.GRADIENT);
    }
    for (int iter = 1; iter <= maxIter; iter++) {
      curvature.at(x, iter);
      solve(curvature, g, p);
      double slope = Lbfgs.dot(g, p);
      if (!(slope < 0)) { // no descent from the inner solve (rounding): take steepest descent
        for (int i = 0; i < n; i++) p[i] = -g[i];
        slope = Lbfgs.dot(g, p);
      }
      double step = 1.0;
      double fNew = Double.NaN;
      boolean found = false;
      for (int trial = 0; trial < BACKTRACKS && !found; trial++) {
        if (trial > 0) step *= 0.5;
        for (int i = 0; i < n; i++) xNew[i] = x[i] + step * p[i];
        fNew = f.valueAndGradient(xNew, gNew);
        evaluations++;
        boolean armijo = fNew <= fx + Lbfgs.ARMIJO * step * slope;
        // as in Lbfgs: near the optimum the float32 pass's rounding hides the decrease, the slope does not
        boolean approximate = Lbfgs.approximatelyDown(fx, fNew, slope, Lbfgs.dot(gNew, p));
        found = Double.isFinite(fNew) && (armijo || approximate);
      }
      if (!found) {
        return new Lbfgs.Result(fx, iter - 1, evaluations, Lbfgs.Stop.LINE_SEARCH);
      }
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      double gradMax = Lbfgs.maxAbs(g);
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
   * p ≈ −H⁻¹·g by conjugate gradients from p = 0, stopped once the residual is below η·‖g‖ with
   * η = min(0.5, √‖g‖) (superlinear near the optimum, loose far from it), after {@link #CG_STEPS} steps,
   * or at a direction of no curvature.
   */
  static void solve(Curvature curvature, double[] g, double[] p) {
    int n = g.length;
    double[] r = new double[n];
    double[] q = new double[n];
    double[] hq = new double[n];
    java.util.Arrays.fill(p, 0.0);
    for (int i = 0; i < n; i++) {
      r[i] = -g[i];
      q[i] = r[i];
    }
    double gNorm = Math.sqrt(Lbfgs.dot(g, g));
    double tolerance = Math.min(0.5, Math.sqrt(gNorm)) * gNorm;
    double rr = Lbfgs.dot(r, r);
    for (int step = 0; step < CG_STEPS && Math.sqrt(rr) > tolerance; step++) {
      curvature.times(q, hq);
      double curve = Lbfgs.dot(q, hq);
      if (!(curve > 0)) {
        if (step == 0) System.arraycopy(r, 0, p, 0, n); // no curvature at all: steepest descent
        return;
      }
      double alpha = rr / curve;
      for (int i = 0; i < n; i++) {
        p[i] += alpha * q[i];
        r[i] -= alpha * hq[i];
      }
      double rrNew = Lbfgs.dot(r, r);
      double beta = rrNew / rr;
      for (int i = 0; i < n; i++) q[i] = r[i] + beta * q[i];
      rr = rrNew;
    }
  }
}
