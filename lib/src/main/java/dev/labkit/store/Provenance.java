package dev.labkit.store;

import dev.labkit.ground.Home;
import dev.labkit.ground.LabkitVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where and how a run ran: the script and a digest of its text, the command that re-runs it (as one
 * line for people and as its argument list for {@code lab reproduce}), the seeds derived from the run's
 * seed, the jars it ran with, the labkit commit, and the machine. Enough to tell two runs apart when
 * their numbers differ. Fields after {@code smoke} were added later in schema 1: a reader treats them
 * as optional (docs/architecture.md).
 *
 * @param args         the script's arguments as a list, exactly as {@code command} quotes them
 * @param workingDir   the folder the command ran in (relative paths in {@code args} are relative to it)
 * @param seeds        every seed derived from the run's seed, by what it drives ({@link DerivedSeeds})
 * @param dependencies the jars on the class path, as {@code group:artifact:version} when they come from a
 *                     Maven repository (what JBang resolved), else as the file name
 * @param reproduces   {@code experiment/run-id} of the run this one reproduces ({@code lab reproduce}), or null
 * @param resumedFromStep the checkpoint steps this run went on from, one per {@code --resume RUN_ID}, or null
 *                     when it ran in one go
 */
public record Provenance(String script, String scriptSha256, String command, String gitCommit, Boolean gitDirty,
    String labkitVersion, String java, String os, String cpu, int cores, String started, String ended,
    boolean smoke, List<String> args, String workingDir, Map<String, Object> seeds, List<String> dependencies,
    String reproduces, List<Long> resumedFromStep) {

  /** Set by {@code lab reproduce} for the child process it starts; recorded as {@code reproduces}. */
  public static final String REPRODUCES_ENV = "LABKIT_REPRODUCES";

  Provenance withEnded(String at) {
    return new Provenance(script, scriptSha256, command, gitCommit, gitDirty, labkitVersion, java, os, cpu, cores,
        started, at, smoke, args, workingDir, seeds, dependencies, reproduces, resumedFromStep);
  }

  public Provenance withSeeds(Map<String, Object> value) {
    return new Provenance(script, scriptSha256, command, gitCommit, gitDirty, labkitVersion, java, os, cpu, cores,
        started, ended, smoke, args, workingDir, value, dependencies, reproduces, resumedFromStep);
  }

  /** The same, noting that the run went on from its checkpoint of {@code step} (and no end yet). */
  Provenance withResumedFrom(long step) {
    List<Long> steps = new java.util.ArrayList<>(resumedFromStep == null ? List.of() : resumedFromStep);
    steps.add(step);
    return new Provenance(script, scriptSha256, command, gitCommit, gitDirty, labkitVersion, java, os, cpu, cores,
        started, null, smoke, args, workingDir, seeds, dependencies, reproduces, List.copyOf(steps));
  }

  /** Captures the provenance of a run of {@code script} (may be null) started now with {@code args}. */
  public static Provenance capture(Path script, List<String> args, String started, boolean smoke) {
    String scriptText = script == null ? null : Home.dir().relativize(script.toAbsolutePath()).toString();
    String command = "./jbang " + (scriptText == null ? "<script>" : scriptText)
        + (args.isEmpty() ? "" : " " + String.join(" ", args.stream().map(Provenance::quote).toList()));
    String commit = git("rev-parse", "HEAD");
    String status = commit == null ? null : git("status", "--porcelain", "--untracked-files=no");
    String reproduces = System.getenv(REPRODUCES_ENV);
    return new Provenance(scriptText, script == null ? null : sha256(script), command, commit,
        status == null ? null : !status.isBlank(), currentLabkitVersion(),
        System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        cpuModel(), Runtime.getRuntime().availableProcessors(), started, null, smoke, List.copyOf(args),
        Path.of("").toAbsolutePath().toString(), Map.of(), ClassPath.dependencies(),
        reproduces == null || reproduces.isBlank() ? null : reproduces, null);
  }

  /** SHA-256 of a file's bytes as hex, or null when it cannot be read. */
  public static String sha256(Path file) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    } catch (IOException | NoSuchAlgorithmException e) {
      return null;
    }
  }

  public static String currentLabkitVersion() {
    return LabkitVersion.current();
  }


  /** The checkout's commit now ({@code git rev-parse HEAD}), or null without git. */
  public static String currentGitCommit() {
    return git("rev-parse", "HEAD");
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }

  /** Output of a git command in the labkit checkout, or null when there is no git or no repository. */
  public static String git(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", Home.dir().toString()));
    command.addAll(List.of(args));
    return output(command, Duration.ofSeconds(10));
  }

  /**
   * What {@code command} prints, or null when it fails, cannot start or runs past {@code timeout} (then it is
   * killed). Its output goes to a file, not a pipe, so a command that hangs is never waited on by a read.
   */
  static String output(List<String> command, Duration timeout) {
    Path out = null;
    try {
      out = Files.createTempFile("labkit-git", ".out");
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return null;
      }
      return process.exitValue() == 0 ? Files.readString(out, StandardCharsets.UTF_8).trim() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException e) {
          // a temporary file left in the temp folder
        }
      }
    }
  }

  static String quote(String arg) {
    return arg.matches("[A-Za-z0-9_./=:,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
