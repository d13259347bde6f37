package dev.labkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RunFolderTest {
  @TempDir Path runs;
  final List<String> warnings = new ArrayList<>();

  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Path mainFolder() {
    Path folder = runs.resolve("logreg-fashion/20261206-132845-44f0");
    write(folder.resolve("run.json"), MainRunFolders.RUN_JSON);
    write(folder.resolve("summary.json"), """
        {"metrics": {"test/accuracy": 0.801, "val/accuracy": 0.79, "fit_seconds": "NaN"}, "headline": "test/accuracy"}
        """);
    return folder;
  }

  @Test
  void a_folder_as_todays_main_writes_it_reads_with_its_status_as_the_enum() {
    RunFolder run = RunFolder.read(mainFolder());

    assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(run.statusText()).isEqualTo("finished");
    assertThat(run.name()).isEqualTo("logreg-fashion/20261206-132845-44f0");
    assertThat(run.sweepId()).isEqualTo("20261206-132845-7bc5");
    assertThat(run.trial()).isEqualTo(1);
    assertThat(run.error()).isNull();
    assertThat(run.headline()).isEqualTo("test/accuracy");
    assertThat(run.metrics()).containsExactly(Map.entry("test/accuracy", 0.801), Map.entry("val/accuracy", 0.79),
        Map.entry("fit_seconds", Double.NaN));
    RunRecord record = run.record();
    assertThat(record.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(record.seed()).isEqualTo(42);
    assertThat(record.sweep().keys()).containsExactly("model.penalty", "model.c");
    assertThat(record.params()).containsEntry("model.c", 0.01).containsEntry("model.penalty", "l1");
    assertThat(record.dataset().train().size()).isEqualTo(2000);
    assertThat(record.dataset().shape()).containsExactly(28, 28, 1);
    assertThat(record.provenance().args()).containsExactly("--smoke", "--set", "model.penalty=l1", "--set", "model.c=0.01");
    assertThat(record.provenance().resumedFromStep()).containsExactly(200L, 400L);
    assertThat(record.provenance().smoke()).isTrue();
  }

  @Test
  void a_record_written_and_read_back_keeps_every_field_and_the_file_is_what_main_wrote() throws Exception {
    RunRecord original = RunFolder.read(mainFolder()).record();
    Path copy = Files.createDirectories(runs.resolve("logreg-fashion/20261206-140000-0000"));

    RunFolder.writeRecord(copy, original);
    RunFolder.writeSummary(copy, Map.of("test/accuracy", 0.801), "test/accuracy");
    RunFolder back = RunFolder.read(copy);

    assertThat(back.record()).isEqualTo(original);
    assertThat(back.metrics()).containsExactly(Map.entry("test/accuracy", 0.801));
    assertThat(back.headline()).isEqualTo("test/accuracy");
    // on disk: every field main wrote, with the same value; anything added since is an optional null
    JsonNode before = RunFolder.JSON.readTree(MainRunFolders.RUN_JSON);
    assertThat(sameOrAddedNull(before, back.json())).as(back.json().toString()).isTrue();
  }

  /** {@code after} has every field of {@code before} with the same value, and only null fields besides. */
  static boolean sameOrAddedNull(JsonNode before, JsonNode after) {
    if (!before.isObject() || !after.isObject()) {
      return before.equals(after) || before.isNumber() && after.isNumber() && before.asDouble() == after.asDouble();
    }
    for (Map.Entry<String, JsonNode> e : after.properties()) {
      JsonNode old = before.path(e.getKey());
      if (old.isMissingNode() ? !e.getValue().isNull() : !sameOrAddedNull(old, e.getValue())) {
        return false;
      }
    }
    return before.properties().stream().allMatch(e -> after.has(e.getKey()));
  }

  @Test
  void every_status_is_written_in_lower_case_as_before_and_reads_back() {
    RunRecord main = RunFolder.read(mainFolder()).record();
    for (RunStatus status : RunStatus.values()) {
      Path folder = runs.resolve("e/" + status.text());
      write(folder.resolve("x"), "");
      RunFolder.writeRecord(folder, main.ended(status, null, "2026-12-06T14:00:00Z"));

      assertThat(RunFolder.read(folder).json().path("status").asString()).isEqualTo(status.name().toLowerCase());
      assertThat(RunFolder.read(folder).status()).isEqualTo(status);
      assertThat(RunStatus.parse(status.text())).isEqualTo(status);
    }
    assertThat(RunStatus.parse(null)).isNull();
    assertThat(RunStatus.parse("Finished")).isNull();
    assertThat(RunStatus.FINISHED.ended()).isTrue();
    assertThat(RunStatus.RUNNING.ended()).isFalse();
  }

  @Test
  void an_older_run_json_without_later_fields_and_with_an_unknown_status_still_reads() {
    Path folder = runs.resolve("old/20261101-100000-0000");
    write(folder.resolve("run.json"), """
        {"schema": 1, "experiment": "old", "run_id": "20261101-100000-0000", "status": "paused", "seed": 7,
         "params": {"seed": 7}, "provenance": {"script": "scripts/old.java", "cores": 2, "smoke": false},
         "added_by_a_newer_labkit": {"x": 1}}
        """);

    RunFolder run = RunFolder.read(folder);

    assertThat(run.status()).isNull();
    assertThat(run.statusText()).isEqualTo("paused");
    assertThat(run.sweepId()).isNull();
    assertThat(run.trial()).isEqualTo(-1);
    assertThat(run.metrics()).isEmpty();
    assertThat(run.headline()).isNull();
    RunRecord record = run.record();
    assertThat(record.status()).isNull();
    assertThat(record.sweep()).isNull();
    assertThat(record.dataset()).isNull();
    assertThat(record.provenance().args()).isNull();
    assertThat(record.provenance().resumedFromStep()).isNull();

    write(folder.resolve("run.json"), "{\"experiment\": \"old\"}");
    assertThat(RunFolder.read(folder).statusText()).isEqualTo("unknown");
  }

  @Test
  void a_folder_asked_for_that_is_no_run_is_a_one_line_error_saying_why() {
    Path none = runs.resolve("e/20261101-100000-0000");
    assertThatThrownBy(() -> RunFolder.read(none)).isInstanceOf(UserError.class).hasMessageStartingWith("no run folder");
    write(none.resolve("metrics.csv"), "step,name,value,wall_time\n");
    assertThatThrownBy(() -> RunFolder.read(none)).hasMessageContaining("has no run.json");
    write(none.resolve("run.json"), "{\"status\": \"fini");
    assertThatThrownBy(() -> RunFolder.read(none)).hasMessageContaining("run.json is damaged (");
    write(none.resolve("run.json"), "{\"status\": \"finished\"}");
    assertThatThrownBy(() -> RunFolder.read(none)).hasMessageContaining("no \"experiment\" field");
    assertThat(RunFolder.tryRead(none)).isEmpty();
    write(none.resolve("run.json"), "{\"experiment\": \"e\", \"seed\": \"forty-two\"}");
    assertThatThrownBy(() -> RunFolder.read(none).record()).isInstanceOf(UserError.class)
        .hasMessageContaining("run.json is damaged (");
  }

  @Test
  void a_scan_skips_a_damaged_folder_with_one_warning_and_reads_a_damaged_summary_as_none() {
    Path bad = write(runs.resolve("e/1/run.json"), "[1, 2]").getParent();
    Path cut = write(runs.resolve("e/2/run.json"), "{\"status\": ").getParent();
    Path empty = write(runs.resolve("e/3/metrics.csv"), "").getParent();
    Path ok = write(runs.resolve("e/4/run.json"), "{\"status\": \"running\"}").getParent();
    write(ok.resolve("summary.json"), "{\"metrics\": ");

    assertThat(RunFolder.scan(bad, warnings::add)).isEmpty();
    assertThat(RunFolder.scan(cut, warnings::add)).isEmpty();
    assertThat(RunFolder.scan(empty, warnings::add)).isEmpty();
    RunFolder running = RunFolder.scan(ok, warnings::add).orElseThrow();

    assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(running.metrics()).isEmpty();
    assertThat(warnings).hasSize(4);
    assertThat(warnings.get(0)).contains("not a JSON object");
    assertThat(warnings.get(1)).contains("run.json is not valid JSON");
    assertThat(warnings.get(2)).contains("no run.json");
    assertThat(warnings.get(3)).startsWith("warning: ignored ").contains("summary.json");
    assertThat(RunTree.folders(runs)).containsExactly(bad, cut, empty, ok);
  }

  @Test
  void the_one_mapper_writes_a_status_as_its_lower_case_text() {
    Map<String, Object> probe = new LinkedHashMap<>();
    probe.put("status", RunStatus.INTERRUPTED);
    assertThat(RunFolder.JSON.writeValueAsString(probe)).contains("\"interrupted\"");
  }

  @Test
  void metric_lines_as_the_store_writes_them_read_back_and_a_cut_off_last_line_is_dropped_quietly() {
    Path folder = runs.resolve("e/20261101-100000-0000");
    write(folder.resolve("run.json"), "{\"experiment\": \"e\", \"status\": \"running\"}");
    write(folder.resolve("metrics.csv"), MetricLines.HEADER + MetricLines.line(1, "train/loss", 0.5, 0.25)
        + MetricLines.line(2, "train/loss", Double.NaN, 1.5) + "3,train/lo");

    assertThat(RunFolder.read(folder).metricLines(warnings::add)).containsExactly(
        new MetricLines.Line(1, "train/loss", 0.5, 0.25), new MetricLines.Line(2, "train/loss", Double.NaN, 1.5));
    assertThat(warnings).isEmpty();
  }
}
