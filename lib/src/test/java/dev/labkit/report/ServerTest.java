package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerTest {
  static final String SECRET = "top-secret-do-not-serve";
  static final String RUN = "20261126-213000-1a2b";

  @TempDir Path tmp;
  final List<String> warnings = new ArrayList<>();
  final HttpClient client = HttpClient.newHttpClient();
  Server server;

  @BeforeEach
  void start() throws IOException {
    Fixtures.finishedRun(tmp.resolve("runs"), "logreg-fashion", RUN);
    Files.writeString(tmp.resolve("secret.txt"), SECRET);
    Files.writeString(tmp.resolve("runs/secret.txt"), SECRET);
    server = Server.start("127.0.0.1", 0, tmp.resolve("runs"), tmp.resolve("site"), warnings::add);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void it_listens_on_loopback_at_a_free_port() {
    assertThat(server.url()).matches("http://127\\.0\\.0\\.1:\\d+/");
    assertThat(server.port()).isPositive();
  }

  @Test
  void it_serves_the_index_a_run_page_its_heatmaps_and_the_stylesheet() throws Exception {
    HttpResponse<String> index = get("");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(index.body()).contains("logreg-fashion", RUN);

    HttpResponse<String> page = get("runs/logreg-fashion/" + RUN + "/index.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(Html.parse(page.body()).all("img")).hasSize(10);
    assertThat(get("runs/logreg-fashion/" + RUN + "/").body()).isEqualTo(page.body());

    assertThat(get("runs/logreg-fashion/" + RUN + "/artifacts/weights/0.png").statusCode()).isEqualTo(200);
    assertThat(get("assets/report.css").body()).contains(".badge");
  }

  @Test
  void each_request_shows_the_current_state_of_the_run_folders() throws Exception {
    Path live = Fixtures.runningRun(tmp.resolve("runs"), "mlp", "20261126-220000-0000");
    assertThat(get("").body()).contains("20261126-220000-0000", "running");
    String pageUrl = "runs/mlp/20261126-220000-0000/index.html";
    assertThat(get(pageUrl).body()).contains("No final metrics yet").doesNotContain("0.9123");

    Files.writeString(live.resolve("summary.json"), "{\"metrics\": {\"test/accuracy\": 0.9123}, \"headline\": \"test/accuracy\"}");
    Files.writeString(live.resolve("run.json"), Files.readString(live.resolve("run.json")).replace("running", "finished"));

    assertThat(get(pageUrl).body()).contains("0.9123", "finished").doesNotContain("No final metrics yet");
    assertThat(get("").body()).contains("0.9123");
  }

  @Test
  void it_serves_the_experiment_page_and_the_chart_scripts_with_a_run_added_since_the_start() throws Exception {
    Fixtures.finishedRun(tmp.resolve("runs"), "logreg-fashion", "20261126-213500-9f9f");

    HttpResponse<String> page = get("experiments/logreg-fashion/index.html");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(RUN, "20261126-213500-9f9f");
    assertThat(get("experiments/logreg-fashion/").body()).isEqualTo(page.body());
    assertThat(get("experiments/nope/index.html").statusCode()).isEqualTo(404);
    assertThat(tmp.resolve("site/experiments/nope")).doesNotExist();
    for (String script : List.of("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "charts.js", "tables.js")) {
      HttpResponse<String> js = get("assets/" + script);
      assertThat(js.statusCode()).as(script).isEqualTo(200);
      assertThat(js.headers().firstValue("content-type")).as(script)
          .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/../secret.txt",
      "/../../secret.txt",
      "/runs/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2e%2e%2fsecret.txt",
      "/runs/%2e%2e%2f%2e%2e%2fsecret.txt",
      "/%252e%252e%252fsecret.txt",
      "/runs/%252e%252e/%252e%252e/secret.txt",
      "/..%5csecret.txt",
      "/runs\\..\\..\\secret.txt",
      "/%5c..%5c..%5csecret.txt",
      "/..;/secret.txt",
      "/.%2e/.%2e/secret.txt",
      "/runs/logreg-fashion/../../../secret.txt",
      "/runs/logreg-fashion/" + RUN + "/../../secret.txt",
      "//secret.txt",
  })
  void it_refuses_paths_that_climb_out_of_the_site(String path) throws IOException {
    String response = rawGet(path);
    assertThat(response).doesNotContain(SECRET);
    assertThat(statusOf(response)).isNotEqualTo(200);
  }

  @Test
  void it_refuses_a_symlink_that_points_out_of_the_site() throws IOException {
    Files.createSymbolicLink(tmp.resolve("site/leak.txt"), tmp.resolve("secret.txt"));
    Files.createSymbolicLink(tmp.resolve("site/leak-dir"), tmp);

    for (String path : List.of("/leak.txt", "/leak-dir/secret.txt")) {
      String response = rawGet(path);
      assertThat(response).as(path).doesNotContain(SECRET);
      assertThat(statusOf(response)).as(path).isNotEqualTo(200);
    }
  }

  @Test
  void a_symlinked_artifact_in_a_run_folder_is_not_copied_into_the_site() throws Exception {
    Path artifacts = tmp.resolve("runs/logreg-fashion/" + RUN + "/artifacts");
    Files.createSymbolicLink(artifacts.resolve("leak.txt"), tmp.resolve("secret.txt"));

    get("runs/logreg-fashion/" + RUN + "/index.html");
    String response = rawGet("/runs/logreg-fashion/" + RUN + "/artifacts/leak.txt");

    assertThat(response).doesNotContain(SECRET);
    assertThat(statusOf(response)).isEqualTo(404);
  }

  @Test
  void an_unknown_run_is_a_404_and_renders_nothing() throws Exception {
    assertThat(get("runs/nope/20261126-000000-0000/index.html").statusCode()).isEqualTo(404);
    assertThat(get("runs/%2e%2e/%2e%2e/index.html").statusCode()).as("Jetty calls encoded dots ambiguous").isIn(400, 404);
    assertThat(statusOf(rawGet("/runs/%zz/x/index.html"))).isIn(400, 404);
    assertThat(tmp.resolve("site/runs/nope")).doesNotExist();
  }

  @Test
  void folders_are_never_listed() throws Exception {
    for (String path : List.of("runs/", "runs/logreg-fashion/", "assets/", "runs/logreg-fashion/" + RUN + "/artifacts/",
        "experiments/")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isNotEqualTo(200);
      assertThat(response.body()).as(path).doesNotContain("report.css", "weights", "Directory", "index.html");
    }
  }

  @Test
  void loopback_hosts_are_recognised() {
    assertThat(Server.isLoopback("127.0.0.1")).isTrue();
    assertThat(Server.isLoopback("localhost")).isTrue();
    assertThat(Server.isLoopback("::1")).isTrue();
    assertThat(Server.isLoopback("0.0.0.0")).isFalse();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends the request line exactly as written: an HTTP client would clean up the path first. */
  private String rawGet(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static int statusOf(String response) {
    String[] statusLine = response.split("\r\n", 2)[0].split(" ");
    return Integer.parseInt(statusLine[1]);
  }
}
