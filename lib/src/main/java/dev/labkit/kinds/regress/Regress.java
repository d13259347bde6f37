package dev.labkit.kinds.regress;

import dev.labkit.data.LoadOptions;
import dev.labkit.data.RegressionData;
import dev.labkit.data.RegressionDataSpec;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.ground.Params;
import dev.labkit.ground.Selection;
import dev.labkit.ground.UserError;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.neural.RegressionFit;
import dev.labkit.neural.RegressionTrainer;
import dev.labkit.run.Experiment;
import dev.labkit.run.RunFrame;
import dev.labkit.run.RunKind;
import dev.labkit.run.Runner;
import dev.labkit.run.Settings;
import dev.labkit.run.Trial;
import dev.labkit.store.RunRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One regression run, start to end: generate or read the data, fit by gradient descent, record. Its
 * metrics are the fitted line ({@code w}, or {@code w[feature]} for several features, and {@code b}),
 * {@code final_loss}, {@code mse} and {@code mae} on the data, {@code steps}, {@code steps_to_converge}
 * (absent when the loss had not settled), {@code stopped_early} and {@code lr_drops}. A run whose loss
 * became NaN or infinite keeps its metrics and is marked failed with the step and the fix.
 */
public final class Regress implements RunKind {
  public static final Regress KIND = new Regress();

  /** Smoke mode trains this many steps at most. */
  static final int SMOKE_STEPS = 100;

  /** The metrics of a regression sweep's trials table, in order. */
  private static final List<String> COLUMNS = List.of("fit_seconds", "w", "b", "final_loss", "mse", "mae", "steps",
      "steps_to_converge", "stopped_early", "lr_drops");

  private Regress() {}

  @Override
  public String name() {
    return "regress";
  }

  @Override
  public List<String> summaryColumns() {
    return COLUMNS;
  }

  /** The lowest MSE; the lab's regressions have no held-out part, so it is the MSE on the data fitted. */
  @Override
  public Selection.Rule selection() {
    return new Selection.Rule("mse", true);
  }

  @Override
  public void sweepCharts(SweepCharts sweep) {
    RegressionSummary.charts(sweep.store(), sweep.outcomes(), sweep.options());
  }

  @Override
  public Runner.Result run(TrialRun run) {
    Trial trial = run.trial();
    Settings options = run.options();
    Experiment exp = trial.experiment();
    LinearRegressionGd spec = (LinearRegressionGd) exp.model();
    return RunFrame.run(trial, run.sweep(), options, run.console(), (store, events, metrics) -> {
      RegressionData data = load(exp, options, events);
      store.dataset(new RunRecord.DatasetInfo(exp.data().name(),
          new RunRecord.Part(data.id(), data.size(), data.sha256()), null, List.of(data.featureCount()), List.of()));
      LinearRegressionGd fitted = options.smoke() ? spec.steps(Math.min(spec.steps(), SMOKE_STEPS)) : spec;
      events.accept(new Event.Phase("fit", String.format(Locale.ROOT, "%s on %,d rows: %s", spec.name(), data.size(),
          fitted.params())));
      long t0 = System.nanoTime();
      RegressionFit fit = RegressionTrainer.fit(fitted, data, exp.seed(), events);
      metrics.put("fit_seconds", (System.nanoTime() - t0) / 1e9);
      record(fit, data, metrics);
      if (data.featureCount() == 1 && Double.isFinite(fit.w()[0]) && Double.isFinite(fit.b())) {
        events.accept(new Event.Table("fitted-line", "chart", "Fitted line over the data", RegressionCharts.lines(
            data.featureNames().getFirst(), data.targetName(), Map.of("data", new double[][] {data.features(),
                data.targets()}), List.of(new RegressionCharts.Fitted("fit", store.folder(), fit.w()[0], fit.b())),
            RegressionSummary.SCATTER_POINTS).spec()));
      }
      events.accept(new Event.Summary(metrics, "mse"));
      if (fit.diverged()) {
        throw new UserError(String.format(Locale.ROOT, "diverged at step %d: the loss became NaN or infinite (last "
            + "finite loss %.6g); lower the learning rate (model.lr = %s)", fit.divergedAt(), fit.lastFiniteLoss(),
            Params.show(spec.training().lr())));
      }
    });
  }

  private static RegressionData load(Experiment exp, Settings options, EventSink events) {
    if (!(exp.data() instanceof RegressionDataSpec<?> regression)) {
      throw new UserError(exp.model().name() + " needs real-valued targets, and " + exp.data().name()
          + " has class labels: choose a regression dataset (line, line-reference, csv:<path>,target=<column>)");
    }
    return regression.loadRegression(new LoadOptions(options.smoke(), exp.seed(),
        line -> events.accept(new Event.Phase("data", line))));
  }

  /** The fit's numbers as metrics; a number that is not finite (after a divergence) is left out. */
  private static void record(RegressionFit fit, RegressionData data, Map<String, Double> metrics) {
    for (int j = 0; j < fit.w().length; j++) {
      put(metrics, data.featureCount() == 1 ? "w" : "w[" + data.featureNames().get(j) + "]", fit.w()[j]);
    }
    put(metrics, "b", fit.b());
    put(metrics, "final_loss", fit.finalLoss());
    put(metrics, "mse", fit.mse());
    put(metrics, "mae", fit.mae());
    metrics.put("steps", (double) fit.steps());
    if (fit.stepsToConverge() > 0) {
      metrics.put("steps_to_converge", (double) fit.stepsToConverge());
    }
    metrics.put("stopped_early", fit.stoppedEarly() ? 1.0 : 0.0);
    metrics.put("lr_drops", (double) fit.lrDrops());
    if (fit.diverged()) {
      metrics.put("diverged_at", (double) fit.divergedAt());
      put(metrics, "last_finite_loss", fit.lastFiniteLoss());
    }
  }

  private static void put(Map<String, Double> metrics, String name, double value) {
    if (Double.isFinite(value)) {
      metrics.put(name, value);
    }
  }
}
