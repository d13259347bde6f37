package dev.labkit.report;

import dev.labkit.ground.Json;
import dev.labkit.ground.Selection;
import dev.labkit.ground.UserError;
import dev.labkit.lab.RunRefs;
import dev.labkit.store.RunStatus;
import dev.labkit.store.RunTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A saved comparison across experiments: a name and the runs as the user typed them, kept in
 * {@code <source>/compare/<name>.json} beside the runs folder ({@code data/compare/gan-vs-dcgan.json}
 * for {@code data/runs}), so every {@code site build} renders {@code site/compare/<name>.html} again.
 *
 * <pre>{@code
 * {"name": "gan-vs-dcgan", "runs": ["gan", "dcgan/20261126-213000-1a2b"]}
 * }</pre>
 *
 * A reference is {@code experiment/run-id}, a run id, a run folder ({@link RunRefs}), or an experiment:
 * its best trial by {@link Selection} when its latest run is a sweep's trial, else its latest run.
 * An experiment is resolved at each build, so the page follows the experiment's newest runs.
 */
public record CompareSelection(String name, List<String> refs) {

  public CompareSelection {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}") || name.equals("index")) {
      throw new UserError("bad compare name '" + name + "': use letters, digits, '.', '_' and '-' (e.g. --name gan-vs-dcgan)");
    }
    if (refs == null || refs.size() < 2) {
      throw new UserError("compare needs two or more runs or experiments, e.g. site compare gan-fashion dcgan-fashion");
    }
    refs = List.copyOf(refs);
  }

  /** The selection with a name made from the references: {@code gan-vs-dcgan-vs-cgan}. */
  public static CompareSelection named(String name, List<String> refs) {
    if (name != null) {
      return new CompareSelection(name, refs);
    }
    String made = String.join("-vs-", refs.stream().map(r -> Path.of(r).getFileName().toString()).toList())
        .replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
    return new CompareSelection(made.length() > 80 ? made.substring(0, 80) : made, refs);
  }

  /** Where selections are saved for a runs folder: {@code <runs>/../compare/}. */
  public static Path folder(Path runsDir) {
    return runsDir.toAbsolutePath().normalize().resolveSibling("compare");
  }

  /** Saves this selection (replacing one of the same name); returns its file. */
  public Path save(Path runsDir) {
    Path file = folder(runsDir).resolve(name + ".json");
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file.getParent(), e);
    }
    Json.writeAtomically(file, Map.of("name", name, "runs", refs));
    return file;
  }

  /** Every saved selection of a runs folder, by name; a malformed file is skipped with a warning. */
  public static List<CompareSelection> saved(Path runsDir, Consumer<String> warn) {
    Path dir = folder(runsDir);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<CompareSelection> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        read(file, warn).ifPresent(all::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return all;
  }

  static Optional<CompareSelection> read(Path file, Consumer<String> warn) {
    try {
      JsonNode json = Json.MAPPER.readTree(file.toFile());
      List<String> refs = new ArrayList<>();
      json.path("runs").forEach(r -> refs.add(r.asString()));
      String name = file.getFileName().toString().replaceFirst("\\.json$", "");
      return Optional.of(new CompareSelection(name, refs));
    } catch (RuntimeException e) {
      warn.accept("skipped comparison " + file + ": " + RunFolders.firstLine(e)
          + " (expected {\"runs\": [\"experiment/run-id\", …]})");
      return Optional.empty();
    }
  }

  /**
   * The runs this selection names, in its order, from {@code runs} (the runs of {@code runsDir}).
   *
   * @throws UserError naming the first reference that is no run of {@code runsDir}
   */
  public List<Run> resolve(Path runsDir, List<Run> runs) {
    List<Run> chosen = new ArrayList<>();
    for (String ref : refs) {
      Run run = resolve(ref, runsDir, runs);
      if (chosen.contains(run)) {
        throw new UserError("'" + ref + "' names " + run.experiment() + "/" + run.runId()
            + " again; give each run once");
      }
      chosen.add(run);
    }
    return chosen;
  }

  static Run resolve(String ref, Path runsDir, List<Run> runs) {
    boolean experiment = ref != null && !ref.contains("/")
        && RunTree.children(runsDir).stream().anyMatch(e -> e.getFileName().toString().equals(ref));
    if (experiment) {
      return representative(ref, runs.stream().filter(r -> r.experiment().equals(ref)).toList())
          .orElseThrow(() -> new UserError("experiment '" + ref + "' has no readable run under " + runsDir
              + "; run it first, or give experiment/run-id"));
    }
    Path folder;
    try {
      folder = RunRefs.resolve(ref, runsDir);
    } catch (UserError e) {
      if (ref == null || ref.contains("/")) {
        throw e;
      }
      throw new UserError("no experiment or run id '" + ref + "' under " + runsDir + "; experiments: "
          + String.join(", ", RunTree.children(runsDir).stream().map(p -> p.getFileName().toString()).toList())
          + " (lab runs lists the runs)");
    }
    String experimentName = folder.getParent().getFileName().toString();
    String runId = folder.getFileName().toString();
    return runs.stream().filter(r -> r.experiment().equals(experimentName) && r.runId().equals(runId)).findFirst()
        .orElseThrow(() -> new UserError("run '" + ref + "' is not a readable run under " + runsDir
            + "; lab runs lists them (--out DIR if they were written to DIR/runs)"));
  }

  /**
   * An experiment's run to compare: the best trial of the sweep its latest run belongs to, else that
   * latest run; finished runs first (a failed or running one only when there is no other).
   */
  static Optional<Run> representative(String experiment, List<Run> runs) {
    List<Run> trials = runs.stream().filter(r -> r.sweep() == null || r.sweep().trial() == null || r.sweep().trial() > 0)
        .sorted(Comparator.comparing((Run r) -> r.runStatus() != RunStatus.FINISHED)
            .thenComparing(Comparator.comparing(Run::runId).reversed())).toList();
    if (trials.isEmpty()) {
      return Optional.empty();
    }
    Run latest = trials.getFirst();
    if (latest.sweep() == null) {
      return Optional.of(latest);
    }
    List<Run> sweep = trials.stream().filter(r -> r.sweep() != null && latest.sweep().id().equals(r.sweep().id()))
        .toList();
    Run best = SweepView.best(sweep, SweepView.selection(sweep));
    return Optional.of(best == null ? latest : best);
  }
}
