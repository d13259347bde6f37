package dev.labkit.run;

import dev.labkit.UserError;
import dev.labkit.cli.LabOptions;
import dev.labkit.store.RunStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The run folder that sums a sweep up. It is created before the first trial (so the report lists the
 * sweep while it runs) and filled in at the end: the trials table, the best trial and its images.
 */
final class SweepSummary {
  /** Metrics shown as columns of the trials table, in this order, when any trial has them. */
  private static final List<String> COLUMNS = List.of("fit_seconds", "predict_seconds", "model_bytes", "iterations", "sparsity",
      "train/accuracy", "val/accuracy", "cv/accuracy_mean", "test/accuracy", "test/macro_f1", "test/log_loss",
      "w", "b", "final_loss", "mse", "mae", "steps", "steps_to_converge", "stopped_early", "lr_drops",
      "overfit_epoch", "final/d_loss", "final/g_loss", "fid", "kl_uniform", "precision", "recall",
      "tstr/accuracy");

  private final RunStore store;
  private final List<String> keys;
  private final LabOptions options;

  private SweepSummary(RunStore store, List<String> keys, LabOptions options) {
    this.store = store;
    this.keys = keys;
    this.options = options;
  }

  /** Starts the summary run; {@code resumed} is the summary folder of the sweep being resumed, else null. */
  static SweepSummary start(Experiment exp, List<Trial> trials, RunRecord.SweepInfo info, LabOptions options,
      Path resumed) {
    Map<String, Object> params = new LinkedHashMap<>(exp.params());
    if (info.keys().contains("model")) { // a comparison: one model's knobs would misdescribe the others
      params.keySet().removeIf(key -> key.startsWith("model."));
    }
    for (String key : info.keys()) { // a swept key shows every value it takes
      params.put(key, trials.stream().map(t -> t.assignment().get(key)).distinct().toList());
    }
    Instant start = Instant.now();
    RunRecord record = new RunRecord(RunRecord.SCHEMA, exp.name(), info.id(), RunStatus.RUNNING, null, exp.seed(), info,
        params, null, Provenance.capture(options.script(), options.sweepCommandLine(), start.toString(), options.smoke()));
    RunStore store = resumed == null ? RunStore.create(options.runsDir(), record) : RunStore.reopen(resumed, record);
    return new SweepSummary(store, info.keys(), options);
  }

  Path folder() {
    return store.folder();
  }

  /** Writes the tables, the best trial's images and summary.json; returns the best trial's metrics. */
  Map<String, Double> finish(List<SweepRunner.Outcome> outcomes, RunStatus status, String error, PrintStream out) {
    try {
      String metric = SweepRunner.selectionMetric(outcomes);
      List<String> columns = COLUMNS.stream()
          .filter(c -> outcomes.stream().anyMatch(o -> o.metrics().containsKey(c))).toList();
      SweepRunner.Outcome best = SweepRunner.best(outcomes, metric);
      Map<Path, String> marks = FoldMarks.against(best, outcomes);
      store.accept(new Event.Table("trials", "table", marks.isEmpty() ? "Trials"
          : "Trials (vs best: ▲ better, ● no significant difference, ▼ worse; corrected resampled t-test on "
              + "cross-validated accuracy, α = " + FoldMarks.ALPHA + ")", table(outcomes, columns, marks)));
      if (RegressionSummary.applies(outcomes)) {
        RegressionSummary.charts(store, outcomes, options);
      }
      GanSweepCharts.emit(store, keys, outcomes);
      Map<String, Double> metrics = new LinkedHashMap<>();
      if (best != null) {
        metrics.putAll(best.metrics());
        metrics.put("trials", (double) outcomes.size());
        store.accept(new Event.Table("best-trial", "table", "Best trial, chosen by " + metric
            + (metric.startsWith("test") ? " (no validation set: optimistic; add .validation(0.1))" : ""),
            table(List.of(best), columns, Map.of())));
        if (metric.contains("accuracy")) { // the accuracy charts; a regression's and a GAN's are their own
          charts(outcomes, best);
        }
        copyImages(outcomes, metric);
        out.printf(Locale.ROOT, "best     %s  %s %.4f%s%n", best.trial().assignment(), metric,
            best.metrics().get(metric), metric.equals("test/accuracy") || !best.metrics().containsKey("test/accuracy")
                ? "" : String.format(Locale.ROOT, "  test/accuracy %.4f", best.metrics().get("test/accuracy")));
      }
      store.accept(new Event.Summary(metrics, metrics.containsKey("test/accuracy") ? "test/accuracy"
          : metrics.containsKey(metric) ? metric : null));
      store.end(status, error);
      return metrics;
    } finally {
      store.close();
    }
  }

