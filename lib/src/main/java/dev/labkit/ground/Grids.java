package dev.labkit.ground;

/** Evenly spaced numbers for sweep grids, with the one-line error for a grid that cannot be made. */
public final class Grids {
  private Grids() {}

  /**
   * numpy's {@code logspace(log10(lo), log10(hi), n)}: {@code n} values whose logarithms are evenly
   * spaced, the first exactly {@code lo} and the last exactly {@code hi}.
   */
  public static double[] logspace(double lo, double hi, int n) {
    check("logGrid", lo, hi, n);
    if (!(lo > 0)) {
      throw new UserError("logGrid needs 0 < lo < hi and n ≥ 2, got lo " + Axis.text(lo) + ", hi " + Axis.text(hi) + ", n " + n);
    }
    double[] grid = new double[n];
    double a = Math.log10(lo);
    double step = (Math.log10(hi) - a) / (n - 1);
    for (int i = 0; i < n; i++) {
      grid[i] = Math.pow(10, a + i * step);
    }
    grid[0] = lo;
    grid[n - 1] = hi;
    return grid;
  }

  static void check(String what, double lo, double hi, int n) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo) || n < 2) {
      throw new UserError(what + " needs 0 < lo < hi and n ≥ 2, got lo " + Axis.text(lo) + ", hi " + Axis.text(hi) + ", n " + n);
    }
  }
}
