package dev.labkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.Event;
import dev.labkit.ground.Json;
import dev.labkit.ground.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RunStoreTest {
  @TempDir Path runs;

  static RunRecord record(String experiment) {
    Provenance provenance = Provenance.capture(null, List.of("--smoke"), Instant.now().toString(), true)
        .withSeeds(Map.of("fit", 42, "data.test_subset", 43));
    return new RunRecord(RunRecord.SCHEMA, experiment, "classify", RunStore.newRunId(Instant.now()), RunStatus.RUNNING, null, 42, null,
        Map.of("seed", 42), null, provenance);
  }

  static JsonNode json(Path file) throws Exception {
    return Json.MAPPER.readTree(Files.readString(file));
  }

  @Test
  void a_new_run_folder_is_readable_before_anything_else_happens() throws Exception {
    try (RunStore store = RunStore.create(runs, record("exp"))) {
      assertThat(json(store.folder().resolve("run.json")).get("status").asString()).isEqualTo("running");
      assertThat(json(store.folder().resolve("run.json")).get("schema").asInt()).isEqualTo(1);
      assertThat(Files.readString(store.folder().resolve("metrics.csv"))).isEqualTo("step,name,value,wall_time\n");
      assertThat(json(store.folder().resolve("artifacts.json")).isArray()).isTrue();
    }
  }

  @Test
  void provenance_records_the_argument_list_every_derived_seed_and_the_jars_on_the_class_path() throws Exception {
    try (RunStore store = RunStore.create(runs, record("exp"))) {
      JsonNode provenance = json(store.folder().resolve("run.json")).get("provenance");
      assertThat(provenance.get("args").get(0).asString()).isEqualTo("--smoke");
      assertThat(provenance.get("seeds").get("fit").asLong()).isEqualTo(42);
      assertThat(provenance.get("seeds").get("data.test_subset").asLong()).isEqualTo(43);
      assertThat(provenance.get("dependencies").size()).isPositive();
      assertThat(provenance.get("working_dir").asString()).isEqualTo(Path.of("").toAbsolutePath().toString());
    }
  }

  @Test
  void a_reopened_run_folder_appends_to_its_metrics_and_is_running_again() throws Exception {
    Path folder;
    try (RunStore store = RunStore.create(runs, record("exp"))) {
      store.accept(new Event.Scalar(1, "loss", 0.5));
      store.end(RunStatus.INTERRUPTED, "stopped");
      folder = store.folder();
    }
    RunRecord again = record("exp").withRunId(folder.getFileName().toString());
    try (RunStore store = RunStore.reopen(folder, again)) {
      store.accept(new Event.Scalar(2, "loss", 0.25));
    }
    assertThat(Files.readAllLines(folder.resolve("metrics.csv"))).hasSize(3).first().isEqualTo("step,name,value,wall_time");
    assertThat(json(folder.resolve("run.json")).get("status").asString()).isEqualTo("running");
  }

  @Test
  void events_become_files_as_they_arrive() throws Exception {
    try (RunStore store = RunStore.create(runs, record("exp"))) {
      store.accept(new Event.Scalar(3, "train/loss", 0.5));
      // flushed at once: visible to a reader while the run goes on
      assertThat(Files.readAllLines(store.folder().resolve("metrics.csv"))).hasSize(2)
          .last().asString().startsWith("3,train/loss,0.5,");
      store.accept(new Event.Image("weights/0", "T-shirt", "Weight heatmaps", null, new byte[] {1, 2, 3}));
      store.accept(new Event.Table("confusion-matrix", "confusion-matrix", "CM", Map.of("labels", List.of("a"))));
      store.accept(new Event.Summary(Map.of("test/accuracy", 0.9), "test/accuracy"));
      store.end(RunStatus.FINISHED, null);
      JsonNode artifacts = json(store.folder().resolve("artifacts.json"));
      assertThat(artifacts).hasSize(2);
      assertThat(artifacts.get(0).get("path").asString()).isEqualTo("artifacts/weights/0.png");
      assertThat(artifacts.get(0).get("group").asString()).isEqualTo("Weight heatmaps");
      assertThat(Files.readAllBytes(store.folder().resolve("artifacts/weights/0.png"))).containsExactly(1, 2, 3);
      assertThat(json(store.folder().resolve("summary.json")).get("metrics").get("test/accuracy").asDouble())
          .isEqualTo(0.9);
      JsonNode run = json(store.folder().resolve("run.json"));
      assertThat(run.get("status").asString()).isEqualTo("finished");
      assertThat(run.get("provenance").get("ended").isNull()).isFalse();
      assertThat(run.get("run_id").asString()).matches("\\d{8}-\\d{6}-[0-9a-f]{4}");
    }
  }

  @Test
  void a_run_ends_only_once_so_a_late_interrupt_does_not_overwrite_finished() throws Exception {
    try (RunStore store = RunStore.create(runs, record("exp"))) {
      store.end(RunStatus.FINISHED, null);
      store.end(RunStatus.INTERRUPTED, "stopped");
      assertThat(json(store.folder().resolve("run.json")).get("status").asString()).isEqualTo("finished");
    }
  }

  @Test
  void runs_started_at_once_get_their_own_folders() {
    Map<Path, Boolean> folders = new ConcurrentHashMap<>();
    RunRecord same = record("exp");
    IntStream.range(0, 16).parallel().forEach(i -> {
      try (RunStore store = RunStore.create(runs, same)) {
        folders.put(store.folder(), true);
      }
    });
    assertThat(folders).hasSize(16);
  }

  @Test
  void an_unwritable_output_folder_is_a_one_line_error() throws Exception {
    Path file = Files.writeString(runs.resolve("not-a-folder"), "x");
    assertThatThrownBy(() -> RunStore.create(file.resolve("runs"), record("exp")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("cannot create the run folder")
        .hasMessageContaining("--out DIR")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
