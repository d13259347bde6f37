package dev.labkit.classic;

import dev.labkit.data.Dataset;
import dev.labkit.model.LogisticRegression;
import dev.labkit.model.ModelSpec;
import dev.labkit.run.Event;
import dev.labkit.run.EventSink;
import java.util.Locale;

/** Fits any classic model spec, reporting progress as events. */
public final class Fitting {
  private Fitting() {}

  public static Classifier fit(ModelSpec<?> spec, Dataset train, EventSink events) {
    return switch (spec) {
      case LogisticRegression lr -> fitLogistic(lr, train, events);
    };
  }

  private static LogisticModel fitLogistic(LogisticRegression spec, Dataset train, EventSink events) {
    int every = Math.max(1, spec.maxIter() / 10);
    return LogisticRegressionTrainer.fit(spec, train, (iteration, objective, gradMax) -> {
      events.accept(new Event.Scalar(iteration, "train/objective", objective));
      events.accept(new Event.Scalar(iteration, "train/grad_max", gradMax));
      if (iteration % every == 0) {
        events.accept(new Event.Phase("fit", String.format(Locale.ROOT,
            "iteration %d/%d  objective %.5f  max|grad| %.2e", iteration, spec.maxIter(), objective, gradMax)));
      }
    });
  }
}
