package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
  @TempDir Path tmp;

  @Test
  void images_that_ask_for_three_columns_show_as_a_fixed_grid_and_others_flow() throws IOException {
    Path run = Fixtures.finishedRun(tmp.resolve("runs"), "exp", "20261126-213000-1a2b");
    Fixtures.write(run.resolve("artifacts/examples/0.png"), new byte[] {1});
    Fixtures.write(run.resolve("artifacts/other.png"), new byte[] {1});
    Fixtures.write(run.resolve("artifacts.json"), """
        [{"name": "examples/0", "kind": "image", "title": "#0 true Bag", "path": "artifacts/examples/0.png",
          "step": null, "group": "Test examples", "columns": 3},
         {"name": "other", "kind": "image", "title": "other", "path": "artifacts/other.png",
          "step": null, "group": "Other"}]
        """);
    SiteGenerator.build(tmp.resolve("runs"), tmp.resolve("site"), line -> {});
    String page = Files.readString(SiteGenerator.runPage(tmp.resolve("site"), "exp", "20261126-213000-1a2b"));
    assertThat(page).contains("class=\"gallery grid\" style=\"grid-template-columns: repeat(3, max-content)\"");
    assertThat(page).containsOnlyOnce("gallery grid");
  }
}
