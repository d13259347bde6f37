package dev.labkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose process is gone (kill -9) reads as interrupted; a live one, or one of another host, as running. */
public class OwnerTest {
  @TempDir Path runs;

  /** The pid of a process that has ended. */
  public static long deadPid() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }

  @Test
  void this_process_lives_and_an_ended_one_or_a_reused_id_is_gone() throws Exception {
    Owner self = Owner.current();
    assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(self.gone()).isFalse();
    assertThat(new Owner(deadPid(), self.host(), null).gone()).isTrue();
    // the same id, started at another time: the id was reused by a later process
    assertThat(new Owner(self.pid(), self.host(), Instant.parse(self.started()).minusSeconds(3600).toString()).gone()).isTrue();
    // another machine cannot be checked from here: it reads as alive
    assertThat(new Owner(deadPid(), "some-other-host", null).gone()).isFalse();
  }

  @Test
  void a_running_run_whose_process_is_gone_reads_as_interrupted_and_a_live_or_unowned_one_as_running() throws Exception {
    RunRecord record = RunStoreTest.record("exp");
    Path folder;
    try (RunStore store = RunStore.create(runs, record)) {
      folder = store.folder();
      RunFolder live = RunFolder.read(folder);
      assertThat(live.owner()).isEqualTo(Owner.current());
      assertThat(live.status()).isEqualTo(RunStatus.RUNNING);
      assertThat(live.orphaned()).isFalse();
    }
    Path runJson = folder.resolve("run.json");
    String pid = "\"pid\" : " + ProcessHandle.current().pid();
    assertThat(Files.readString(runJson)).contains(pid);
    Files.writeString(runJson, Files.readString(runJson).replace(pid, "\"pid\" : " + deadPid()));

    RunFolder killed = RunFolder.read(folder);
    assertThat(killed.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(killed.statusText()).isEqualTo("interrupted");
    assertThat(killed.error()).startsWith("its process (pid ").contains("killed (kill -9)");
    assertThat(killed.record().status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(killed.record().error()).isEqualTo(killed.error());

    String unowned = Files.readString(runJson).replaceAll("(?s),\\s*\"owner\" : \\{[^}]*}", "");
    assertThat(unowned).doesNotContain("owner");
    Files.writeString(runJson, unowned);
    assertThat(RunFolder.read(folder).status()).as("a folder older than owners").isEqualTo(RunStatus.RUNNING);
  }
}
