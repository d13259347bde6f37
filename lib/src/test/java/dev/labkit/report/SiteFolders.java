package dev.labkit.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The folders a site test works in: run folders under {@code runs()}, the site under {@code site()}. */
abstract class SiteFolders {
  @TempDir Path tmp;
  /** What the generator warned about (an unreadable run, say). */
  final List<String> warnings = new ArrayList<>();

  Path runs() {
    return tmp.resolve("runs");
  }

  Path site() {
    return tmp.resolve("site");
  }
}
