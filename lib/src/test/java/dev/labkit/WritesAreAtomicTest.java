package dev.labkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file a run keeps (run folders, checkpoints, caches) is written through {@code ground.AtomicFiles}: read
 * from the sources, any other way of writing a file must be one of the few listed here, with the reason.
 */
class WritesAreAtomicTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/labkit");
  private static final Pattern WRITE = Pattern.compile(
      "(?<!\\w)Files\\.(write|writeString|copy|move|newOutputStream|newBufferedWriter)\\(|new FileOutputStream\\(|FileChannel\\.open\\(");

  /** Files allowed to write otherwise, and why. */
  private static final Map<String, String> ALLOWED = Map.of(
      "ground/AtomicFiles.java", "the helper itself",
      "store/RunStore.java", "metrics.csv is appended and flushed line by line (a cut last line is dropped on read)",
      "report/SiteGenerator.java", "site pages: rebuilt from run folders, written through a temporary file and a rename",
      "report/TableExport.java", "site downloads, rebuilt from run folders",
      "report/SiteLock.java", "opens the site's empty lock file, writes nothing",
      "lab/Export.java", "lab export writes the user's own output file",
      "data/RegressionData.java", "writes a data set the user asked for",
      "data/Downloader.java", "downloads to a temporary file, checks the digest, then moves it into place");

  @Test
  void run_folders_checkpoints_and_caches_are_written_through_atomic_files() throws IOException {
    List<String> direct = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String relative = SOURCES.relativize(file).toString().replace('\\', '/');
        Matcher m = WRITE.matcher(Files.readString(file));
        while (m.find()) {
          if (!ALLOWED.containsKey(relative)) {
            direct.add(relative + ": " + m.group());
          }
        }
      }
    }
    assertThat(direct).as("direct file writes outside AtomicFiles").isEmpty();
  }
}
