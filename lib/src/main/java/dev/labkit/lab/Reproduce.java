package dev.labkit.lab;

import dev.labkit.ground.Home;
import dev.labkit.ground.UserError;
import dev.labkit.store.Provenance;
import dev.labkit.store.RunFolder;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code lab reproduce RUN}: runs the recorded script again with the recorded arguments (so the same
 * params and seed) in a child process, {@code ./jbang <script> <args>}, into the same runs folder, then
 * compares the new run with the old one. Exit 0 when every final metric is bit-identical (timing metrics
 * aside), else 1 with each difference and its size. Whatever changed in the code since the run (the
 * script's text, the labkit commit) is said first, since it is the likeliest cause of a difference.
 */
public final class Reproduce {
  private Reproduce() {}

  public static int run(String ref, Path runsDir, PrintStream out) {
    RunFolder original = RunFolder.read(RunRefs.resolve(ref, runsDir));
    JsonNode provenance = original.provenance();
    String script = RunFolder.text(provenance.path("script"), null);
    if (script == null) {
      throw new UserError("run " + original.name() + " records no script (it was run from code, not by a script), "
          + "so lab reproduce cannot re-run it");
    }
    Path scriptFile = Home.dir().resolve(script);
    String recordedCommit = RunFolder.text(provenance.path("git_commit"), null);
    if (!Files.isRegularFile(scriptFile)) {
      throw new UserError("the script " + script + " of run " + original.name() + " is not in " + Home.dir()
          + (recordedCommit == null ? "" : "; get it back with: git checkout " + recordedCommit + " -- " + script));
    }
    List<String> args = recordedArgs(original);
    out.println("reproduce " + original.name() + ": ./jbang " + script + " " + String.join(" ", args));
    codeChanges(out, provenance, scriptFile, script, recordedCommit);

    // the re-run lands beside the original: the same runs folder (<out>/runs), no site rebuilt
    Path experimentDir = original.folder().getParent();
    Path outDir = experimentDir.getParent().getParent();
    List<String> childArgs = beside(args, outDir);
    Set<Path> before = Set.copyOf(RunRefs.children(experimentDir));
    int exit = ScriptRun.run(scriptFile, childArgs, ScriptRun.workingDir(provenance),
        Map.of(Provenance.REPRODUCES_ENV, original.name()), out, "while the re-run ran");
    RunFolder again = reproduction(experimentDir, before, original.name());
    if (again == null) {
      throw new UserError("the re-run of " + original.name() + " exited with " + exit + " and left no run folder under "
          + experimentDir + "; its output is above", 1, null);
    }
    out.println("new run  " + again.name() + " (" + again.statusText() + ")");
    if (original.trial() == 0 && again.trial() == 0) { // a sweep: which trial each run chose, by the one rule
      List<RunFolder> runs = RunRefs.children(experimentDir).stream().map(RunFolder::tryRead)
          .flatMap(Optional::stream).toList();
      out.println("sweep    then" + SweepBest.describe(original, runs).replaceFirst("^,", "") + "; now"
          + SweepBest.describe(again, runs).replaceFirst("^,", ""));
    }
    RunDiff diff = RunDiff.between(original, again);
    DiffPrinter.print(out, diff, original.name(), again.name());
    List<RunDiff.Row> differences = diff.metricDifferences();
    long compared = original.metrics().keySet().stream().filter(m -> !RunDiff.isTiming(m)).count();
    if (exit == 0 && differences.isEmpty() && compared > 0) {
      out.printf("identical: all %d final metrics are equal bit for bit (timing metrics *_seconds not compared)%n",
          compared);
      return 0;
    }
    out.printf("differs: %s%n", exit != 0 ? "the re-run exited with " + exit
        : compared == 0 ? "the original run has no final metrics to compare"
        : differences.size() + " of " + compared + " final metrics differ (listed above)");
    return 1;
  }

  /**
   * The recorded arguments with {@code --out} pointing at {@code outDir} (in place, so that a run made
   * with that --out gets the same command line again) and {@code --no-site} added if missing.
   */
  static List<String> beside(List<String> args, Path outDir) {
    List<String> result = new ArrayList<>();
    boolean out = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--out") && i + 1 < args.size()) {
        result.addAll(List.of("--out", outDir.toString()));
        out = true;
        i++;
      } else if (arg.startsWith("--out=")) {
        result.add("--out=" + outDir);
        out = true;
      } else {
        result.add(arg);
      }
    }
    if (!out) {
      result.addAll(List.of("--out", outDir.toString()));
    }
    if (!result.contains("--no-site")) {
      result.add("--no-site");
    }
    return result;
  }

  /** The recorded argument list; runs from before it was recorded have only the command line, split here. */
  static List<String> recordedArgs(RunFolder run) {
    JsonNode args = run.provenance().path("args");
    if (args.isArray()) {
      return args.valueStream().map(JsonNode::asString).toList();
    }
    String command = RunFolder.text(run.provenance().path("command"), null);
    List<String> words = command == null ? List.of() : ShellWords.split(command);
    if (words.size() < 2) {
      throw new UserError("run " + run.name() + " records no command line (provenance.command), so lab reproduce "
          + "cannot tell how it was run");
    }
    return words.subList(2, words.size()); // ./jbang <script> args...
  }

  static void codeChanges(PrintStream out, JsonNode provenance, Path scriptFile, String script,
      String recordedCommit) {
    String recordedSha = RunFolder.text(provenance.path("script_sha256"), null);
    String sha = Provenance.sha256(scriptFile);
    if (recordedSha != null && !recordedSha.equals(sha)) {
      out.println("code     " + script + " changed since the run: sha256 " + shortly(recordedSha) + " → " + shortly(sha));
    }
    String commit = Provenance.currentGitCommit();
    if (recordedCommit != null && commit != null && !recordedCommit.equals(commit)) {
      String stat = Provenance.git("diff", "--shortstat", recordedCommit, commit, "--", "lib", "scripts", "templates");
      out.println("code     labkit commit " + shortly(recordedCommit) + " → " + shortly(commit) + " ("
          + (stat == null ? "git cannot compare them here" : stat.isBlank() ? "no change in lib/, scripts/, templates/"
              : stat.strip() + " in lib/, scripts/, templates/") + ")");
    }
    if (provenance.path("git_dirty").asBoolean(false)) {
      out.println("code     the run was made from a checkout with uncommitted changes (git_dirty): its code is not "
          + "exactly any commit");
    }
  }

  /** The new top-level run (not a sweep's trial) that records it reproduces {@code name}, or null. */
  private static RunFolder reproduction(Path experimentDir, Set<Path> before, String name) {
    RunFolder found = null;
    for (Path folder : RunRefs.children(experimentDir)) {
      if (before.contains(folder)) {
        continue;
      }
      RunFolder run = RunFolder.tryRead(folder).orElse(null);
      if (run != null && name.equals(RunFolder.text(run.provenance().path("reproduces"), null)) && run.trial() <= 0) {
        found = run; // folders sort by start time: the newest wins
      }
    }
    return found;
  }

  private static String shortly(String sha) {
    return sha == null ? "?" : sha.substring(0, Math.min(12, sha.length()));
  }
}
