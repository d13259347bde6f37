package dev.labkit.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code site compare}: a page that sets runs of several experiments side by side.
 *
 * <pre>
 * ./jbang site compare gan-fashion dcgan-fashion cgan-fashion   # each experiment's best (or latest) run
 * ./jbang site compare mlp/20261126-213000-1a2b mlp/20261126-214500-9f3c --name mnist-vs-fashion
 * </pre>
 *
 * It checks every reference (a one-line error for one that is no run), saves the selection as
 * {@code data/compare/<name>.json} ({@link CompareSelection}) so each {@code site build} renders it
 * again, builds the site and prints the file:// address of {@code site/compare/<name>.html}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare runs of several experiments on one page: site/compare/<name>.html.")
final class CompareCommand implements Callable<Integer> {
  @Parameters(arity = "2..*", paramLabel = "RUN_OR_EXPERIMENT",
      description = "experiment/run-id, a run id, a run folder, or an experiment (its best trial, else its latest run)")
  List<String> refs;

  @Option(names = "--name", paramLabel = "NAME",
      description = "the comparison's name (default: the references joined by -vs-)")
  String name;

  @CommandLine.Mixin SiteCommand.Folders folders = new SiteCommand.Folders();

  private final Path runs;
  private final Path site;
  private final PrintStream out;
  private final PrintStream err;

  CompareCommand(Path runs, Path site, PrintStream out, PrintStream err) {
    this.runs = runs;
    this.site = site;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Path runsDir = folders.runs(runs);
    Path siteDir = folders.site(site);
    CompareSelection selection = CompareSelection.named(name, refs);
    selection.resolve(runsDir, RunFolders.readOverviews(runsDir, err::println)); // one-line error for a bad reference
    selection.save(runsDir);
    SiteGenerator.build(runsDir, siteDir, err::println);
    out.println(CrossComparePage.page(siteDir, selection.name()).toAbsolutePath().toUri());
    return 0;
  }
}
