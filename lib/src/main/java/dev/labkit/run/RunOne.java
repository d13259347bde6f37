package dev.labkit.run;

import dev.labkit.UserError;
import dev.labkit.classic.Classifier;
import dev.labkit.classic.Fitting;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.TrainTest;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One run, start to end: load (or reuse) the data, fit, evaluate, record. */
final class RunOne {
  private RunOne() {}

  static Runner.Result run(Trial trial, RunRecord.SweepInfo sweep, LabOptions options, PrintStream out,
      DataCache cache) {
    if (trial.experiment().model() instanceof dev.labkit.model.Gan) {
      return GanRun.run(trial, sweep, options, out, cache);
    }
    Experiment exp = trial.experiment();
    Instant start = Instant.now();
    RunRecord record = new RunRecord(RunRecord.SCHEMA, exp.name(), RunStore.newRunId(start), "running", null,
        exp.seed(), sweep, exp.params(), null,
        Provenance.capture(options.script(), rerunArgs(options, trial), start.toString(), options.smoke()));
    RunStore store = RunStore.create(options.runsDir(), record);
    EventSink events = EventSink.all(List.of(new ConsoleSink(out), store));
    Map<String, Double> metrics = new LinkedHashMap<>();
    try {
      events.accept(new Event.Phase("run", exp.name() + (trial.assignment().isEmpty() ? "" : " " + trial.assignment())
          + " → " + store.folder()));
      TrainTest data = cache.load(exp.data(), exp.seed(), events);
      store.dataset(DataCache.info(exp.data().name(), data));
      Splits splits = Splits.of(data, exp.validation(), exp.seed());
      events.accept(new Event.Phase("data", String.format(Locale.ROOT, "%,d train%s / %,d test, %s, %d classes",
          splits.train().size(), splits.validation() == null ? ""
              : String.format(Locale.ROOT, " / %,d validation", splits.validation().size()),
          splits.test().size(), splits.train().shape(), splits.train().numClasses())));
      events.accept(new Event.Phase("fit", exp.model().name() + " " + exp.model().params()));
      long t0 = System.nanoTime();
      Classifier model = Fitting.fit(exp.model(), splits.train(), exp.seed(), events);
      metrics.put("fit_seconds", (System.nanoTime() - t0) / 1e9);
      fitFacts(model, metrics);
      events.accept(new Event.Phase("fit", String.format(Locale.ROOT, "done in %.2f s", metrics.get("fit_seconds"))));
      events.accept(new Event.Phase("eval", String.format(Locale.ROOT, "predicting %,d test examples",
          splits.test().size())));
      long lastStep = metrics.getOrDefault("iterations", 0.0).longValue();
      Evaluator.evaluate(exp, model, splits, options.smoke(), events, metrics, lastStep);
      if (model instanceof dev.labkit.classic.Measured measured) {
        metrics.put("model_bytes", (double) measured.memoryBytes());
      }
      events.accept(new Event.Summary(metrics, metrics.containsKey("test/accuracy") ? "test/accuracy" : null));
      store.end("finished", null);
    } catch (UserError e) {
      store.end("failed", e.getMessage());
      throw e;
    } catch (RuntimeException | Error e) {
      store.end("failed", e.toString());
      throw e;
    } finally {
      store.close();
    }
    return new Runner.Result(0, store.folder(), metrics, null);
  }

  /** The command line that re-runs this trial alone: the script's own arguments plus its assignment. */
  static List<String> rerunArgs(LabOptions options, Trial trial) {
    List<String> args = new ArrayList<>(options.commandLine());
    trial.assignment().forEach((key, value) -> {
      args.add("--set");
      args.add(key + "=" + value);
    });
    return args;
  }

  private static void fitFacts(Classifier model, Map<String, Double> metrics) {
    if (model instanceof dev.labkit.classic.LogisticModel lr) {
      metrics.put("iterations", (double) lr.iterations());
      metrics.put("passes", (double) lr.passes());
      metrics.put("converged", lr.converged() ? 1.0 : 0.0);
      metrics.put("objective", lr.objective());
      metrics.put("sparsity", lr.sparsity());
    }
  }
}
