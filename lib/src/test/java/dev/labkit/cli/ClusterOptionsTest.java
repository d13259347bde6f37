package dev.labkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.cluster.SlurmOptions;
import dev.labkit.ground.UserError;
import dev.labkit.run.Settings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ClusterOptionsTest {
  @Command(name = "script")
  static final class Script {
    @Mixin LabOptions lab;
  }

  private static Settings parse(String... args) {
    Script script = new Script();
    new CommandLine(script).parseArgs(args);
    script.lab.invokedAs(Path.of("scripts/logreg.java"), List.of(args));
    return script.lab.settings();
  }

  @Test
  void cluster_slurm_turns_its_options_into_sbatch_options_and_a_trial_rerun_leaves_them_out() {
    Settings settings = parse("--smoke", "--sweep", "model.c=0.1,1", "--cluster", "slurm", "--slurm-partition", "short",
        "--slurm-time", "30", "--slurm-mem", "4G", "--slurm-cpus", "2", "--slurm-max", "8", "--sbatch-arg=--qos=low",
        "--detach", "--set", "model.penalty=l2");
    SlurmOptions slurm = settings.slurm();
    assertThat(slurm.sbatchOptions()).containsExactly("--partition=short", "--time=30", "--mem=4G",
        "--cpus-per-task=2", "--qos=low");
    assertThat(slurm.max()).isEqualTo(8);
    assertThat(slurm.detach()).isTrue();
    assertThat(settings.commandLine()).as("one trial, re-run on its own").containsExactly("--smoke", "--set",
        "model.penalty=l2");
    assertThat(settings.sweepCommandLine()).as("the whole sweep, as submitted").contains("--cluster", "slurm",
        "--detach", "--slurm-max", "8");
  }

  @Test
  void a_local_sweep_has_no_slurm_options_and_a_slurm_option_without_cluster_slurm_says_so() {
    assertThat(parse("--sweep", "model.c=0.1,1").slurm()).isNull();
    assertThatThrownBy(() -> parse("--slurm-time", "5")).isInstanceOf(UserError.class)
        .hasMessage("--slurm-time is for a sweep on Slurm; add --cluster slurm");
    assertThatThrownBy(() -> parse("--detach")).hasMessage("--detach is for a sweep on Slurm; add --cluster slurm");
    assertThatThrownBy(() -> parse("--cluster", "k8s")).hasMessage("--cluster takes local or slurm, got 'k8s'");
  }

  @Test
  void the_help_text_renders_without_picocli_format_warnings() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream before = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    String usage;
    try {
      usage = new CommandLine(new Script()).getUsageMessage();
    } finally {
      System.setErr(before);
    }
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    assertThat(usage).contains("--array=…%K");
  }

  @Test
  void parallel_workers_and_slurm_do_not_mix_and_the_line_says_what_to_use() {
    assertThatThrownBy(() -> parse("--cluster", "slurm", "--parallel", "4")).isInstanceOf(UserError.class)
        .hasMessage("--parallel 4 runs trials in worker processes on this machine; with --cluster slurm, Slurm runs "
            + "them: say how many at once with --slurm-max 4 instead");
  }
}
