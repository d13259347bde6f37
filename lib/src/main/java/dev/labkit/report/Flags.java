package dev.labkit.report;

import dev.labkit.kinds.classify.Convergence;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run page (and the report page) warns about, in words: a fit that stopped at max_iter, or how
 * many of a sweep's fits did; a network whose validation scores stalled while its training loss fell
 * (the trainer's {@code overfit_epoch}); a GAN whose samples collapsed onto a few classes (its
 * {@code collapsed} check). Read from the run's final metrics only, as the trainers recorded them, so any
 * page of any run folder says the same and nothing is measured twice.
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
    Double overfit = run.metric(OVERFIT_EPOCH);
    if (overfit != null && overfit >= 0) {
      flags.add("Overfitting from epoch " + overfit.longValue() + ": the validation loss and accuracy stopped"
          + " improving while the training loss kept falling.");
    }
    if (Double.valueOf(1).equals(run.metric(COLLAPSED))) {
      flags.add("Mode collapse: the generator's samples fall into too few classes (see the mode collapse check).");
    }
    return flags;
  }

  /** The epoch a network's overfitting was flagged at (neural.TrainingLog), absent when it was not. */
  static final String OVERFIT_EPOCH = "overfit_epoch";
  /** 1 when a GAN's class histogram says its samples collapsed (gan.ClassHistogram), else 0. */
  static final String COLLAPSED = "collapsed";
}
