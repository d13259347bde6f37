package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A sweep watched as a person watches it: under a pseudo-terminal ({@code script -q}, util-linux) its status
 * line is redrawn in place and the terminal is left clean, also after Ctrl-C; through a pipe (CI, {@code | tee})
 * it prints plain lines, with no control characters and at most one progress line per interval.
 */
@EnabledOnOs(OS.LINUX)
class ConsoleTerminalTest {
  private static final String CLEAR = "\r\033[2K";
  private static final String SWEEP = "model.c=log:0.001..1000:12";
  @TempDir Path out;

  /** This JVM's java running {@link ConsoleChild} with {@code args}. */
  private List<String> child(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--enable-native-access") || a.startsWith("--add-modules")).forEach(command::add);
    command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        ConsoleChild.class.getName(), out.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** The same under a pseudo-terminal: {@code script -q -c COMMAND /dev/null}. */
  private ProcessBuilder onTerminal(List<String> command) throws IOException {
    Path line = Files.writeString(out.resolve("command.sh"), command.stream().map(ConsoleTerminalTest::quoted)
        .collect(Collectors.joining(" ")));
    ProcessBuilder builder = new ProcessBuilder("script", "-q", "-e", "-c", "sh " + line, "/dev/null");
    builder.environment().put("TERM", "xterm");
    builder.environment().put("COLUMNS", "100");
    builder.environment().remove("LABKIT_PROGRESS");
    return builder.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static String run(ProcessBuilder builder) throws Exception {
    Process process = builder.start();
    byte[] bytes = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** What is left on screen after the last erase: no escape sequence, and a finished line. */
  private static void assertEndsClean(String text) {
    String tail = text.substring(text.lastIndexOf(CLEAR) + CLEAR.length());
    assertThat(tail).doesNotContain("\033").endsWith("\n");
    assertThat(tail.strip()).isNotEmpty(); // the last words are a line of their own, not a half-drawn status
  }

  @Test
  void on_a_terminal_the_progress_line_is_redrawn_in_place_and_the_terminal_is_left_clean() throws Exception {
    String text = run(onTerminal(child("--no-site", "--sweep", SWEEP)));
    assertThat(text.split("\r\033\\[2K", -1).length - 1).as("redraws of the status line").isGreaterThan(5);
    assertThat(text).contains(CLEAR + "trial 2/12 · ").contains("best     {model.c=");
    assertThat(text).doesNotContain("progress "); // plain progress lines are for logs
    assertThat(text.lines().filter(l -> l.contains("trial ") && l.contains("val/accuracy"))).hasSize(12);
    assertEndsClean(text);
  }

  @Test
  void ctrl_c_during_the_progress_line_ends_it_and_says_where_the_run_is_and_how_to_resume() throws Exception {
    Process process = onTerminal(child("--no-site", "--sweep", "model.c=log:0.001..1000:200")).start();
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    Thread reader = Thread.ofVirtual().start(() -> {
      try {
        process.getInputStream().transferTo(seen);
      } catch (IOException e) {
        // ended
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!seen.toString(StandardCharsets.UTF_8).contains("trial 2/200") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    ProcessHandle java = process.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
        .findFirst().orElseThrow();
    new ProcessBuilder("kill", "-INT", Long.toString(java.pid())).start().waitFor();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    reader.join();
    String text = seen.toString(StandardCharsets.UTF_8);
    assertThat(text).containsPattern("interrupted  sweep \\S+, \\d+ of 200 trials finished; finish it with: "
        + "\\S*jbang scripts/watched.java --no-site --sweep model.c=log:0.001..1000:200 --resume \\d{8}-\\d{6}-[0-9a-f]{4}");
    assertEndsClean(text);
  }

  @Test
  void through_a_pipe_the_same_progress_comes_as_plain_lines_at_most_one_per_interval() throws Exception {
    long started = System.nanoTime();
    String text = run(new ProcessBuilder(child("--no-site", "--sweep", SWEEP, "--progress-every", "0.5"))
        .redirectErrorStream(true));
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(text.chars().filter(c -> c < 0x20 && c != '\n')).as("control characters").isEmpty();
    long progress = text.lines().filter(l -> l.startsWith("progress ")).count();
    assertThat(progress).isGreaterThan(0).isLessThanOrEqualTo((long) (seconds / 0.5) + 1);
    assertThat(text.lines().filter(l -> l.contains("val/accuracy") && l.startsWith("trial "))).hasSize(12);
    assertThat(text.lines().filter(l -> !l.startsWith("progress ") && !l.startsWith("WARNING"))).hasSize(12 + 2);
  }

  @Test
  void quiet_says_nothing_when_there_is_no_report_and_no_error() throws Exception {
    String text = run(new ProcessBuilder(child("--no-site", "--quiet", "--sweep", "model.c=0.1,1"))
        .redirectErrorStream(true));
    assertThat(text.lines().filter(l -> !l.startsWith("WARNING"))).isEmpty();
  }
}
