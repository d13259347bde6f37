package dev.labkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmRecordTest {
  @Test
  void a_run_slurm_ended_is_marked_failed_with_slurms_reason_and_keeps_its_task(@TempDir Path runs) {
    Path folder;
    try (RunStore store = RunStore.create(runs, RunStoreTest.record("exp")
        .withSlurm(new RunRecord.Slurm("13", "12", "1", "node7", null, null)))) {
      folder = store.folder();
      store.end(RunStatus.INTERRUPTED, "stopped before the end (Ctrl-C or kill)"); // SIGTERM at the time limit
    }
    RunFolder.endedBySlurm(folder, "TIMEOUT", "Slurm TIMEOUT: job 13 reached its time limit; give it more with --slurm-time");

    RunFolder run = RunFolder.read(folder);
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).startsWith("Slurm TIMEOUT: job 13");
    assertThat(run.slurm()).isEqualTo(new RunRecord.Slurm("13", "12", "1", "node7", "TIMEOUT", null));
    assertThat(run.slurm().describe()).isEqualTo("job 13 (array 12, task 1) on node7");
    assertThat(run.json().path("slurm").path("array_job_id").asString()).isEqualTo("12");
  }

  @Test
  void a_finished_run_is_never_marked_and_a_run_outside_slurm_records_none(@TempDir Path runs) {
    Path folder;
    try (RunStore store = RunStore.create(runs, RunStoreTest.record("exp"))) {
      folder = store.folder();
      store.end(RunStatus.FINISHED, null);
    }
    RunFolder.endedBySlurm(folder, "CANCELLED", "Slurm CANCELLED: job 5 was cancelled");
    assertThat(RunFolder.read(folder).status()).isEqualTo(RunStatus.FINISHED);
    assertThat(RunFolder.read(folder).json().has("slurm")).as("SLURM_JOB_ID is not set here").isFalse();
    assertThat(RunRecord.Slurm.submitted(List.of("12", "20")).describe()).isNull();
  }
}
