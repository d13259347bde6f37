package dev.labkit.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.ground.Json;
import dev.labkit.store.Provenance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** lab reproduce says when the script (with your own network, loss or metric in it) changed since the run. */
class ReproduceCodeChangesTest {
  @TempDir Path dir;

  String said(Path script, String recordedSha) {
    ObjectNode provenance = Json.MAPPER.createObjectNode().put("script", "own.java").put("script_sha256", recordedSha);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Reproduce.codeChanges(new PrintStream(out, true, StandardCharsets.UTF_8), provenance, script, "own.java", null);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void an_edited_script_is_named_with_both_digests_and_an_unchanged_one_says_nothing() throws Exception {
    Path script = dir.resolve("own.java");
    Files.writeString(script, "metric(\"top2\", p -> 0.5)\n");
    String recorded = Provenance.sha256(script);
    assertThat(said(script, recorded)).isEmpty();

    Files.writeString(script, "metric(\"top2\", p -> 0.6)\n"); // the user's metric changed
    String now = Provenance.sha256(script);
    assertThat(said(script, recorded)).startsWith("code     own.java changed since the run: sha256 "
        + recorded.substring(0, 12)).contains(now.substring(0, 12));
  }
}
