package dev.labkit.classic;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, Numerical Optimization, algorithms 7.4 and 7.5) with a
 * line search that enforces the weak Wolfe conditions by bisection.
 *
 * <p>Written here rather than taken from Smile ({@code smile.math.BFGS}) because labkit needs what
 * Smile's does not give: the objective at every iteration (for the loss curve), the number of
 * iterations and gradient passes, and whether and why it stopped. Stops like scikit-learn's lbfgs:
 * when the largest gradient component is ≤ {@code gtol}, when the objective's relative decrease is
 * ≤ {@code ftol}, or after {@code maxIter} iterations.
 */
final class Lbfgs {
  /** f(x) and its gradient, written into {@code grad}. */
  interface Objective {
    double valueAndGradient(double[] x, double[] grad);
  }

  /** Told about every iteration: its number (1-based), f and the largest |gradient| component. */
  interface Listener {
    void iteration(int iteration, double value, double gradMax);
  }

  /** Why the minimiser stopped. */
  enum Stop { GRADIENT, FUNCTION, MAX_ITER, LINE_SEARCH }

  record Result(double value, int iterations, int evaluations, Stop stop) {
    boolean converged() {
      return stop == Stop.GRADIENT || stop == Stop.FUNCTION;
    }
  }

  static final double ARMIJO = 1e-4; // sufficient decrease (c1)
  private static final double WOLFE = 0.9;   // curvature (c2), the usual choice for quasi-Newton
  private static final double APPROX = 0.1;  // δ of the approximate Wolfe test
  static final double NOISE = 1e-6;  // relative error of f that a decrease may hide in
  static final double FTOL = 2.220446049250313e-09; // scipy's default factr·eps

  private Lbfgs() {}

  /** Minimises f starting from x (overwritten with the minimiser). */
  static Result minimize(Objective f, double[] x, int memory, double gtol, int maxIter, Listener listener) {
    int n = x.length;
    double[][] s = new double[memory][n];
    double[][] yv = new double[memory][n];
    double[] rho = new double[memory];
    double[] g = new double[n];
    double[] direction = new double[n];
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    double fx = f.valueAndGradient(x, g);
    int evaluations = 1;
    int stored = 0;
    int newest = -1;
    if (maxAbs(g) <= gtol) {
      return new Result(fx, 0, evaluations, Stop.GRADIENT);
    }
    for (int iter = 1; iter <= maxIter; iter++) {
      twoLoop(g, s, yv, rho, stored, newest, memory, direction);
      double slope = dot(g, direction);
      if (slope >= 0) { // lost descent (rounding): restart from steepest descent
        for (int i = 0; i < n; i++) direction[i] = -g[i];
        slope = dot(g, direction);
        stored = 0;
      }
      double step = iter == 1 ? Math.min(1.0, 1.0 / Math.sqrt(dot(g, g))) : 1.0;
      double lo = 0;
      double hi = Double.POSITIVE_INFINITY;
      double fNew = Double.NaN;
      boolean found = false;
      for (int trial = 0; trial < 40; trial++) {
        for (int i = 0; i < n; i++) xNew[i] = x[i] + step * direction[i];
        fNew = f.valueAndGradient(xNew, gNew);
        evaluations++;
        double slopeNew = dot(gNew, direction);
        boolean armijo = fNew <= fx + ARMIJO * step * slope;
        // Hager–Zhang's approximate Wolfe test: near the optimum, f's rounding error (float32 features
        // here) hides the decrease Armijo asks for, but the slope still shows that the step went downhill
        boolean approximate = approximatelyDown(fx, fNew, slope, slopeNew);
        if (!Double.isFinite(fNew) || !(armijo || approximate)) {
          hi = step; // too far: the function did not drop enough
        } else if (slopeNew < WOLFE * slope) {
          lo = step; // too short: the slope is still steep
        } else {
          found = true;
          break;
        }
        step = Double.isInfinite(hi) ? 2 * lo : 0.5 * (lo + hi);
      }
      if (!found) {
        return new Result(fx, iter - 1, evaluations, Stop.LINE_SEARCH);
      }
      newest = (newest + 1) % memory;
      double sy = 0;
      for (int i = 0; i < n; i++) {
        s[newest][i] = xNew[i] - x[i];
        yv[newest][i] = gNew[i] - g[i];
        sy += s[newest][i] * yv[newest][i];
      }
      rho[newest] = 1.0 / sy;
      stored = Math.min(stored + 1, memory);
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      double gradMax = maxAbs(g);
      listener.iteration(iter, fNew, gradMax);
      Stop stop = stopAfterStep(fx, fNew, gradMax, gtol);
      fx = fNew;
      if (stop != null) {
        return new Result(fx, iter, evaluations, stop);
      }
    }
    return new Result(fx, maxIter, evaluations, Stop.MAX_ITER);
  }

  /** direction = −H·g, with H the inverse-Hessian estimate from the stored (s, y) pairs. */
  static void twoLoop(double[] g, double[][] s, double[][] y, double[] rho, int stored, int newest,
      int memory, double[] direction) {
    int n = g.length;
    for (int i = 0; i < n; i++) direction[i] = -g[i];
    double[] alpha = new double[memory];
    for (int k = 0, idx = newest; k < stored; k++, idx = (idx - 1 + memory) % memory) {
      alpha[idx] = rho[idx] * dot(s[idx], direction);
      axpy(-alpha[idx], y[idx], direction);
    }
    if (stored > 0) { // scale by sᵀy / yᵀy, the usual initial Hessian guess
      double gamma = 1.0 / (rho[newest] * dot(y[newest], y[newest]));
      for (int i = 0; i < n; i++) direction[i] *= gamma;
    }
    int oldest = (newest - stored + 1 + memory) % memory;
    for (int k = 0, idx = oldest; k < stored; k++, idx = (idx + 1) % memory) {
      double beta = rho[idx] * dot(y[idx], direction);
      axpy(alpha[idx] - beta, s[idx], direction);
    }
  }

  /** Hager–Zhang's approximate Wolfe test: f within its rounding noise of f(x), and the slope no longer steep. */
  static boolean approximatelyDown(double fx, double fNew, double slope, double slopeNew) {
    return fNew <= fx + NOISE * Math.abs(fx) && slopeNew <= (2 * APPROX - 1) * slope;
  }

  /**
   * What an accepted step from f = fOld to fNew calls for: stop at a small gradient, or at a relative decrease of
   * f within {@link #FTOL} (scipy's test); null to go on.
   */
  static Stop stopAfterStep(double fOld, double fNew, double gradMax, double gtol) {
    if (gradMax <= gtol) {
      return Stop.GRADIENT;
    }
    double decrease = (fOld - fNew) / Math.max(Math.max(Math.abs(fOld), Math.abs(fNew)), 1.0);
    return decrease <= FTOL ? Stop.FUNCTION : null;
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) y[i] += a * x[i];
  }

  static double maxAbs(double[] v) {
    double max = 0;
    for (double value : v) max = Math.max(max, Math.abs(value));
    return max;
  }
}
