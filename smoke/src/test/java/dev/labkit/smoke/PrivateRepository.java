package dev.labkit.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local Maven repository the smoke tests' {@code ./jbang} runs use: {@code smoke/target/m2}, so the nested
 * {@code ./mvnw install} of the library lands there and never in the user's {@code ~/.m2}. It reads through to
 * the user's repository (every folder but labkit's own is a link to the user's), so nothing is downloaded
 * again; Maven (install) and JBang (resolve) both see it as a plain local repository.
 */
final class PrivateRepository {
  private PrivateRepository() {}

  /** The user's repository: what the build runs with ({@code labkit.user.repo}), else {@code ~/.m2/repository}. */
  static Path user() {
    String configured = System.getProperty("labkit.user.repo");
    return configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** Makes (once) and returns the private repository under {@code root/smoke/target/m2}. */
  static synchronized Path of(Path root) {
    Path repo = root.resolve("smoke/target/m2");
    try {
      linkAllBut(user(), repo, "dev");
      linkAllBut(user().resolve("dev"), repo.resolve("dev"), "labkit");
      Files.createDirectories(repo.resolve("dev/labkit"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the tests' Maven repository " + repo, e);
    }
    return repo;
  }

  /** Links each entry of {@code from} into {@code to}, except {@code kept}, which stays a folder of its own. */
  private static void linkAllBut(Path from, Path to, String kept) throws IOException {
    Files.createDirectories(to);
    if (!Files.isDirectory(from)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
      for (Path entry : entries) {
        Path link = to.resolve(entry.getFileName().toString());
        if (!entry.getFileName().toString().equals(kept) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.createSymbolicLink(link, entry.toAbsolutePath());
        }
      }
    }
  }
}
