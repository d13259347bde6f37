package dev.labkit.run;

import dev.labkit.console.Commands;
import dev.labkit.console.Console;
import dev.labkit.console.ConsoleSink;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.ground.UserError;
import dev.labkit.store.Provenance;
import dev.labkit.store.RunRecord;
import dev.labkit.store.RunStatus;
import dev.labkit.store.RunStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every kind of run shares, whatever it trains: the run record and its folder, events to the
 * console and to the folder, and an end that never loses what was written: {@code finished}, or
 * {@code failed} with its one-line reason (Ctrl-C and kill are marked {@code interrupted} by the
 * {@link RunStore}'s shutdown hook). Every {@link RunKind} hands in its own body.
 */
public final class RunFrame {
  private RunFrame() {}

  /** What a run does between the creation of its folder and its end; it puts its final numbers in {@code metrics}. */
  public interface Body {
    void run(RunStore store, EventSink events, Map<String, Double> metrics);
  }

  public static Runner.Result run(Trial trial, RunRecord.SweepInfo sweep, Settings options, Console console, Body body) {
    Experiment exp = trial.experiment();
    Instant start = Instant.now();
    RunRecord record = new RunRecord(RunRecord.SCHEMA, exp.name(), RunKinds.of(exp.model()).name(), RunStore.newRunId(start), RunStatus.RUNNING, null,
        exp.seed(), sweep == null ? null : sweep.ranked(exp.rank()), exp.params(), null,
        Provenance.capture(options.script(), rerunArgs(options, trial, sweep), start.toString(), options.smoke())
            .withSeeds(DerivedSeeds.of(exp, sweep)))
        .withNotes(ScriptHeader.description(options.script()), exp.notes());
    return run(trial, RunStore.create(options.runsDir(), record), label(trial, sweep), options, console, body);
  }

  /** The same in a folder opened already: a stopped run going on ({@link RunResume}). */
  public static Runner.Result run(Trial trial, RunStore store, Settings options, Console console, Body body) {
    return run(trial, store, label(trial, store.record().sweep()), options, console, body);
  }

  private static Runner.Result run(Trial trial, RunStore store, String label, Settings options, Console console,
      Body body) {
    EventSink events = EventSink.all(List.of(new ConsoleSink(console, label), store));
    Map<String, Double> metrics = new LinkedHashMap<>();
    boolean says = !console.saysOnInterrupt(); // a sweep says it for the whole sweep
    if (says) {
      console.onInterrupt(() -> interrupted(trial, store, options));
    }
    try {
      events.accept(new Event.Phase("run", trial.experiment().name() + (trial.assignment().isEmpty() ? ""
          : " " + trial.assignment()) + " → " + store.folder()));
      body.run(store, events, metrics);
      store.end(RunStatus.FINISHED, null);
    } catch (UserError e) {
      store.end(RunStatus.FAILED, e.getMessage());
      throw e;
    } catch (RuntimeException | Error e) {
      store.end(RunStatus.FAILED, e.toString());
      throw e;
    } finally {
      store.close();
      console.runEnded();
      if (says) {
        console.onInterrupt(null);
      }
    }
    return new Runner.Result(0, store.folder(), metrics, null);
  }

  /** "trial 3/16  {model.c=0.1}" (and "  seed 2/3" with repeats), or the experiment's name for a single run. */
  static String label(Trial trial, RunRecord.SweepInfo sweep) {
    String assignment = trial.assignment().isEmpty() ? "" : "  " + trial.assignment();
    if (sweep == null) {
      return trial.experiment().name() + assignment;
    }
    return String.format(Locale.ROOT, "trial %d/%d", sweep.trial(), sweep.trials())
        + (sweep.repeats() > 1 ? String.format(Locale.ROOT, " seed %d/%d", sweep.repeat(), sweep.repeats()) : "")
        + assignment;
  }

  /** The Ctrl-C line of a run alone: where it is, and the command that goes on (a GAN, a network) or runs it again. */
  private static String interrupted(Trial trial, RunStore store, Settings options) {
    var model = trial.experiment().model();
    boolean resumes = RunKinds.of(model).resumes(model);
    List<String> args = new ArrayList<>(options.commandLine());
    if (resumes && !args.contains("--resume")) { // a resumed run's command line names it already
      args.addAll(List.of("--resume", store.folder().getFileName().toString()));
    }
    String command = Commands.of(options.script(), args);
    return "interrupted  " + Console.shown(store.folder()) + " (marked interrupted)" + (command == null ? ""
        : resumes ? "; go on from its last checkpoint with: " + command : "; run it again with: " + command);
  }

  /**
   * The command line that re-runs this trial alone: the script's own arguments plus its assignment; for
   * one repeat of a trial ({@code --repeat N}), with the repeat's own seed and {@code --repeat 1}.
   */
  public static List<String> rerunArgs(Settings options, Trial trial, RunRecord.SweepInfo sweep) {
    List<String> args = new ArrayList<>(options.commandLine());
    trial.assignment().forEach((key, value) -> {
      args.add("--set");
      args.add(key + "=" + value);
    });
    if (sweep != null && sweep.repeats() > 1) {
      return Repeats.alone(args, trial.experiment().seed());
    }
    if (trial.experiment().repeats() > 1) { // the script's .repeat(N), overridden by --repeat 1: keep it so
      args.addAll(List.of("--repeat", "1"));
    }
    return args;
  }
}
