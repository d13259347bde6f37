package dev.labkit.report;

import dev.labkit.ground.Home;
import dev.labkit.ground.UserError;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The logic of {@code scripts/site.java}: {@code build} renders site/ from data/runs/, {@code serve}
 * shows the same pages live, {@code pdf} prints an experiment's lab report to PDF.
 *
 * <pre>
 * ./jbang site build                 # prints file:///…/site/index.html
 * ./jbang site serve --port 8080     # prints http://127.0.0.1:8080/ ; Ctrl-C stops it
 * ./jbang site pdf logreg-fashion    # prints …/site/experiments/logreg-fashion/report.pdf
 * </pre>
 */
@Command(name = "site", mixinStandardHelpOptions = true,
    description = "Build the report site from data/runs, or serve it live on 127.0.0.1.")
public final class SiteCommand implements Callable<Integer> {
  private final PrintStream out;

  private SiteCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs the command on the checkout's data/runs and site/ ({@link Home}); returns the exit code. */
  public static int run(String... args) {
    quietServerLogs();
    return commandLine(Home.runs(), Home.site(), System.out, System.err).execute(args);
  }

  /** The command line over given folders and streams, for tests and embedding. */
  public static CommandLine commandLine(Path runs, Path site, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new SiteCommand(out))
        .addSubcommand(new Build(runs, site, out, err))
        .addSubcommand(new Serve(runs, site, out, err))
        .addSubcommand(new Pdf(runs, site, out, err))
        .addSubcommand(new CompareCommand(runs, site, out, err));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    // a UserError is a designed one-line message: print it, no stack trace
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof UserError user) {
        err.println("error: " + user.getMessage());
        return user.exitCode();
      }
      throw e;
    });
    return cli;
  }

  @Override
  public Integer call() {
    out.println("usage: site build | site serve [--port N] [--host H] | site pdf EXPERIMENT   (site --help for more)");
    return 2;
  }

  @Command(name = "build", mixinStandardHelpOptions = true,
      description = "Render site/ from data/runs/ and print the file:// address of its index.")
  static final class Build implements Callable<Integer> {
    @CommandLine.Mixin Folders folders = new Folders();

    private final Path runs;
    private final Path site;
    private final PrintStream out;
    private final PrintStream err;

    Build(Path runs, Path site, PrintStream out, PrintStream err) {
      this.runs = runs;
      this.site = site;
      this.out = out;
      this.err = err;
    }

    @Override
    public Integer call() {
      Path index = SiteGenerator.build(folders.runs(runs), folders.site(site), err::println);
      out.println(index.toAbsolutePath().toUri());
      return 0;
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Serve the report live: each page is rendered from the run folders when you load it.")
  static final class Serve implements Callable<Integer> {
    @Option(names = "--port", description = "port to listen on; 0 (default) picks a free one")
    int port = 0;

    @Option(names = "--host", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @CommandLine.Mixin Folders folders = new Folders();

    private final Path runs;
    private final Path site;
    private final PrintStream out;
    private final PrintStream err;

    Serve(Path runs, Path site, PrintStream out, PrintStream err) {
      this.runs = runs;
      this.site = site;
      this.out = out;
      this.err = err;
    }

    /** Starts the server and says where it is; {@link #call()} then waits for Ctrl-C. */
    Server start() {
      hostWarning(host).ifPresent(err::println);
      Server server = Server.start(host, port, folders.runs(runs), folders.site(site), err::println);
      out.println(server.url());
      return server;
    }

    @Override
    public Integer call() throws InterruptedException {
      Server server = start();
      CountDownLatch stopped = new CountDownLatch(1);
      // Ctrl-C runs the shutdown hooks: close the server so the port is free at once
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
      }, "labkit-site-stop"));
      stopped.await();
      return 0;
    }
  }

  @Command(name = "pdf", mixinStandardHelpOptions = true,
      description = "Build the site, then print EXPERIMENT's lab report (report.html) to report.pdf beside it with"
          + " headless Chromium.")
  static final class Pdf implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "EXPERIMENT", description = "the experiment's name, as `lab runs` lists it")
    String experiment;

    @CommandLine.Mixin Folders folders = new Folders();

    private final Path runs;
    private final Path site;
    private final PrintStream out;
    private final PrintStream err;
    /** {@code $LABKIT_CHROMIUM} and {@code $PATH}, read here so tests can pretend there is no browser. */
    String chromiumEnv = System.getenv("LABKIT_CHROMIUM");
    String path = System.getenv("PATH");

    Pdf(Path runs, Path site, PrintStream out, PrintStream err) {
      this.runs = runs;
      this.site = site;
      this.out = out;
      this.err = err;
    }

    @Override
    public Integer call() {
      Path browser = PdfPrinter.find(chromiumEnv, path).orElseThrow(() -> new UserError(PdfPrinter.MISSING));
      Path siteDir = folders.site(site);
      SiteGenerator.build(folders.runs(runs), siteDir, err::println); // incremental: only what changed
      Path report = SiteGenerator.reportPage(siteDir, experiment);
      if (!Files.isRegularFile(report) || !report.normalize().startsWith(siteDir.normalize())) {
        throw new UserError("no experiment '" + experiment + "' in " + folders.runs(runs)
            + "; `./jbang lab runs` lists the experiments there");
      }
      Path pdf = PdfPrinter.print(browser, report, report.resolveSibling("report.pdf"));
      out.println(pdf.toAbsolutePath().toUri());
      return 0;
    }
  }

  /** {@code --out DIR}: the same folder a script's --out names, runs in DIR/runs, the site in DIR/site. */
  static final class Folders {
    @Option(names = "--out", paramLabel = "DIR",
        description = "read runs from DIR/runs and write the site to DIR/site (default: data/runs and site/)")
    Path out;

    Path runs(Path fallback) {
      return out == null ? fallback : out.toAbsolutePath().resolve("runs");
    }

    Path site(Path fallback) {
      return out == null ? fallback : out.toAbsolutePath().resolve("site");
    }
  }

  /** The one-line warning for a host that is not loopback: the runs become visible to the network. */
  static Optional<String> hostWarning(String host) {
    return Server.isLoopback(host) ? Optional.empty()
        : Optional.of("warning: serving on " + host + " shows your runs to anyone who can reach this machine;"
            + " use --host 127.0.0.1 to keep them local");
  }

  /** Jetty and Javalin log each start at INFO; a command line only wants warnings. */
  private static void quietServerLogs() {
    for (String logger : new String[] {"org.eclipse.jetty", "io.javalin"}) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
  }
}
