package dev.labkit.lab;

import dev.labkit.ground.Home;
import dev.labkit.ground.UserError;
import dev.labkit.store.RunFolder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The logic of {@code scripts/lab.java}: work with recorded runs.
 *
 * <pre>
 * ./jbang lab runs [EXPERIMENT]           # every run: id, status, start, sweep, headline metric
 * ./jbang lab reproduce RUN               # re-run it; exit 0 when the metrics are bit-identical
 * ./jbang lab diff RUN_A RUN_B            # params, provenance and metrics that differ
 * ./jbang lab export EXPERIMENT --format csv  # runs.csv (params + final metrics) and series.csv (long format)
 * ./jbang lab status SWEEP                # a sweep's trials and Slurm tasks; finishes a --detach'ed Slurm sweep
 * </pre>
 *
 * RUN is a run id, {@code experiment/run-id} or a run folder; {@code --out DIR} reads DIR/runs instead
 * of data/runs, as the scripts' own {@code --out} writes there.
 */
@Command(name = "lab", mixinStandardHelpOptions = true, description = "List, reproduce and compare recorded runs.",
    subcommands = {LabCommand.Runs.class, LabCommand.ReproduceRun.class, LabCommand.Diff.class,
        LabCommand.ExportRuns.class, LabCommand.New.class, LabCommand.Status.class})
public final class LabCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command with output on stdout, errors (one line) on stderr; returns the exit code. */
  public static int run(String... args) {
    return run(System.out, System.err, args);
  }

  public static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new LabCommand(), new Factory(out));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setParameterExceptionHandler((e, ignored) -> {
      err.println("lab: " + e.getMessage() + " (see lab --help)");
      return 2;
    });
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof UserError user) { // a designed one-line message: no stack trace
        err.println("lab: " + user.getMessage());
        return user.exitCode();
      }
      throw e;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** Where the runs are: {@code --out DIR} as the scripts take it, else the checkout's data/runs. */
  static final class Folders {
    @Option(names = "--out", paramLabel = "DIR", description = "Read runs from DIR/runs (default: data/runs).")
    Path out;

    Path runsDir() {
      return out == null ? Home.runs() : out.toAbsolutePath().resolve("runs");
    }

    /** Where {@code lab export} writes an experiment: DIR/export/EXPERIMENT, else the checkout's export/EXPERIMENT. */
    Path exportDir(String experiment) {
      return (out == null ? Home.dir() : out.toAbsolutePath()).resolve("export").resolve(experiment);
    }
  }

  @Command(name = "runs", mixinStandardHelpOptions = true, description = "List runs: id, status, start, sweep, headline metric.")
  static final class Runs implements Callable<Integer> {
    @CommandLine.Mixin Folders folders = new Folders();
    @Parameters(arity = "0..1", paramLabel = "EXPERIMENT", description = "Only this experiment's runs.")
    String experiment;
    private final PrintStream out;

    Runs(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() {
      return RunsTable.print(folders.runsDir(), experiment, out);
    }
  }

  @Command(name = "reproduce", mixinStandardHelpOptions = true,
      description = "Re-run a run's script with its recorded arguments (params, seed) and compare: exit 0 when "
          + "the final metrics are bit-identical, else 1.")
  static final class ReproduceRun implements Callable<Integer> {
    @CommandLine.Mixin Folders folders = new Folders();
    @Parameters(paramLabel = "RUN", description = "A run id, experiment/run-id or a run folder.")
    String run;
    private final PrintStream out;

    ReproduceRun(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() {
      return Reproduce.run(run, folders.runsDir(), out);
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Where a sweep stands: its trials' runs and, on Slurm, its tasks (pending, running, done, failed); "
          + "a --detach'ed Slurm sweep whose tasks all ended gets its summary and site written.")
  static final class Status implements Callable<Integer> {
    @CommandLine.Mixin Folders folders = new Folders();
    @Parameters(paramLabel = "SWEEP", description = "The sweep's id (as it printed: sweep <id>), or experiment/id.")
    String sweep;
    private final PrintStream out;

    Status(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() {
      return SweepStatus.print(sweep, folders.runsDir(), out);
    }
  }

  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = "Params, provenance and final metrics of two runs side by side: only what differs.")
  static final class Diff implements Callable<Integer> {
    @CommandLine.Mixin Folders folders = new Folders();
    @Parameters(index = "0", paramLabel = "RUN_A") String a;
    @Parameters(index = "1", paramLabel = "RUN_B") String b;
    private final PrintStream out;

    Diff(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() {
      RunFolder runA = RunFolder.read(RunRefs.resolve(a, folders.runsDir()));
      RunFolder runB = RunFolder.read(RunRefs.resolve(b, folders.runsDir()));
      DiffPrinter.print(out, RunDiff.between(runA, runB), runA.name(), runB.name());
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write an experiment's runs as two tables: runs.FORMAT (one row per run: params and final "
          + "metrics) and series.FORMAT (run, step, name, value, wall_time), into export/EXPERIMENT (DIR/export/"
          + "EXPERIMENT with --out DIR).")
  static final class ExportRuns implements Callable<Integer> {
    @CommandLine.Mixin Folders folders = new Folders();
    @Parameters(paramLabel = "EXPERIMENT", description = "The experiment (lab runs lists them).")
    String experiment;
    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv",
        description = "csv (default) or json.")
    Export.Format format;
    @Option(names = "--dest", paramLabel = "DIR", description = "Write the two files into DIR instead.")
    Path dest;
    private final PrintStream out;

    ExportRuns(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() {
      Path to = dest != null ? dest.toAbsolutePath() : folders.exportDir(experiment);
      return Export.write(folders.runsDir(), experiment, format, to, out);
    }
  }

  @Command(name = "new", mixinStandardHelpOptions = true,
      description = "Write NAME.java, a script of your own that starts as a copy of a catalog script (logreg, cnn, "
          + "gan or own) renamed after NAME; it runs with --smoke as written.")
  static final class New implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The script's name (letters, digits, _): NAME.java.")
    String name;
    @Option(names = "--from", paramLabel = "SCRIPT", defaultValue = "logreg",
        description = "The script to start from: logreg (default), cnn, gan or own.")
    String from;
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "Where to write it (default: here).")
    Path dir;
    private final PrintStream out;

    New(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() {
      return NewScript.write(name, from, dir.toAbsolutePath(), out);
    }
  }

  /** Gives each subcommand the output stream, so tests can read what it prints. */
  private record Factory(PrintStream out) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (var constructor : type.getDeclaredConstructors()) {
        if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == PrintStream.class) {
          return type.cast(constructor.newInstance(out));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
