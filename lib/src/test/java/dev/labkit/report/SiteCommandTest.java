package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SiteCommandTest {
  @TempDir Path tmp;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  CommandLine cli() {
    return SiteCommand.commandLine(tmp.resolve("runs"), tmp.resolve("site"), print(out), print(err));
  }

  @Test
  void build_renders_the_site_and_prints_the_file_address_of_its_index() {
    Fixtures.finishedRun(tmp.resolve("runs"), "logreg-fashion", "20261126-213000-1a2b");

    int code = cli().execute("build");

    assertThat(code).isZero();
    assertThat(text(out).strip()).isEqualTo(tmp.resolve("site/index.html").toUri().toString()).startsWith("file:///");
    assertThat(tmp.resolve("site/runs/logreg-fashion/20261126-213000-1a2b/index.html")).isRegularFile();
  }

  @Test
  void build_with_out_reads_its_runs_folder_and_writes_its_site_folder() {
    Path other = tmp.resolve("elsewhere");
    Fixtures.finishedRun(other.resolve("runs"), "logreg-fashion", "20261126-213000-1a2b");

    int code = cli().execute("build", "--out", other.toString());

    assertThat(code).isZero();
    assertThat(other.resolve("site/runs/logreg-fashion/20261126-213000-1a2b/index.html")).isRegularFile();
    assertThat(tmp.resolve("site")).doesNotExist();
  }

  @Test
  void build_prints_a_warning_line_for_a_damaged_run_and_still_succeeds() {
    Fixtures.write(tmp.resolve("runs/e/20261126-213000-bad0/run.json"), "{");

    assertThat(cli().execute("build")).isZero();
    assertThat(text(err)).startsWith("warning: skipped ").contains("20261126-213000-bad0");
  }

  @Test
  void build_into_a_folder_of_other_files_is_a_one_line_error_with_exit_code_2() throws Exception {
    Fixtures.write(tmp.resolve("site/notes.txt"), "mine");

    assertThat(cli().execute("build")).isEqualTo(2);
    assertThat(text(err).strip()).startsWith("error: will not build the site into ").doesNotContain("\tat ");
  }

  @Test
  void serve_listens_on_loopback_by_default_and_prints_its_address() throws Exception {
    Fixtures.finishedRun(tmp.resolve("runs"), "logreg-fashion", "20261126-213000-1a2b");
    CommandLine cli = cli();
    cli.parseArgs("serve");
    SiteCommand.Serve serve = cli.getSubcommands().get("serve").getCommand();

    try (Server server = serve.start()) {
      assertThat(text(out).strip()).isEqualTo(server.url()).startsWith("http://127.0.0.1:");
      assertThat(text(err)).isEmpty();
      HttpResponse<String> index = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.url())).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(index.body()).contains("20261126-213000-1a2b");
    }
  }

  @Test
  void serve_takes_a_port_and_a_host() {
    CommandLine cli = cli();
    cli.parseArgs("serve", "--port", "8123", "--host", "localhost");
    SiteCommand.Serve serve = cli.getSubcommands().get("serve").getCommand();

    assertThat(serve.port).isEqualTo(8123);
    assertThat(serve.host).isEqualTo("localhost");
  }

  @Test
  void a_host_that_is_not_loopback_gets_a_one_line_warning() {
    assertThat(SiteCommand.hostWarning("127.0.0.1")).isEmpty();
    assertThat(SiteCommand.hostWarning("localhost")).isEmpty();
    assertThat(SiteCommand.hostWarning("0.0.0.0")).hasValueSatisfying(w ->
        assertThat(w).startsWith("warning: serving on 0.0.0.0 ").contains("--host 127.0.0.1").doesNotContain("\n"));
  }

  @Test
  void no_subcommand_prints_the_usage_and_exits_2() {
    assertThat(cli().execute()).isEqualTo(2);
    assertThat(text(out)).contains("site build", "site serve");
  }

  @Test
  void the_script_stays_a_thin_wrapper() throws Exception {
    Path script = Path.of("..", "scripts", "site.java");
    String text = Files.readString(script);
    assertThat(text).startsWith("///usr/bin/env jbang \"$0\" \"$@\" ; exit $?\n//JAVA 25+\n")
        .contains("//DEPS dev.labkit:labkit:${labkit.version:", "SiteCommand.run(args)");
    assertThat(text.lines().count()).isLessThan(40);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
