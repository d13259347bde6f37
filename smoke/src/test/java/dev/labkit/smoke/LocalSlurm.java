package dev.labkit.smoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A one-node Slurm cluster for a test class, started and stopped through {@code tools/slurm-local} in a folder
 * of its own (smoke/target/slurm) on ports of its own, so it neither needs nor disturbs a cluster someone
 * started by hand. The script stops exactly the daemons it started, by the pids it recorded.
 */
final class LocalSlurm {
  static final Path DIR = Launcher.ROOT.resolve("smoke/target/slurm");
  static final Path CONF = DIR.resolve("slurm.conf");
  private static final String PORT = "6837";

  private LocalSlurm() {}

  /** Whether this machine can run the cluster: root, and Debian's slurm-wlm and munge installed. */
  static String missing() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "slurmd runs as root here, and the tests run as " + System.getProperty("user.name");
    }
    for (String tool : new String[] {"/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged", "/usr/bin/sbatch"}) {
      if (!Files.isExecutable(Path.of(tool))) {
        return tool + " is absent: apt-get install slurm-wlm munge (.ci/run does)";
      }
    }
    return null;
  }

  static void start() throws IOException, InterruptedException {
    run("start");
  }

  static void stop() throws IOException, InterruptedException {
    run("stop");
  }

  private static void run(String command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(Launcher.ROOT.resolve("tools/slurm-local").toString(), command)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    builder.environment().put("LABKIT_SLURM_DIR", DIR.toString());
    builder.environment().put("LABKIT_SLURM_PORT", PORT);
    Process process = builder.start();
    if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new AssertionError("tools/slurm-local " + command + " failed:\n" + Files.readString(log()));
    }
  }

  private static Path log() throws IOException {
    Files.createDirectories(DIR);
    return DIR.resolve("slurm-local.log");
  }
}
