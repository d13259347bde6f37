package dev.labkit.run;

import dev.labkit.classic.Fitting;
import dev.labkit.console.Console;
import dev.labkit.ground.UserError;
import dev.labkit.store.RunRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs an experiment: one run, or one run per trial of a sweep or comparison (per seed of each trial with
 * {@code --repeat N}) plus the sweep's summary;
 * then renders the report. A run that ends early is never lost: a failure marks its folder failed with
 * its one-line reason, Ctrl-C or kill marks it interrupted, and whatever was written stays.
 */
public final class Runner {
  private Runner() {}

  /** Runs {@code experiment} with a script's options; returns the process exit code. */
  public static int run(Experiment experiment, SettingsSource settings) {
    Console console = Console.forUser(settings.settings().console());
    try {
      return execute(experiment, settings, console).exitCode();
    } finally {
      console.end(); // the status line erased, also when the run failed: its error line follows on a clean line
    }
  }

  /**
   * What a finished run left: its folder, final metrics and report page (null without a site). For a
   * sweep: the summary's folder, the best trial's metrics, and exit code 1 if any trial failed.
   */
  public record Result(int exitCode, Path folder, Map<String, Double> metrics, Path page) {}

  /** The same, saying it in plain lines on {@code out} (tests, code). */
  public static Result execute(Experiment experiment, SettingsSource settings, PrintStream out) {
    return execute(experiment, settings, Console.plain(out, settings.settings().console()));
  }

  public static Result execute(Experiment experiment, SettingsSource settings, Console out) {
    Settings options = settings.settings();
    if (options.experiment() != null && !options.experiment().equals(experiment.name())) {
      throw new UserError("--experiment " + options.experiment() + ": this script runs experiment "
          + experiment.name() + " only");
    }
    Experiment exp = configure(experiment, options);
    List<Trial> trials = CliSweeps.trials(exp, options);
    if (options.parallel() <= 1 && options.slurm() == null) { // the trials fit in this JVM
      // on the idle core, while the run folder is made and the data loads
      trials.forEach(trial -> Fitting.prepare(trial.experiment().model()));
    }
    int repeat = Repeats.count(exp, options);
    Result result;
    if (trials.size() == 1 && repeat == 1 && options.slurm() != null) {
      throw new UserError("--cluster slurm sends a sweep's trials to Slurm, and this is one run; add a --sweep, or "
          + "run it as one job: sbatch --wrap './jbang " + (options.script() == null ? "SCRIPT"
          : options.script().getFileName()) + " …'");
    }
    if (trials.size() == 1 && repeat == 1) { // one run; with --resume RUN_ID, a stopped GAN or network run going on from its checkpoint
      RunRecord.SweepInfo attached = CliSweeps.attachedTrial(options);
      Path resume = options.resume() == null ? null
          : RunResume.find(options, trials.getFirst().experiment(), options.resume(), attached);
      Trial trial = trials.getFirst();
      result = RunKinds.of(trial.experiment().model())
          .run(new RunKind.TrialRun(trial, attached, options, out, new DataCache(options), resume));
    } else {
      result = SweepRunner.run(exp, trials, repeat, options, out); // a single run with --repeat N: 1 trial × N
    }
    Path page = options.buildSite() ? report(options, result.folder(), out) : null;
    return new Result(result.exitCode(), result.folder(), result.metrics(), page);
  }

  /** Applies --seed and every --set to the script's experiment. */
  static Experiment configure(Experiment experiment, SettingsSource source) {
    Settings options = source.settings();
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

  private static Path report(Settings options, Path folder, Console out) {
    out.phase("report · rendering the site");
    Path page = options.report().render(options.runsDir(), folder);
    out.runEnded();
    out.always("report   " + page.toUri());
    return page;
  }
}
