package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Two processes (a script ending, {@code site serve}) building one site take turns: no page or manifest half-made. */
class SiteLockTest extends SiteFolders {
  /** Starts {@link SiteLockChild} with {@code args} and waits for its first line. */
  static Process child(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--enable-native-access") || a.startsWith("--add-modules")).forEach(command::add);
    command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        SiteLockChild.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.equals("locked") && !line.equals("started")) {
      // JVM warnings
    }
    return process;
  }

  @Test
  void a_build_waits_while_another_process_holds_the_site() throws Exception {
    Fixtures.finishedRun(runs(), "e", "20261126-213000-1a2b");
    Process holder = child("hold", site().toString(), "1500");
    long start = System.nanoTime();
    SiteGenerator.build(runs(), site(), warnings::add);
    long waited = (System.nanoTime() - start) / 1_000_000;
    assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(waited).as("ms the build waited for the other process").isGreaterThan(700);
    assertThat(SiteGenerator.runPage(site(), "e", "20261126-213000-1a2b")).exists();
  }

  @Test
  void a_process_and_two_threads_building_while_runs_arrive_leave_a_whole_site_and_manifest() throws Exception {
    Fixtures.finishedRun(runs(), "e", "20261126-210000-0000");
    Process other = child("build", runs().toString(), site().toString(), "15");
    List<CompletableFuture<Void>> here = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      here.add(CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 6; i++) {
          Fixtures.trainingRun(runs(), "e" + thread, String.format("20261126-22%02d00-%04d", i, thread), 20);
          SiteGenerator.build(runs(), site(), line -> { });
        }
      }));
    }
    CompletableFuture.allOf(here.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    String log = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(other.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(other.exitValue()).as(log).isZero();

    SiteManifest manifest = SiteManifest.read(site());
    assertThat(manifest).isNotNull();
    assertThat(manifest.runs()).hasSize(13);
    for (String key : manifest.runs().keySet()) {
      String[] parts = key.split("/");
      assertThat(Files.readString(SiteGenerator.runPage(site(), parts[0], parts[1]))).endsWith("</html>\n");
    }
    try (Stream<Path> files = Files.walk(site())) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part") || n.endsWith(".tmp")))
          .as("temporary files left").isEmpty();
    }
  }
}
