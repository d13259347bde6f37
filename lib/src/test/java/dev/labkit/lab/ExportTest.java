package dev.labkit.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.LogisticRegression;
import dev.labkit.run.BlobData;
import dev.labkit.run.ExperimentStart;
import dev.labkit.run.Runner;
import dev.labkit.store.RunFolder;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code lab export} on a real sweep made in-process: both tables in both formats, and the one-line errors. */
class ExportTest {
  @TempDir Path out;
  final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  int lab(String... args) {
    return LabCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8), args);
  }

  Path sweep() {
    var experiment = new ExperimentStart("blobs-ex").data(new BlobData(120, 60)).model(LogisticRegression.defaults())
        .evaluate(new Evaluation.Accuracy());
    return Runner.execute(experiment, LabOptions.of(out).noSite(true).sweep("model.c=0.01,1"),
        new PrintStream(OutputStream.nullOutputStream())).folder();
  }

  static List<CSVRecord> csv(Path file) throws Exception {
    try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
      return parser.getRecords();
    }
  }

  @Test
  void csv_has_one_row_per_run_with_params_and_final_metrics_and_the_series_in_long_format() throws Exception {
    Path summary = sweep();
    assertThat(lab("export", "blobs-ex", "--format", "csv", "--out", out.toString())).as(stderr.toString()).isZero();
    Path dir = out.resolve("export/blobs-ex");
    assertThat(stdout.toString()).contains("3 runs of blobs-ex").contains(dir.resolve("runs.csv").toString());

    List<CSVRecord> runs = csv(dir.resolve("runs.csv"));
    List<String> header = runs.getFirst().toList();
    assertThat(header.subList(0, 3)).containsExactly("run", "status", "trial");
    assertThat(header).contains("model.c", "seed", "test/accuracy").doesNotHaveDuplicates();
    assertThat(header.indexOf("model.c")).isLessThan(header.indexOf("test/accuracy"));
    assertThat(runs).hasSize(4);
    int c = header.indexOf("model.c");
    int accuracy = header.indexOf("test/accuracy");
    assertThat(runs.subList(1, 4)).allSatisfy(r -> assertThat(r.size()).isEqualTo(header.size()));
    assertThat(runs.subList(1, 4).stream().map(r -> r.get(2))).containsExactlyInAnyOrder("0", "1", "2");
    assertThat(runs.subList(1, 4).stream().filter(r -> !r.get(2).equals("0")).map(r -> r.get(c)))
        .containsExactlyInAnyOrder("0.01", "1.0");
    CSVRecord row = runs.subList(1, 4).stream().filter(r -> !r.get(2).equals("0")).findFirst().orElseThrow();
    RunFolder first = RunFolder.read(summary.resolveSibling(row.get(0)));
    assertThat(Double.parseDouble(row.get(accuracy))).isEqualTo(first.metrics().get("test/accuracy"));

    List<CSVRecord> series = csv(dir.resolve("series.csv"));
    assertThat(series.getFirst().toList()).containsExactly("run", "step", "name", "value", "wall_time");
    List<CSVRecord> firstRun = series.stream().filter(r -> r.get(0).equals(first.runId())).toList();
    assertThat(firstRun).hasSize(first.metricLines(w -> {}).size()).isNotEmpty();
    assertThat(series.stream().skip(1).map(r -> r.get(0)).distinct().count()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void json_writes_the_same_tables_as_arrays_of_objects() throws Exception {
    sweep();
    Path dest = out.resolve("elsewhere");
    assertThat(lab("export", "blobs-ex", "--format", "json", "--out", out.toString(), "--dest", dest.toString()))
        .as(stderr.toString()).isZero();
    JsonNode runs = RunFolder.JSON.readTree(Files.readString(dest.resolve("runs.json")));
    assertThat(runs.size()).isEqualTo(3);
    JsonNode trial = runs.get(1).path("trial").asInt() == 0 ? runs.get(2) : runs.get(1);
    assertThat(trial.path("model.c").isNumber()).isTrue();
    assertThat(trial.path("test/accuracy").asDouble()).isBetween(0.0, 1.0);
    JsonNode series = RunFolder.JSON.readTree(Files.readString(dest.resolve("series.json")));
    assertThat(series.get(0).propertyNames()).containsExactly("run", "step", "name", "value", "wall_time");
  }

  @Test
  void errors_are_one_line_naming_the_fix() {
    sweep();
    assertThat(lab("export", "nope", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr.toString().strip()).doesNotContain("\n").contains("no experiment 'nope'").contains("blobs-ex");
    stderr.reset();
    assertThat(lab("export", "blobs-ex", "--format", "xml", "--out", out.toString())).isEqualTo(2);
    assertThat(stderr.toString().strip()).doesNotContain("\n").contains("csv, json");
  }
}
