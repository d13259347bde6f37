package dev.labkit.lab;

import dev.labkit.ground.UserError;
import dev.labkit.store.RunFolder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code lab runs [experiment]}: every run as one line, oldest first (ids sort by start time): its
 * {@code experiment/id}, status, start (UTC), place in a sweep and headline metric. A folder that cannot
 * be read is listed as {@code damaged} rather than hidden.
 */
public final class RunsTable {
  private RunsTable() {}

  public static int print(Path runsDir, String experiment, PrintStream out) {
    List<Path> experiments = RunRefs.children(runsDir);
    if (experiment != null) {
      List<String> names = experiments.stream().map(e -> e.getFileName().toString()).toList();
      if (!names.contains(experiment)) {
        throw new UserError("no experiment '" + experiment + "' under " + runsDir + (names.isEmpty() ? " (no runs yet)"
            : "; experiments there: " + String.join(", ", names)));
      }
      experiments = List.of(runsDir.resolve(experiment));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Path dir : experiments) {
      List<RunFolder> read = RunRefs.children(dir).stream().map(RunFolder::tryRead).flatMap(Optional::stream).toList();
      for (Path folder : RunRefs.children(dir)) {
        rows.add(RunFolder.tryRead(folder).map(run -> row(run, read)).orElse(List.of(
            dir.getFileName() + "/" + folder.getFileName(), "damaged", "", "", "run.json missing or unreadable")));
      }
    }
    if (rows.isEmpty()) {
      out.println("no runs under " + runsDir);
      return 0;
    }
    TextTable.print(out, List.of("run", "status", "started (UTC)", "sweep", "headline"), rows);
    return 0;
  }

  private static List<String> row(RunFolder run, List<RunFolder> experiment) {
    String started = RunFolder.text(run.provenance().path("started"), "");
    String when = started.length() >= 19 ? started.substring(0, 19).replace('T', ' ') : started;
    int repeats = run.json().path("sweep").path("repeats").asInt(0);
    String seeds = repeats > 1 ? (run.trial() == 0 ? " × " + repeats + " seeds"
        : " seed " + run.json().path("sweep").path("repeat").asInt() + "/" + repeats) : "";
    String sweep = run.trial() == 0 ? "summary of " + run.json().path("sweep").path("trials").asInt() + " trials" + seeds
        + SweepBest.describe(run, experiment) : run.trial() > 0 ? run.sweepId() + " #" + run.trial() + seeds : "";
    String headline = run.headline() == null || !run.metrics().containsKey(run.headline()) ? ""
        : String.format(Locale.ROOT, "%s %.4f", run.headline(), run.metrics().get(run.headline()));
    String state = run.slurm() == null || run.slurm().state() == null ? "" : " (Slurm " + run.slurm().state() + ")";
    return List.of(run.name(), run.statusText() + state, when, sweep, headline);
  }
}
