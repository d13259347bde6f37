package dev.labkit.run;

import dev.labkit.console.Console;
import dev.labkit.ground.Event;
import dev.labkit.kinds.classify.Convergence;
import dev.labkit.ground.Json;
import dev.labkit.ground.Selection;
import dev.labkit.ground.UserError;
import dev.labkit.store.Provenance;
import dev.labkit.store.RunFolder;
import dev.labkit.store.RunRecord;
import dev.labkit.store.RunStatus;
import dev.labkit.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The run folder that sums a sweep up. It is created before the first trial (so the report lists the
 * sweep while it runs) and filled in at the end: the trials table, the best trial and its images.
 */
final class SweepSummary {
  private final RunStore store;
  private final List<String> keys;
  private final Settings options;
  private final RunKind kind;
  private final Selection.Rule rule; // the kind's, or the metric the script ranks by

  private SweepSummary(RunStore store, List<String> keys, Settings options, RunKind kind, Selection.Rule rule) {
    this.rule = rule;
    this.store = store;
    this.keys = keys;
    this.options = options;
    this.kind = kind;
  }

  /** Starts the summary run; {@code resumed} is the summary folder of the sweep being resumed, else null. */
  static SweepSummary start(Experiment exp, List<Trial> trials, RunRecord.SweepInfo info, Settings options,
      Path resumed) {
    Map<String, Object> params = new LinkedHashMap<>(exp.params());
    if (info.keys().contains("model")) { // a comparison: one model's knobs would misdescribe the others
      params.keySet().removeIf(key -> key.startsWith("model."));
    }
    for (String key : info.keys()) { // a swept key shows every value it takes
      params.put(key, trials.stream().map(t -> t.assignment().get(key)).distinct().toList());
    }
    RunKind kind = RunKinds.of(exp.model());
    Instant start = Instant.now();
    RunRecord record = new RunRecord(RunRecord.SCHEMA, exp.name(), kind.name(), info.id(), RunStatus.RUNNING, null,
        exp.seed(), info.ranked(exp.rank()), params, null, Provenance.capture(options.script(), options.sweepCommandLine(), start.toString(), options.smoke())
            .withSeeds(DerivedSeeds.of(exp, info)))
        .withNotes(ScriptHeader.description(options.script()), exp.notes());
    if (resumed != null) { // the Slurm arrays the sweep submitted before stay on record
      record = record.withSlurm(RunFolder.read(resumed).slurm());
    }
    RunStore store = resumed == null ? RunStore.create(options.runsDir(), record) : RunStore.reopen(resumed, record);
    return new SweepSummary(store, info.keys(), options, kind, exp.rank() == null ? kind.selection() : exp.rank());
  }

  Path folder() {
    return store.folder();
  }

  /** The Slurm arrays the sweep submitted so far (first run and every --resume), oldest first. */
  List<String> slurmArrays() {
    RunRecord.Slurm slurm = store.record().slurm();
    return slurm == null || slurm.arrays() == null ? List.of() : slurm.arrays();
  }

  /** Records that the sweep submitted {@code array}. */
  void submitted(String array) {
    List<String> arrays = new ArrayList<>(slurmArrays());
    arrays.add(array);
    store.slurm(RunRecord.Slurm.submitted(arrays));
  }

  /** Leaves the summary running, for {@code lab status} to finish once Slurm ran the trials ({@code --detach}). */
  void release() {
    store.release();
  }

