package dev.labkit.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.ground.Event;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The console, driven with a clock of its own: what a terminal sees, what a log file sees, what --quiet leaves. */
class ConsoleTest {
  private final AtomicLong nanos = new AtomicLong();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private Console console(boolean live, Verbosity verbosity, Duration every) {
    return new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), new Terminal(live, 80),
        new ConsoleOptions(verbosity, every), nanos::get, false);
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private void seconds(double s) {
    nanos.addAndGet((long) (s * 1e9));
  }

  /** A sweep of 4 trials, each an epoch loop of 10 reported every half second: 20 s in all. */
  private void sweep(Console console) {
    console.sweepStarted(4, 4);
    for (int trial = 1; trial <= 4; trial++) {
      console.trialStarted(trial);
      console.phase("data · loading");
      for (int epoch = 1; epoch <= 10; epoch++) {
        seconds(0.5);
        console.progress("epoch", epoch, 10, "loss 0.41");
      }
      console.line("trial " + trial + "/4  {model.c=1}  test/accuracy 0.8000");
      console.trialEnded();
    }
    console.sweepEnded();
    console.line("best     {model.c=1}");
    console.always("report   file:///tmp/site/index.html");
    console.end();
  }

  @Test
  void a_log_file_gets_plain_lines_and_at_most_one_progress_line_per_interval() {
    sweep(console(false, Verbosity.NORMAL, Duration.ofSeconds(3)));
    String out = text();
    assertThat(out.chars().filter(c -> c < 0x20 && c != '\n')).as("control characters").isEmpty();
    long progress = out.lines().filter(l -> l.startsWith("progress ")).count();
    assertThat(progress).isBetween(5L, 6L); // 20 s at most every 3 s
    assertThat(out).contains("progress trial 2/4 · ").contains(" · ~").contains("epoch ").contains("loss 0.41");
    assertThat(out.lines().filter(l -> !l.startsWith("progress "))).containsExactly(
        "trial 1/4  {model.c=1}  test/accuracy 0.8000", "trial 2/4  {model.c=1}  test/accuracy 0.8000",
        "trial 3/4  {model.c=1}  test/accuracy 0.8000", "trial 4/4  {model.c=1}  test/accuracy 0.8000",
        "best     {model.c=1}", "report   file:///tmp/site/index.html");
  }

  @Test
  void a_terminal_gets_one_line_redrawn_in_place_and_is_left_clean() {
    sweep(console(true, Verbosity.NORMAL, Duration.ofSeconds(3)));
    String out = text();
    String[] draws = out.split("\r\033\\[2K", -1);
    assertThat(draws.length - 1).as("redraws").isGreaterThan(10);
    assertThat(out).containsPattern("\r\033\\[2Ktrial 3/4 · 1[01]s elapsed · ~(9|10)s left │ epoch 1/10");
    assertThat(out).contains("epoch 10/10 · 2.0 epoch/s · ~0s left · loss 0.41");
    assertThat(out).doesNotContain("progress ");
    assertThat(out).endsWith("report   file:///tmp/site/index.html\n"); // nothing drawn after the last line
    assertThat(draws[draws.length - 1]).doesNotContain("\033");
    assertThat(Arrays.stream(draws).flatMap(String::lines).filter(l -> l.length() > 79)).as("wider than 80").isEmpty();
  }

  @Test
  void quiet_prints_only_what_must_be_said() {
    sweep(console(true, Verbosity.QUIET, Duration.ofSeconds(1)));
    assertThat(text()).isEqualTo("report   file:///tmp/site/index.html\n");
  }

  @Test
  void a_run_sums_itself_up_in_one_line_with_its_flags_and_in_full_when_verbose() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("fit_seconds", 1.5);
    metrics.put("converged", 0.0);
    metrics.put("val/accuracy", 0.859);
    metrics.put("test/accuracy", 0.845);
    metrics.put("overfit_epoch", 7.0);
    Event.Summary summary = new Event.Summary(metrics, "test/accuracy");
    Console normal = console(false, Verbosity.NORMAL, Duration.ofSeconds(10));
    new ConsoleSink(normal, "trial 3/16  {model.c=0.1}").accept(summary);
    assertThat(text()).matches("trial 3/16  \\{model.c=0.1\\}  val/accuracy 0.8590  test/accuracy 0.8450  \\d+\\.\\ds"
        + "  ! not converged, overfit from epoch 7\n");
    bytes.reset();
    Console verbose = console(false, Verbosity.VERBOSE, Duration.ofSeconds(10));
    ConsoleSink sink = new ConsoleSink(verbose, "trial 3/16");
    sink.accept(new Event.Phase("fit", "done in 1.50 s"));
    sink.accept(summary);
    assertThat(text()).contains("fit      done in 1.50 s\n").contains("summary\n  fit_seconds              1.5000\n")
        .contains("  test/accuracy            0.8450\n").doesNotContain("! not converged");
  }

  @Test
  void a_note_is_said_once_and_phases_stay_off_the_default_console() {
    Console normal = console(false, Verbosity.NORMAL, Duration.ofSeconds(10));
    for (int run = 0; run < 3; run++) {
      ConsoleSink sink = new ConsoleSink(normal, "run");
      sink.accept(new Event.Phase("fit", "fitting"));
      sink.accept(new Event.Phase(ConsoleSink.NOTE, "centroid gives no probabilities"));
    }
    assertThat(text()).isEqualTo("centroid gives no probabilities\n");
  }

  @Test
  void a_terminal_is_what_the_jdk_says_unless_term_is_dumb_or_labkit_progress_says_otherwise() {
    assertThat(Terminal.detect(Map.of("TERM", "xterm", "COLUMNS", "120"), true)).isEqualTo(new Terminal(true, 120));
    assertThat(Terminal.detect(Map.of("TERM", "xterm"), false).live()).isFalse(); // | tee, a Slurm log
    assertThat(Terminal.detect(Map.of("TERM", "dumb"), true).live()).isFalse();
    assertThat(Terminal.detect(Map.of(), true).live()).isFalse();
    assertThat(Terminal.detect(Map.of("LABKIT_PROGRESS", "plain", "TERM", "xterm"), true).live()).isFalse();
    assertThat(Terminal.detect(Map.of("LABKIT_PROGRESS", "live", "COLUMNS", "90"), false)).isEqualTo(new Terminal(true, 90));
  }

  @Test
  void time_reads_as_a_person_says_it() {
    assertThat(Pace.duration(45.4)).isEqualTo("45s");
    assertThat(Pace.duration(130)).isEqualTo("2m10s");
    assertThat(Pace.duration(3900)).isEqualTo("1h05m");
  }

  @Test
  void a_command_is_quoted_for_the_shell_only_where_needed() {
    assertThat(Commands.quoted("model.c=0.1")).isEqualTo("model.c=0.1");
    assertThat(Commands.quoted("it's a b")).isEqualTo("'it'\\''s a b'");
  }
}
