package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.ground.Axis;
import dev.labkit.ground.Json;
import dev.labkit.model.GaussianNaiveBayes;
import dev.labkit.model.LogisticRegression;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A sweep's axes, typed and with their scale, from the script and the command line into run.json. */
class SweepAxesTest {
  @TempDir Path out;
  final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

  Experiment experiment() {
    return new ExperimentStart("blobs-axes").data(new BlobData(120, 60)).model(LogisticRegression.defaults())
        .evaluate(new Evaluation.Accuracy());
  }

  LabOptions options() {
    return LabOptions.of(out).noSite(true);
  }

  @Test
  void run_json_of_the_summary_and_of_every_trial_records_each_axis_with_numbers_and_its_scale() throws Exception {
    Experiment swept = experiment().sweep("model.penalty", "l1", "l2")
        .sweep("model.c", Axis.logPoints(0.01, 10, 3));
    Runner.Result result = Runner.execute(swept, options(), quiet);
    assertThat(result.exitCode()).isZero();

    List<JsonNode> records = new ArrayList<>();
    try (var folders = Files.list(out.resolve("runs/blobs-axes"))) {
      for (Path folder : folders.toList()) {
        records.add(Json.MAPPER.readTree(folder.resolve("run.json").toFile()));
      }
    }
    assertThat(records).hasSize(7); // the summary and 6 trials
    for (JsonNode record : records) {
      JsonNode axes = record.path("sweep").path("axes");
      assertThat(axes.propertyNames()).containsExactly("model.penalty", "model.c");
      assertThat(axes.path("model.penalty").path("scale").asString()).isEqualTo("categorical");
      assertThat(axes.path("model.penalty").path("values").get(0).isString()).isTrue();
      assertThat(axes.path("model.c").path("scale").asString()).isEqualTo("log");
      JsonNode c = axes.path("model.c").path("values");
      assertThat(c.isArray()).isTrue();
      assertThat(c.valueStream().allMatch(JsonNode::isNumber)).isTrue();
      assertThat(c.valueStream().map(JsonNode::asDouble).toList()).containsExactly(0.01, 0.316, 10.0);
      assertThat(record.path("sweep").path("keys").size()).isEqualTo(2); // the existing fields stay
    }
    // a trial run by a worker process (--trial-of) reads them from the summary run, written before any trial
    Map<String, Map<String, Object>> recorded = CliSweeps.recordedAxes(out.resolve("runs"),
        result.folder().getFileName().toString());
    assertThat(recorded.keySet()).containsExactly("model.penalty", "model.c");
    assertThat(recorded.get("model.c")).isEqualTo(Map.of("scale", "log", "values", List.of(0.01, 0.316, 10.0)));
    assertThat(CliSweeps.recordedAxes(out.resolve("runs"), "20990101-000000-abcd")).isEmpty();
  }

  @Test
  void a_trial_keeps_the_text_set_takes_and_its_typed_value() {
    List<Trial> trials = CliSweeps.trials(experiment().sweep("model.penalty", "l1", "l2"),
        options().sweep("model.c=log:0.1..10:3"));
    Trial last = trials.getLast();
    assertThat(last.assignment()).isEqualTo(Map.of("model.penalty", "l2", "model.c", "10"));
    assertThat(last.values()).isEqualTo(Map.of("model.penalty", "l2", "model.c", 10.0));
    assertThat(last.axes()).extracting(Axis::key).containsExactly("model.penalty", "model.c");
    assertThat(last.axes().getLast().scale()).isEqualTo(Axis.Scale.LOG);
  }

  @Test
  void a_command_line_list_of_numbers_is_numeric_and_a_random_search_records_what_it_drew_on_the_range_scale() {
    Trial listed = CliSweeps.trials(experiment(), options().sweep("model.c=0.1,1,10")).getFirst();
    assertThat(listed.axes().getFirst().values()).containsExactly(0.1, 1L, 10L);

    List<Trial> drawn = CliSweeps.trials(experiment(), options().sweep("model.c=log:0.01..10").random(4));
    Axis axis = drawn.getFirst().axes().getFirst();
    assertThat(axis.scale()).isEqualTo(Axis.Scale.LOG);
    assertThat(axis.values()).hasSize(4).allSatisfy(v -> assertThat(v).isInstanceOf(Number.class));
    assertThat(drawn.stream().map(t -> t.values().get("model.c")).toList()).containsExactlyElementsOf(axis.values());
  }

  @Test
  void a_comparison_records_its_models_as_a_categorical_axis() {
    Experiment compared = experiment().compare(LogisticRegression.defaults(), GaussianNaiveBayes.defaults());
    List<Trial> trials = CliSweeps.trials(compared, options());
    assertThat(trials.getFirst().axes()).extracting(Axis::key).containsExactly("model");
    assertThat(trials.getFirst().axes().getFirst().values()).containsExactly("logistic-regression", "gaussian-naive-bayes");
    assertThat(trials.getFirst().axes().getFirst().scale()).isEqualTo(Axis.Scale.CATEGORICAL);
  }
}
