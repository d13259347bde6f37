package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.Lab;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.Datasets;
import dev.labkit.ground.Json;
import dev.labkit.ground.UserError;
import dev.labkit.model.LinearRegressionGd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A script that asks several questions runs several experiments; each run can be re-run alone. */
class SeveralExperimentsTest {
  @TempDir Path out;

  static Experiment line(String name) {
    return new ExperimentStart(name).data(Datasets.line().n(200)).model(LinearRegressionGd.defaults().steps(20));
  }

  List<Path> runsOf(String experiment) throws Exception {
    Path dir = out.resolve("runs").resolve(experiment);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> runs = Files.list(dir)) {
      return runs.toList();
    }
  }

  static List<String> recordedArgs(Path run) throws Exception {
    JsonNode args = Json.MAPPER.readTree(Files.readString(run.resolve("run.json"))).get("provenance").get("args");
    return args.valueStream().map(JsonNode::asString).toList();
  }

  @Test
  void every_run_of_a_several_experiment_script_records_the_option_that_reruns_its_own_experiment() throws Exception {
    int exit = Lab.runAll(LabOptions.of(out).noSite(true), line("first"), line("second"));
    assertThat(exit).isZero();
    assertThat(recordedArgs(runsOf("first").getFirst())).containsSubsequence("--experiment", "first");
    assertThat(recordedArgs(runsOf("second").getFirst())).containsSubsequence("--experiment", "second");
  }

  @Test
  void experiment_option_runs_that_experiment_alone() throws Exception {
    int exit = Lab.runAll(LabOptions.of(out).noSite(true).experiment("second"), line("first"), line("second"));
    assertThat(exit).isZero();
    assertThat(runsOf("first")).isEmpty();
    assertThat(runsOf("second")).hasSize(1);
  }

  @Test
  void an_experiment_the_script_does_not_have_is_a_one_line_error_listing_those_it_has() {
    assertThatThrownBy(() -> Lab.runAll(LabOptions.of(out).noSite(true).experiment("third"), line("first"),
        line("second"))).isInstanceOf(UserError.class)
        .hasMessage("--experiment third: this script has no such experiment; it runs first, second");
    assertThatThrownBy(() -> line("first").run(LabOptions.of(out).noSite(true).experiment("third")))
        .isInstanceOf(UserError.class).hasMessage("--experiment third: this script runs experiment first only");
  }

  @Test
  void two_experiments_of_one_name_are_a_one_line_error() {
    assertThatThrownBy(() -> Lab.runAll(LabOptions.of(out).noSite(true), line("same"), line("same").named("same")))
        .isInstanceOf(UserError.class).hasMessageStartingWith("two experiments of this script are named same;");
    assertThat(line("base").named("fork").name()).isEqualTo("fork");
  }

  @Test
  void a_regression_sweep_summary_keeps_the_metrics_of_its_lowest_mse_trial() throws Exception {
    Runner.Result result = Runner.execute(line("lrs").sweep("model.lr", 0.001, 0.1), LabOptions.of(out).noSite(true),
        System.out);
    JsonNode summary = Json.MAPPER.readTree(Files.readString(result.folder().resolve("summary.json")));
    assertThat(summary.get("headline").asString()).isEqualTo("mse");
    // 20 steps at lr 0.001 barely move from W = b = 0; at 0.1 the line is nearly fitted
    assertThat(summary.get("metrics").get("w").asDouble()).isGreaterThan(2);
  }
}
