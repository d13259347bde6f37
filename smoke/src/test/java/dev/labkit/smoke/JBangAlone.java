package dev.labkit.smoke;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JBang as a user without a checkout has it: JBang's own jars (the ones {@code ./jbang} fetched from Maven
 * Central), its home, its local Maven repository and the user's home (where Maven's settings.xml is read)
 * all given by the test, and nothing of labkit's environment ({@code LABKIT_HOME}, its repository)
 * inherited. It follows JBang's launcher protocol: exit 255 means stdout is the command to run.
 */
record JBangAlone(Path jbangHome, Path mavenRepo, Path userHome) {
  /** What one command printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {
    String describe() {
      return "exit code " + exitCode + "\n--- stdout ---\n" + tail(stdout) + "\n--- stderr ---\n" + tail(stderr);
    }

    private static String tail(String text) {
      return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }
  }

  /** Runs {@code jbang args…} in {@code dir}. */
  Result run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> jbang = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.home=" + userHome, "-classpath", Launcher.ROOT.resolve(".labkit/jbang/lib") + File.separator + "*",
        "dev.jbang.Main"));
    jbang.addAll(List.of(args));
    Result resolved = exec(new ProcessBuilder(jbang), dir);
    if (resolved.exitCode() != 255) {
      return resolved;
    }
    Result ran = exec(new ProcessBuilder("bash", "-c", "exec " + resolved.stdout().strip()), dir);
    return new Result(ran.exitCode(), ran.stdout(), resolved.stderr() + ran.stderr());
  }

  /**
   * Runs a command JBang installed ({@code jbang app install}) in {@code dir}, with a {@code jbang} on the PATH
   * that is this JBang, as the user's own would be.
   */
  Result runInstalled(Path dir, String command, String... args) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(jbangHome.resolveSibling("path-bin"));
    Path wrapper = bin.resolve("jbang");
    Files.writeString(wrapper, """
        #!/usr/bin/env bash
        out=$("%s" -Duser.home="%s" -classpath "%s" dev.jbang.Main "$@")
        rc=$?
        [ "$rc" -eq 255 ] && eval "exec $out"
        [ -n "$out" ] && printf '%%s\\n' "$out"
        exit "$rc"
        """.formatted(Path.of(System.getProperty("java.home"), "bin", "java"), userHome,
        Launcher.ROOT.resolve(".labkit/jbang/lib") + File.separator + "*"));
    wrapper.toFile().setExecutable(true);
    List<String> line = new ArrayList<>(List.of(jbangHome.resolve("bin").resolve(command).toString()));
    line.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(line);
    builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    return exec(builder, dir);
  }

  private Result exec(ProcessBuilder builder, Path dir) throws IOException, InterruptedException {
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("LABKIT_") || name.startsWith("JBANG_") || name.equals("MAVEN_ARGS"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JBANG_DIR", jbangHome.toString());
    env.put("JBANG_REPO", mavenRepo.toString());
    env.put("JBANG_NO_VERSION_CHECK", "true");
    env.put("JBANG_RUNTIME_SHELL", "bash");
    env.put("JBANG_STDIN_NOTTY", "true");
    Path out = Files.createTempFile("jbang", ".out");
    Path err = Files.createTempFile("jbang", ".err");
    try {
      Process process = builder.directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(4, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new AssertionError("jbang " + builder.command() + " did not finish in 4 minutes\n" + Files.readString(err));
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
