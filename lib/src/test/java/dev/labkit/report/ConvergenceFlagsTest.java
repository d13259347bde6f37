package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.ground.Json;
import dev.labkit.model.LogisticRegression;
import dev.labkit.run.BlobData;
import dev.labkit.run.Experiment;
import dev.labkit.run.ExperimentStart;
import dev.labkit.run.Runner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A fit that stops at max_iter says so on the console, its run page, the trials table and the summary. */
class ConvergenceFlagsTest {
  @TempDir Path out;

  @Test
  void a_fit_capped_at_three_iterations_is_flagged_and_a_converged_one_is_not() throws Exception {
    Experiment exp = new ExperimentStart("blobs-iter").data(new BlobData(600, 300))
        .model(LogisticRegression.defaults()).validation(0.2).evaluate(new Evaluation.Accuracy())
        .sweep("model.max_iter", 3, 500);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Runner.Result summary = Runner.execute(exp, LabOptions.of(out).noSite(true),
        new PrintStream(console, true, StandardCharsets.UTF_8));
    Path site = out.resolve("site");
    SiteGenerator.build(out.resolve("runs"), site);

    String text = console.toString(StandardCharsets.UTF_8);
    assertThat(text).containsOnlyOnce("! not converged in 3 iterations") // on the trial's one line
        .contains("1 of 2 fits did not converge");

    JsonNode trials = Json.MAPPER.readTree(Files.readString(summary.folder().resolve("artifacts/trials.json")));
    int column = trials.get("columns").valueStream().map(JsonNode::asString).toList().indexOf("converged");
    assertThat(column).isNotNegative();
    assertThat(trials.get("rows").get(0).get(column).asDouble()).isZero();
    assertThat(trials.get("rows").get(1).get(column).asDouble()).isEqualTo(1.0);

    Path capped = trialFolder("3");
    Path converged = trialFolder("500");
    assertThat(page(site, capped)).contains("class=\"flag\"")
        .contains("did not converge in 3 iterations (max|grad| ").contains("raise model.max_iter");
    assertThat(page(site, converged)).doesNotContain("class=\"flag\"");
    assertThat(page(site, summary.folder())).contains("class=\"flag\"").contains("1 of 2 fits did not converge");
  }

  private Path trialFolder(String maxIter) throws Exception {
    try (Stream<Path> runs = Files.list(out.resolve("runs/blobs-iter"))) {
      List<Path> found = runs.filter(f -> {
        try {
          JsonNode run = Json.MAPPER.readTree(Files.readString(f.resolve("run.json")));
          return run.get("sweep").get("trial").asInt() > 0 && run.get("params").get("model.max_iter").asString()
              .equals(maxIter);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }).toList();
      assertThat(found).hasSize(1);
      return found.getFirst();
    }
  }

  private static String page(Path site, Path run) throws Exception {
    return Files.readString(SiteGenerator.runPage(site, "blobs-iter", run.getFileName().toString()));
  }
}