  /**
   * Writes the tables, the best trial's images and summary.json; returns the best trial's metrics.
   * {@code runs}: every finished run by its number ({@link Repeats}); with repeats, each trial is its
   * mean over its seeds ({@link Outcome#mean}), ranked on that mean ({@link Selection#bestOnMean}).
   */
  Map<String, Double> finish(Map<Integer, Outcome> runs, Repeats repeats, RunStatus status, String error,
      Console out) {
    try {
      Map<Integer, List<Outcome>> grouped = new TreeMap<>();
      new TreeMap<>(runs).forEach((number, run) ->
          grouped.computeIfAbsent(repeats.trialOf(number), t -> new ArrayList<>()).add(run));
      List<List<Outcome>> byTrial = List.copyOf(grouped.values());
      boolean repeated = repeats.n() > 1;
      List<Outcome> outcomes = byTrial.stream().map(r -> repeated ? Outcome.mean(r) : r.getFirst()).toList();
      List<Map<String, Double>> measured = runs.values().stream().map(Outcome::metrics).toList();
      Selection selection = Selection.of(rule, measured);
      String metric = selection.metric();
      List<String> columns = kind.summaryColumns().stream()
          .filter(c -> outcomes.stream().anyMatch(o -> o.metrics().containsKey(c))).toList();
      int bestIndex = selection.bestOnMean(byTrial.stream().map(r -> r.stream().map(Outcome::metrics).toList()).toList());
      Outcome best = bestIndex < 0 ? null : outcomes.get(bestIndex);
      // the fold-by-fold test against the best compares single runs: not said of means over seeds
      Map<Path, String> marks = best == null || repeated ? Map.of() : kind.marks(best, outcomes);
      if (repeated) {
        store.accept(new Event.Table("trials", "table", "Trials: mean ± std over " + repeats.n()
            + " seeds (sample std, n − 1; the seeds column gives n)", RepeatTables.trials(keys, outcomes, columns)));
        store.accept(new Event.Table("repeats", "table", "Every seed of every trial",
            RepeatTables.repeats(keys, runs, repeats, columns)));
      } else {
        store.accept(new Event.Table("trials", "table", marks.isEmpty() ? "Trials"
            : "Trials (vs best: ▲ better, ● no significant difference, ▼ worse; corrected resampled t-test on "
                + "cross-validated accuracy, α = 0.05)", table(outcomes, columns, marks)));
      }
      kind.sweepCharts(new RunKind.SweepCharts(store, keys, outcomes, selection, best, options));
      Map<String, Double> metrics = new LinkedHashMap<>();
      if (best != null) {
        metrics.putAll(best.metrics());
        metrics.put("trials", (double) outcomes.size());
        if (repeated) {
          metrics.put("repeats", (double) repeats.n());
        }
        unconverged(List.copyOf(runs.values()), metrics, out);
        String chosen = "Best trial, chosen by " + selection.describe(repeats.n())
            + (selection.optimistic() ? ": there is no validation set; add .validation(0.1)" : "");
        store.accept(new Event.Table("best-trial", "table", chosen, repeated
            ? RepeatTables.trials(keys, List.of(best), columns) : table(List.of(best), columns, Map.of())));
        copyImages(outcomes, selection);
        Double std = best.std(metric);
        out.line(String.format(Locale.ROOT, "best     %s  %s %.4f%s%s%s", best.trial().assignment(), metric,
            best.metrics().get(metric), std == null ? "" : String.format(Locale.ROOT, " ± %.4f (%s)", std,
                Selection.onMean(repeats.n())),
            metric.equals("test/accuracy") || !best.metrics().containsKey("test/accuracy")
                ? "" : String.format(Locale.ROOT, "  test/accuracy %.4f", best.metrics().get("test/accuracy")),
            selection.optimistic() ? ", " + Selection.OPTIMISTIC : ""));
      }
      store.accept(new Event.Summary(metrics, metrics.containsKey("test/accuracy") ? "test/accuracy"
          : metrics.containsKey(metric) ? metric : null));
      store.end(status, error);
      return metrics;
    } finally {
      store.close();
    }
  }

  /** Counts the fits that stopped at max_iter ({@code converged} = 0), says so, and records the count. */
  private static void unconverged(List<Outcome> outcomes, Map<String, Double> metrics, Console out) {
    List<Outcome> fits = outcomes.stream().filter(o -> o.metrics().containsKey(Convergence.CONVERGED)).toList();
    if (fits.isEmpty()) {
      return;
    }
    long unconverged = fits.stream().filter(o -> o.metrics().get(Convergence.CONVERGED) == 0).count();
    metrics.put(Convergence.UNCONVERGED_FITS, (double) unconverged);
    if (unconverged > 0) {
      out.line("warning  " + Convergence.someNotConverged(unconverged, fits.size()));
    }
  }

  private Map<String, Object> table(List<Outcome> outcomes, List<String> metrics,
      Map<Path, String> marks) {
    List<String> header = new ArrayList<>(keys);
    header.addAll(metrics);
    if (!marks.isEmpty()) {
      header.add("vs best (CV)");
    }
    header.add("run");
    List<List<Object>> rows = new ArrayList<>();
    for (Outcome outcome : outcomes) {
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
  private void copyImages(List<Outcome> outcomes, Selection selection) {
    String by = firstTextKey(outcomes);
    List<String> values = by == null ? List.of("") : outcomes.stream()
        .map(o -> o.trial().assignment().get(by)).distinct().toList();
    for (String value : values) {
      List<Outcome> group = by == null ? outcomes
          : outcomes.stream().filter(o -> value.equals(o.trial().assignment().get(by))).toList();
      int best = selection.best(group.stream().map(Outcome::metrics).toList());
      if (best >= 0) {
        copyImagesOf(group.get(best), by == null ? "best" : by + "=" + value);
      }
    }
  }

  private void copyImagesOf(Outcome outcome, String label) {
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

  private static String describe(Outcome outcome) {
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

  private String firstTextKey(List<Outcome> outcomes) {
    return keys.stream().filter(key -> outcomes.stream()
        .anyMatch(o -> !isNumber(o.trial().assignment().get(key)))).findFirst().orElse(null);
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
