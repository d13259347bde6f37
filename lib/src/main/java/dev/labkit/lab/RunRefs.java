package dev.labkit.lab;

import dev.labkit.ground.UserError;
import dev.labkit.store.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds a run from what a user types: a run id ({@code 20261126-231500-ab12}, looked up in every
 * experiment of the runs folder), {@code experiment/run-id}, or the path of a run folder.
 */
public final class RunRefs {
  private RunRefs() {}

  public static Path resolve(String ref, Path runsDir) {
    if (ref == null || ref.isBlank()) {
      throw new UserError("no run given; give a run id, experiment/run-id or a run folder (lab runs lists them)");
    }
    Path asPath = Path.of(ref);
    if (Files.isDirectory(asPath) && (ref.contains("/") || Files.isRegularFile(asPath.resolve(RunFolder.RUN_JSON)))) {
      return asPath.toAbsolutePath().normalize(); // a folder that is there (RunFolder.read says if it is no run)
    }
    if (ref.contains("..") || ref.startsWith("/")) {
      throw new UserError("no run folder " + ref + "; give a run id, experiment/run-id or a run folder (lab runs lists them)");
    }
    if (ref.contains("/")) {
      Path folder = runsDir.resolve(ref);
      if (!Files.isDirectory(folder)) {
        throw new UserError("no run " + ref + " under " + runsDir + "; lab runs lists them (--out DIR if they were "
            + "written to DIR/runs)");
      }
      return folder;
    }
    List<Path> found = new ArrayList<>();
    for (Path experiment : children(runsDir)) {
      Path folder = experiment.resolve(ref);
      if (Files.isDirectory(folder)) {
        found.add(folder);
      }
    }
    if (found.isEmpty()) {
      throw new UserError("unknown run id '" + ref + "': no such run under " + runsDir + "; lab runs lists them "
          + "(--out DIR if they were written to DIR/runs)");
    }
    if (found.size() > 1) {
      throw new UserError("run id '" + ref + "' is in several experiments (" + String.join(", ",
          found.stream().map(f -> f.getParent().getFileName() + "/" + ref).toList()) + "); give one of these");
    }
    return found.getFirst();
  }

  /** The sub-folders of {@code dir}, sorted by name; none when it does not exist. */
  static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UserError("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
