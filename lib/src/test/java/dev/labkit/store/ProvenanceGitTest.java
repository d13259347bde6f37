package dev.labkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A git that hangs cannot hang a run: its output is read from a file after a bounded wait. */
class ProvenanceGitTest {
  @Test
  void a_command_that_hangs_is_killed_at_the_timeout_and_gives_nothing() {
    long start = System.nanoTime();
    assertThat(Provenance.output(List.of("sh", "-c", "echo partial; sleep 30"), Duration.ofMillis(500))).isNull();
    assertThat((System.nanoTime() - start) / 1e9).as("seconds waited").isLessThan(5);
  }

  @Test
  void a_command_that_ends_gives_its_output_and_one_that_fails_gives_nothing() {
    assertThat(Provenance.output(List.of("sh", "-c", "echo abc; echo def >&2"), Duration.ofSeconds(10))).isEqualTo("abc");
    assertThat(Provenance.output(List.of("sh", "-c", "echo abc; exit 3"), Duration.ofSeconds(10))).isNull();
    assertThat(Provenance.output(List.of("no-such-command-labkit"), Duration.ofSeconds(10))).isNull();
  }
}