  /** A chart of accuracy against every swept number, split by the first swept key that is not a number. */
  private void charts(List<SweepRunner.Outcome> outcomes, SweepRunner.Outcome best) {
    String groupKey = firstTextKey(outcomes);
    if (groupKey != null && keys.size() == 1) { // a comparison: bars per model (or per value)
      store.accept(new Event.Table("accuracy-per-" + groupKey, "chart", "Accuracy per " + groupKey,
          RunCharts.bars(groupKey, outcomes).spec()));
      if (outcomes.stream().anyMatch(o -> o.metrics().containsKey("predict_seconds"))) {
        store.accept(new Event.Table("time-per-" + groupKey, "chart", "Fit and predict time per " + groupKey,
            RunCharts.times(groupKey, outcomes).spec()));
      }
    }
    for (String key : keys) {
      boolean numeric = outcomes.stream().allMatch(o -> isNumber(o.trial().assignment().get(key)));
      if (numeric) {
        store.accept(new Event.Table("accuracy-against-" + key, "chart", "Accuracy against " + key,
            RunCharts.sweep(key, groupKey, outcomes, best).spec()));
      }
    }
  }

  private String firstTextKey(List<SweepRunner.Outcome> outcomes) {
    return keys.stream().filter(key -> outcomes.stream()
        .anyMatch(o -> !isNumber(o.trial().assignment().get(key)))).findFirst().orElse(null);
  }

  private Map<String, Object> table(List<SweepRunner.Outcome> outcomes, List<String> metrics,
      Map<Path, String> marks) {
    List<String> header = new ArrayList<>(keys);
    header.addAll(metrics);
    if (!marks.isEmpty()) {
      header.add("vs best (CV)");
    }
    header.add("run");
    List<List<Object>> rows = new ArrayList<>();
    for (SweepRunner.Outcome outcome : outcomes) {
      List<Object> row = new ArrayList<>(SweepRunner.row(outcome, metrics).values());
      if (!marks.isEmpty()) {
        row.add(row.size() - 1, marks.getOrDefault(outcome.folder(), ""));
      }
      rows.add(row);
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("columns", header);
    table.put("rows", rows);
    return table;
  }

  /**
   * For each value of the first swept key that is not a number (penalty, model), the best trial with
   * that value lends its images, so they stand side by side; without such a key, the best trial's.
   */
  private void copyImages(List<SweepRunner.Outcome> outcomes, String metric) {
    String by = firstTextKey(outcomes);
    List<String> values = by == null ? List.of("") : outcomes.stream()
        .map(o -> o.trial().assignment().get(by)).distinct().toList();
    for (String value : values) {
      List<SweepRunner.Outcome> group = by == null ? outcomes
          : outcomes.stream().filter(o -> value.equals(o.trial().assignment().get(by))).toList();
      SweepRunner.Outcome best = SweepRunner.best(group, metric);
      if (best != null) {
        copyImagesOf(best, by == null ? "best" : by + "=" + value);
      }
    }
  }

  private void copyImagesOf(SweepRunner.Outcome outcome, String label) {
    Path artifacts = outcome.folder().resolve("artifacts.json");
    try {
      JsonNode index = Json.MAPPER.readTree(Files.readString(artifacts));
      String facts = describe(outcome);
      for (JsonNode entry : index) {
        if (!"image".equals(entry.path("kind").asString()) || !entry.has("max_abs")) {
          continue; // heatmaps only: example images stay on the trial's own page
        }
        byte[] png = Files.readAllBytes(outcome.folder().resolve(entry.path("path").asString()));
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (entry.has("max_abs")) {
          attributes.put("max_abs", entry.path("max_abs").asDouble());
        }
        String group = entry.path("group").asString("Images") + " · " + label + " (" + facts + ")";
        store.accept(new Event.Image(label.replaceAll("[^A-Za-z0-9_.-]", "_") + "/" + entry.path("name").asString(),
            entry.path("title").asString(), group, null, png, attributes));
      }
    } catch (IOException e) {
      throw new UserError("cannot read the images of trial " + outcome.folder() + ": " + e.getMessage(), e);
    }
  }

  private static String describe(SweepRunner.Outcome outcome) {
    List<String> parts = new ArrayList<>();
    outcome.trial().assignment().forEach((key, value) -> parts.add(key + " " + value));
    Double sparsity = outcome.metrics().get("sparsity");
    if (sparsity != null) {
      parts.add(String.format(Locale.ROOT, "%.1f%% zero weights", 100 * sparsity));
    }
    Double accuracy = outcome.metrics().get("test/accuracy");
    if (accuracy != null) {
      parts.add(String.format(Locale.ROOT, "test accuracy %.4f", accuracy));
    }
    return String.join(", ", parts);
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }
}
