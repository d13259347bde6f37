package dev.labkit.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The runs folder as a tree: {@code <runs>/<experiment>/<run-id>}, listed in a stable order. */
public final class RunTree {
  private RunTree() {}

  /** Every folder under {@code runsDir}, as {@code <runs>/<experiment>/<run-id>}, sorted by experiment then run id. */
  public static List<Path> folders(Path runsDir) {
    return children(runsDir).stream().flatMap(experiment -> children(experiment).stream()).toList();
  }

  /** The sub-folders of a folder, sorted by name; hidden ones (temporary files) and links left out. */
  public static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
