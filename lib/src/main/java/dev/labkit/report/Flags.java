package dev.labkit.report;

import dev.labkit.kinds.classify.Convergence;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run page warns about above its numbers, in words: a fit that stopped at max_iter, or how many
 * of a sweep's fits did. Read from the run's final metrics only, so any page of any run folder says the same.
 */
final class Flags {
  private Flags() {}

  static List<String> of(Run run) {
    List<String> flags = new ArrayList<>();
    Double unconverged = run.metric(Convergence.UNCONVERGED_FITS);
    Double trials = run.metric("trials");
    if (unconverged != null) { // a sweep's summary: count its fits, not only the best one
      if (unconverged > 0) {
        flags.add(Convergence.someNotConverged(unconverged.longValue(),
            trials == null ? unconverged.longValue() : trials.longValue()));
      }
    } else if (Double.valueOf(0).equals(run.metric(Convergence.CONVERGED))) {
      Double iterations = run.metric("iterations");
      flags.add("The solver " + Convergence.notConverged(iterations == null ? 0 : iterations.longValue(),
          run.metric(Convergence.GRAD_MAX)) + ".");
    }
    return flags;
  }
}
