package dev.labkit.kinds.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.classic.Classifier;
import dev.labkit.classic.Fitting;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.TrainTest;
import dev.labkit.eval.ClassificationReport;
import dev.labkit.eval.Evaluation;
import dev.labkit.eval.SearchSpace;
import dev.labkit.ground.EventSink;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** After nested CV, the test section describes the model the search chose, refitted on the training set. */
class NestedCvRefitTest {
  @TempDir Path out;

  @Test
  void the_test_section_describes_the_refit_chosen_c_not_the_scripts_default() throws Exception {
    BlobData data = new BlobData(300, 150);
    // the space lies far from the script's default C = 1, so the tested model must differ from it
    Experiment exp = new ExperimentStart("blobs-nested").data(data).model(LogisticRegression.defaults())
        .evaluate(new Evaluation.Accuracy(),
            new Evaluation.NestedCv(3, 2, SearchSpace.of().logUniform("model.c", 0.001, 0.01), 3),
            new Evaluation.MetricsTable(), new Evaluation.Report());
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Runner.Result result = Runner.execute(exp, LabOptions.of(out).noSite(true),
        new PrintStream(console, true, StandardCharsets.UTF_8));

    JsonNode run = Json.MAPPER.readTree(Files.readString(result.folder().resolve("run.json")));
    double chosen = run.get("params").get("model.c").asDouble();
    assertThat(chosen).isBetween(0.001, 0.01);
    assertThat(run.get("params").get("refit").asString())
        .contains("chosen by nested CV's search on the training set").contains("script default: model.c = 1");

    TrainTest split = data.load(LoadOptions.quiet(exp.seed()));
    Classifier refit = Fitting.fit(LogisticRegression.defaults().c(chosen), split.train(), null, exp.seed(), false,
        event -> {});
    double expected = ClassificationReport.of(split.test().labels(), refit.predict(split.test()),
        split.test().classNames()).accuracy();
    assertThat(result.metrics().get("test/accuracy")).isCloseTo(expected, within(1e-12));
    assertThat(result.metrics().get("refit/folds")).isEqualTo(3.0);

    assertThat(Files.readString(result.folder().resolve("artifacts.json")))
        .contains("Test metrics (test, model.c = ").contains("Classification report (test, model.c = ");
    String table = Files.readString(result.folder().resolve("artifacts/refit.json"));
    assertThat(table).containsPattern("the outer folds chose it in [0-3] of 3 \\(same value within 1 %\\)");
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("chosen by nested CV's search on the training set");
  }
}
