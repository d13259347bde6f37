package dev.labkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmPreflightTest {
  private static final SlurmOptions DEFAULTS = new SlurmOptions(null, null, null, null, null, List.of(), false, false);

  @Test
  void no_sbatch_on_the_path_is_one_line_naming_the_fix(@TempDir Path empty) {
    assertThatThrownBy(() -> SlurmPreflight.check(DEFAULTS, empty, empty.toString(), Path.of("/proc/mounts"), "vm"))
        .isInstanceOf(UserError.class)
        .hasMessage("--cluster slurm needs sbatch on the PATH, and there is none; run on a machine with Slurm's client "
            + "commands (Debian: apt-get install slurm-client) or drop --cluster slurm");
  }

  @Test
  void the_file_system_of_a_folder_is_its_longest_mount_point(@TempDir Path dir) throws Exception {
    Path mounts = dir.resolve("mounts");
    Files.writeString(mounts, """
        overlay / overlay rw 0 0
        tmpfs %s tmpfs rw 0 0
        server:/export %s nfs4 rw 0 0
        """.formatted(dir, dir.resolve("shared")));
    Files.createDirectories(dir.resolve("shared/runs"));
    assertThat(SlurmPreflight.fileSystem(dir.resolve("runs/not-yet"), mounts)).isEqualTo("tmpfs");
    assertThat(SlurmPreflight.fileSystem(dir.resolve("shared/runs"), mounts)).isEqualTo("nfs4");
    assertThat(SlurmPreflight.fileSystem(Path.of("/usr"), mounts)).isEqualTo("overlay");
  }

  @Test
  void runs_on_a_file_system_only_this_machine_sees_are_refused_when_other_nodes_run_the_tasks() {
    Path runs = Path.of("/tmp/runs");
    assertThatThrownBy(() -> SlurmPreflight.sharing(runs, "tmpfs", Set.of("node1", "node2"), "login"))
        .isInstanceOf(UserError.class).hasMessageContaining("/tmp/runs is on tmpfs, which only this machine sees")
        .hasMessageContaining("give --out a folder on a shared file system");
    assertThat(SlurmPreflight.sharing(runs, "tmpfs", Set.of("login"), "login")).as("one node, this one").isNull();
    assertThat(SlurmPreflight.sharing(runs, "nfs4", Set.of("node1", "node2"), "login")).isNull();
    assertThat(SlurmPreflight.sharing(runs, "fuse.sshfs", Set.of("node1"), "login")).isNull();
    assertThat(SlurmPreflight.sharing(runs, "ext4", Set.of("node1", "node2"), "login"))
        .startsWith("warning: the runs folder /tmp/runs is on ext4, a local disk here");
  }

  @Test
  void bad_slurm_values_are_refused_before_anything_runs() {
    assertThatThrownBy(() -> new SlurmOptions(null, "an hour", null, null, null, List.of(), false, false))
        .hasMessage("--slurm-time takes minutes or [D-]HH:MM:SS as sbatch --time does, got 'an hour'");
    assertThatThrownBy(() -> new SlurmOptions(null, null, null, 0, null, List.of(), false, false))
        .hasMessage("--slurm-cpus needs N ≥ 1 CPUs per task, got 0");
    assertThat(new SlurmOptions("short", "1-02:00:00", "4G", 2, 8, List.of("--qos=low"), false, false).sbatchOptions())
        .containsExactly("--partition=short", "--time=1-02:00:00", "--mem=4G", "--cpus-per-task=2", "--qos=low");
  }
}
