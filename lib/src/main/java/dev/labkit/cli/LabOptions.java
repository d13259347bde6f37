package dev.labkit.cli;

import dev.labkit.console.Verbosity;
import dev.labkit.cluster.SlurmOptions;
import dev.labkit.report.SiteGenerator;
import dev.labkit.run.Settings;
import dev.labkit.run.SettingsSource;
import dev.labkit.ground.Home;
import dev.labkit.ground.UserError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every labkit script shares, as a picocli mixin:
 *
 * <pre>{@code @Mixin LabOptions lab;}</pre>
 */
public final class LabOptions implements SettingsSource {
  @Option(names = "--smoke", description = "Tiny data and few steps: checks the whole script in seconds.")
  boolean smoke;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice (default: the script's, 42).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write run folders to DIR/runs and the report to DIR/site (default: data/runs and site/).")
  Path out;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Change one parameter, e.g. --set model.c=0.1 (repeatable; an unknown key lists the valid ones).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--no-site", description = "Do not rebuild the report site after the run.")
  boolean noSite;

  @Option(names = "--sweep", paramLabel = "KEY=VALUES",
      description = "Try a parameter at several values, crossed with the script's own sweeps (repeatable): "
          + "model.c=0.1,1,10 | model.c=log:0.01..10:8 | model.max_iter=lin:50..200:4 | model.c=log:0.01..10 (with --random).")
  List<String> sweeps = new ArrayList<>();

  @Option(names = "--random", paramLabel = "N",
      description = "Random search: N seeded draws over the --sweep ranges (log: log-uniform, lin: uniform, lists: one of).")
  Integer random;

  @Option(names = "--repeat", paramLabel = "N",
      description = "Run each trial (or the single run) with N seeds derived from --seed, and report mean ± std; "
          + "the best trial is chosen on the mean (default: the script's .repeat, else 1).")
  Integer repeat;

  @Option(names = "--parallel", paramLabel = "K", defaultValue = "1",
      description = "Run the trials of a sweep in K worker processes at once (default: 1, one after the other in this JVM).")
  int parallel = 1;

  @Option(names = "--resume", paramLabel = "ID",
      description = "Finish an interrupted sweep (SWEEP_ID: only its trials that did not finish), or a stopped GAN run "
          + "(RUN_ID: on from its last checkpoint, in its own folder); give the same options as the first time.")
  String resume;

  /**
   * Set by a sweep for its worker processes: SWEEP_ID:TRIAL:TRIALS:KEY,KEY (and :REPEAT:REPEATS with
   * {@code --repeat N}) attaches this run to the sweep.
   */
  @Option(names = "--experiment", paramLabel = "NAME",
      description = "Run only the experiment of this name, in a script that runs several (linreg, softmax).")
  String experiment;

  /** Set while a script that runs several experiments runs one of them: its name joins the re-run commands. */
  String running;

  @Option(names = "--trial-of", hidden = true)
  String trialOf;

  /** {@code --verbose}, {@code --quiet}, {@code --progress-every}. */
  @Mixin ConsoleFlags console = new ConsoleFlags();

  /** {@code --cluster slurm} and its options. */
  @Mixin ClusterOptions cluster = new ClusterOptions();

  /** The script's arguments as typed, and the script itself; filled in by {@code Lab.cli}. */
  List<String> commandLine = List.of();
  Path script;

  public LabOptions() {}

  /** Options for running from code and tests: {@code LabOptions.of(out).smoke(true)}. */
  public static LabOptions of(Path out) {
    LabOptions options = new LabOptions();
    options.out = out;
    return options;
  }

  public LabOptions smoke(boolean value) {
    smoke = value;
    return this;
  }

  public LabOptions set(String keyValue) {
    sets.add(keyValue);
    return this;
  }

  public LabOptions seed(long value) {
    seed = value;
    return this;
  }

  public LabOptions noSite(boolean value) {
    noSite = value;
    return this;
  }

  public void invokedAs(Path scriptFile, List<String> args) {
    script = scriptFile;
    commandLine = List.copyOf(args);
  }

  public boolean smoke() {
    return smoke;
  }

  public Long seed() {
    return seed;
  }

  public List<String> sets() {
    return List.copyOf(sets);
  }

  public List<String> sweeps() {
    return List.copyOf(sweeps);
  }

  public Integer random() {
    return random;
  }

  public int parallel() {
    return parallel;
  }

  public String resume() {
    return resume;
  }

  public String trialOf() {
    return trialOf;
  }

  public LabOptions sweep(String keyValues) {
    sweeps.add(keyValues);
    return this;
  }

  public LabOptions random(int draws) {
    random = draws;
    return this;
  }

  /** {@code --repeat N}: each trial with N derived seeds. */
  public LabOptions repeat(int seeds) {
    repeat = seeds;
    return this;
  }

  public Integer repeat() {
    return repeat;
  }

  public LabOptions parallel(int workers) {
    parallel = workers;
    return this;
  }

  /** {@code --resume ID}: a sweep's id, or the id of a stopped GAN run. */
  public LabOptions resume(String id) {
    resume = id;
    return this;
  }

  public boolean buildSite() {
    return !noSite;
  }

  public Path script() {
    return script;
  }

  /**
   * The arguments that re-run one trial: as typed, less the options that make a sweep ({@code --sweep},
   * {@code --random}, {@code --repeat}, {@code --parallel}, {@code --resume}) and the hidden worker option; the trial adds
   * its own {@code --set key=value}.
   */
  public List<String> commandLine() {
    return RerunArgs.trial(commandLine, running);
  }

  /** The arguments that re-run the whole sweep: as typed, less {@code --resume} and the worker option. */
  public List<String> sweepCommandLine() {
    return RerunArgs.sweep(commandLine, running);
  }

  public LabOptions experiment(String name) {
    experiment = name;
    return this;
  }

  /** The experiment asked for with {@code --experiment}, or null for all of them. */
  public String experiment() {
    return experiment;
  }

  /**
   * Says that the script runs several experiments and that {@code name} is running now (null when they
   * are done), so that every run records the command that re-runs its own experiment only.
   */
  public void runningOneOfSeveral(String name) {
    running = name;
  }

  /** {@code args} without the given options (each takes a value: {@code --opt v} or {@code --opt=v}). */
  public static List<String> without(List<String> args, Set<String> options) {
    return RerunArgs.without(args, options);
  }

  /** {@code args} without the given options that take no value. */
  public static List<String> withoutFlags(List<String> args, Set<String> flags) {
    return RerunArgs.withoutFlags(args, flags);
  }

  /** {@code --cluster slurm}, for running from code and tests. */
  public LabOptions slurm(SlurmOptions options) {
    cluster.slurm(options);
    return this;
  }

  /** These options as plain values, for everything below the command line. */
  @Override
  public Settings settings() {
    Path runs = runsDir();
    Path site = siteDir();
    Settings.Report report = noSite ? null : (runsDir, folder) -> {
      SiteGenerator.build(runsDir, site);
      return SiteGenerator.runPage(site, folder.getParent().getFileName().toString(), folder.getFileName().toString());
    };
    SlurmOptions slurm = cluster.slurm();
    if (slurm != null && parallel > 1) {
      throw new UserError("--parallel " + parallel + " runs trials in worker processes on this machine; with --cluster "
          + "slurm, Slurm runs them: say how many at once with --slurm-max " + parallel + " instead");
    }
    return new Settings(smoke, seed, runs, sets, sweeps, random, repeat, parallel, resume, experiment, trialOf, script,
        commandLine(), sweepCommandLine(), report, console.options(), slurm);
  }

  /** {@code --verbose}: every phase line and full summaries; {@code --quiet}: errors and the report only. */
  public LabOptions verbosity(Verbosity value) {
    console.verbosity(value);
    return this;
  }

  public LabOptions progressEvery(Duration every) {
    console.progressEvery = every.toMillis() / 1000.0;
    return this;
  }

  public Path runsDir() {
    return out == null ? Home.runs() : out.toAbsolutePath().resolve("runs");
  }

  public Path siteDir() {
    return out == null ? Home.site() : out.toAbsolutePath().resolve("site");
  }
}
