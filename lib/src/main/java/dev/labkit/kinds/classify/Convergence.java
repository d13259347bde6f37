package dev.labkit.kinds.classify;

import java.util.Locale;

/**
 * The words for a solver that stopped at {@code max_iter} before its tolerance was met: its weights are
 * not the optimum the penalty defines, so its sparsity, heatmaps and accuracy are those of an
 * unfinished fit. Said the same way on the console, the run page and a sweep's summary.
 */
public final class Convergence {
  /** The run metric: 1 when the solver met its tolerance, 0 when it stopped at max_iter. */
  public static final String CONVERGED = "converged";
  /** The run metric: the largest gradient component when the solver stopped. */
  public static final String GRAD_MAX = "grad_max";
  /** A sweep summary's metric: how many of its fits did not converge. */
  public static final String UNCONVERGED_FITS = "unconverged_fits";

  private Convergence() {}

  /** "did not converge in 200 iterations (max|grad| 1.2e-02); raise model.max_iter". */
  public static String notConverged(long iterations, Double gradMax) {
    return String.format(Locale.ROOT, "did not converge in %d iterations%s; raise model.max_iter", iterations,
        gradMax == null || gradMax.isNaN() ? "" : String.format(Locale.ROOT, " (max|grad| %.2e)", gradMax));
  }

  /** "11 of 16 fits did not converge in model.max_iter iterations; raise model.max_iter". */
  public static String someNotConverged(long unconverged, long fits) {
    return unconverged + " of " + fits + " fits did not converge in model.max_iter iterations; raise model.max_iter";
  }
}
