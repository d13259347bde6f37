package dev.labkit.smoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./jbang} as a user would: a separate process, a working directory, arguments, and a
 * few environment variables changed. JBang's home is {@code smoke/target/jbang} and the local Maven
 * repository {@code smoke/target/m2} ({@link PrivateRepository}), so the tests neither read nor fill the
 * user's {@code ~/.jbang}, never install the library into {@code ~/.m2}, and {@code mvn clean} starts them afresh.
 *
 * <pre>{@code
 * Launcher.Result r = Launcher.in(tmp).env("JAVA_HOME", jdk17).run("hello.java", "a b");
 * assertThat(r.exitCode()).isZero();
 * }</pre>
 */
final class Launcher {
  /** The checkout: the nearest folder above the working directory holding the launcher and the catalog. */
  static final Path ROOT = findRoot();
  static final Path SCRIPT = ROOT.resolve("jbang");

  private final Path dir;
  private final Map<String, String> env = new HashMap<>();
  private Duration timeout = Duration.ofMinutes(5);

  private Launcher(Path dir) {
    this.dir = dir;
    env.put("LABKIT_JBANG_DIR", ROOT.resolve("smoke/target/jbang").toString());
    // the library is installed into, and scripts resolve it from, the tests' own repository (not ~/.m2)
    String repo = PrivateRepository.of(ROOT).toString();
    env.put("LABKIT_M2_REPO", repo);
    env.put("JBANG_REPO", repo);
    String mavenArgs = System.getenv().getOrDefault("MAVEN_ARGS", "").replaceAll("-Dmaven\\.repo\\.local=\\S*", "");
    env.put("MAVEN_ARGS", (mavenArgs.strip() + " -Dmaven.repo.local=" + repo).strip());
  }

  /** A launcher started from {@code dir}. */
  static Launcher in(Path dir) {
    return new Launcher(dir);
  }

  Launcher env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Launcher timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** What a run printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {
    List<String> stderrLines() {
      return stderr.lines().toList();
    }

    /** For assertion messages: enough of both streams to see what went wrong. */
    String describe() {
      return "exit code " + exitCode + "\n--- stdout ---\n" + tail(stdout) + "\n--- stderr ---\n" + tail(stderr);
    }

    private static String tail(String text) {
      return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }
  }

  Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new AssertionError("./jbang " + String.join(" ", args) + " did not finish in " + timeout
            + "\n--- stderr ---\n" + Files.readString(err));
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Starts {@code ./jbang args} and returns at once; output goes to {@code log}. */
  Process start(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private static Path findRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve("jbang")) && Files.isRegularFile(p.resolve("jbang-catalog.json"))) {
        return p;
      }
    }
    throw new IllegalStateException("no checkout (a folder with ./jbang and jbang-catalog.json) above "
        + Path.of("").toAbsolutePath());
  }
}
