package dev.labkit.kinds.regress;

import dev.labkit.data.DataSpec;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.RegressionData;
import dev.labkit.data.RegressionDataSpec;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.run.Experiment;
import dev.labkit.run.Outcome;
import dev.labkit.run.Settings;
import dev.labkit.run.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep of regression trials adds to its summary: the loss curves of every trial overlaid (log
 * scale, each trial's learning-rate drops and early stop marked on its own curve) and every trial's fitted
 * line over the data (a subsample scatter; one grey shade per data set when the trials used several, as
 * when the noise of the data is swept). The trials table itself is the summary's usual one.
 */
final class RegressionSummary {
  /** Data points drawn under the fitted lines, per data set. */
  static final int SCATTER_POINTS = 400;

  private RegressionSummary() {}

  static void charts(EventSink store, List<Outcome> outcomes, Settings options) {
    List<RegressionCharts.Fitted> trials = new ArrayList<>();
    List<RegressionCharts.Fitted> curves = new ArrayList<>(); // in a panel per loss, named by the other keys
    boolean panels = byLoss(outcomes);
    for (Outcome outcome : outcomes) {
      Map<String, Double> m = outcome.metrics();
      Trial trial = outcome.trial();
      double w = m.getOrDefault("w", Double.NaN);
      double b = m.getOrDefault("b", Double.NaN);
      trials.add(new RegressionCharts.Fitted(label(trial), outcome.folder(), w, b));
      curves.add(panels ? new RegressionCharts.Fitted(label(trial, LOSS), outcome.folder(), w, b,
          trial.assignment().get(LOSS)) : trials.getLast());
    }
    store.accept(new Event.Table("loss-curves", "chart", "Training loss of every trial",
        RegressionCharts.losses(curves, true, line -> { }).spec()));
    Map<String, double[][]> data = data(outcomes, options);
    if (data != null) {
      store.accept(new Event.Table("fitted-lines", "chart", "Fitted lines over the data",
          RegressionCharts.lines("x", "y", data, trials, SCATTER_POINTS).spec()));
    }
  }

  /** The swept key whose values get a panel each, when it is swept with others. */
  static final String LOSS = "model.loss";

  /** "loss=mse lr=0.001 schedule=patience": the trial's swept values, without their data./model. prefix. */
  static String label(Trial trial) {
    return label(trial, null);
  }

  /** The trial's label without the key its panel already names ({@code skip}; null keeps every key). */
  static String label(Trial trial, String skip) {
    List<String> parts = new ArrayList<>();
    trial.assignment().forEach((key, value) -> {
      if (!key.equals(skip)) {
        parts.add(key.substring(key.indexOf('.') + 1) + "=" + value);
      }
    });
    return parts.isEmpty() ? "fit" : String.join(" ", parts);
  }

  /**
   * Whether the loss curves are split into one panel per loss: the loss is swept with at least one other
   * key, so each panel holds the curves that differ by the other keys only (36 curves become 4 of 9).
   */
  static boolean byLoss(List<Outcome> outcomes) {
    long losses = outcomes.stream().map(o -> o.trial().assignment().get(LOSS)).distinct().count();
    boolean others = outcomes.stream().anyMatch(o -> o.trial().assignment().size() > 1);
    return losses > 1 && others && outcomes.stream().allMatch(o -> o.trial().assignment().containsKey(LOSS));
  }

  /**
   * The (x, y) columns of each distinct data set the trials used, generated or read again with the trials'
   * seed (cheap for a line); null when the data has more than one feature, so no line can be drawn.
   */
  private static Map<String, double[][]> data(List<Outcome> outcomes, Settings options) {
    Map<String, double[][]> columns = new LinkedHashMap<>();
    Map<DataSpec<?>, String> seen = new LinkedHashMap<>();
    for (Outcome outcome : outcomes) {
      Experiment exp = outcome.trial().experiment();
      if (!(exp.data() instanceof RegressionDataSpec<?> spec) || seen.containsKey(spec)) {
        continue;
      }
      RegressionData data = spec.loadRegression(new LoadOptions(options.smoke(), exp.seed(), line -> { }));
      if (data.featureCount() != 1) {
        return null;
      }
      String label = dataLabel(outcome.trial());
      seen.put(spec, label);
      columns.put(label, new double[][] {data.features(), data.targets()});
    }
    return columns.isEmpty() ? null : columns;
  }

  /** The trial's swept data values ("noise=laplace noise_scale=2"), or "data" when no data key was swept. */
  private static String dataLabel(Trial trial) {
    List<String> parts = new ArrayList<>();
    trial.assignment().forEach((key, value) -> {
      if (key.startsWith("data")) {
        parts.add(key.substring(key.indexOf('.') + 1) + "=" + value);
      }
    });
    return parts.isEmpty() ? "data" : String.join(" ", parts);
  }
}
