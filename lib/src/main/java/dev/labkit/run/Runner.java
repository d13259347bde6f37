package dev.labkit.run;

import dev.labkit.UserError;
import dev.labkit.classic.Classifier;
import dev.labkit.classic.Fitting;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.Dataset;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.TrainTest;
import dev.labkit.report.SiteGenerator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs an experiment: load the data, fit the model, evaluate, and record it all in a run folder, then
 * render the report. A run that ends early is never lost: a failure marks the folder failed with its
 * one-line reason, Ctrl-C or kill marks it interrupted, and whatever was written stays.
 */
public final class Runner {
  private Runner() {}

  /** Runs {@code experiment} with a script's options; returns the process exit code. */
  public static int run(Experiment experiment, LabOptions options) {
    return execute(experiment, options, System.out).exitCode();
  }

  /** What a finished run left: its folder, final metrics and report page (null without a site). */
  public record Result(int exitCode, Path folder, Map<String, Double> metrics, Path page) {}

  public static Result execute(Experiment experiment, LabOptions options, PrintStream out) {
    Experiment exp = configure(experiment, options);
    Instant start = Instant.now();
    RunRecord record = new RunRecord(RunRecord.SCHEMA, exp.name(), RunStore.newRunId(start), "running", null,
        exp.seed(), exp.params(), null,
        Provenance.capture(options.script(), options.commandLine(), start.toString(), options.smoke()));
    RunStore store = RunStore.create(options.runsDir(), record);
    Thread onExit = new Thread(() -> store.end("interrupted", "stopped before the end (Ctrl-C or kill)"));
    Runtime.getRuntime().addShutdownHook(onExit);
    EventSink events = EventSink.all(List.of(new ConsoleSink(out), store));
    Map<String, Double> metrics = new LinkedHashMap<>();
    try {
      events.accept(new Event.Phase("run", exp.name() + " → " + store.folder()));
      TrainTest data = load(exp, options, events, store);
      events.accept(new Event.Phase("fit", exp.model().name() + " " + exp.model().params()));
      long t0 = System.nanoTime();
      Classifier model = Fitting.fit(exp.model(), data.train(), events);
      metrics.put("fit_seconds", (System.nanoTime() - t0) / 1e9);
      fitFacts(model, metrics);
      events.accept(new Event.Phase("fit", String.format(Locale.ROOT, "done in %.2f s", metrics.get("fit_seconds"))));
      events.accept(new Event.Phase("eval", "predicting " + String.format(Locale.ROOT, "%,d", data.test().size())
          + " test examples"));
      long lastStep = metrics.getOrDefault("iterations", 0.0).longValue();
      Evaluator.evaluate(exp.evaluations(), model, data, events, metrics, lastStep);
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
      removeHook(onExit);
    }
    Path page = options.buildSite() ? buildSite(options, store, out) : null;
    return new Result(0, store.folder(), metrics, page);
  }

  /** Applies --seed and every --set to the script's experiment. */
  static Experiment configure(Experiment experiment, LabOptions options) {
    Experiment exp = experiment;
    if (options.seed() != null) {
      exp = exp.seed(options.seed());
    }
    for (String assignment : options.sets()) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new UserError("--set takes KEY=VALUE, got '" + assignment + "' (e.g. --set model.c=0.1)");
      }
      exp = exp.with(assignment.substring(0, eq).trim(), assignment.substring(eq + 1));
    }
    return exp;
  }

  private static TrainTest load(Experiment exp, LabOptions options, EventSink events, RunStore store) {
    events.accept(new Event.Phase("data", "loading " + exp.data().name() + (options.smoke() ? " (smoke subset)" : "")));
    TrainTest data = exp.data().load(new LoadOptions(options.smoke(), exp.seed(),
        line -> events.accept(new Event.Phase("data", line))));
    Dataset train = data.train();
    store.dataset(new RunRecord.DatasetInfo(exp.data().name(), part(train), part(data.test()),
        List.of(train.shape().height(), train.shape().width(), train.shape().channels()), train.classNames()));
    events.accept(new Event.Phase("data", String.format(Locale.ROOT, "%,d train / %,d test, %s, %d classes",
        train.size(), data.test().size(), train.shape(), train.numClasses())));
    return data;
  }

  private static RunRecord.Part part(Dataset dataset) {
    return new RunRecord.Part(dataset.id(), dataset.size(), dataset.sha256());
  }

  private static void fitFacts(Classifier model, Map<String, Double> metrics) {
    if (model instanceof dev.labkit.classic.LogisticModel lr) {
      metrics.put("iterations", (double) lr.iterations());
      metrics.put("passes", (double) lr.passes());
      metrics.put("converged", lr.converged() ? 1.0 : 0.0);
      metrics.put("objective", lr.objective());
    }
  }

  private static Path buildSite(LabOptions options, RunStore store, PrintStream out) {
    SiteGenerator.build(options.runsDir(), options.siteDir());
    Path page = SiteGenerator.runPage(options.siteDir(), store.record().experiment(), store.record().runId());
    out.println("report   " + page.toUri());
    return page;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook marks the run
    }
  }
}
