package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The live view of a running run: the page loads live.js, the server answers live.json from the folder. */
class LiveTest {
  static final String RUN = "20261126-220000-0000";

  @TempDir Path tmp;
  final List<String> warnings = new ArrayList<>();
  final HttpClient client = HttpClient.newHttpClient();
  Server server;
  Path run;

  @BeforeEach
  void start() {
    run = Fixtures.trainingRun(tmp.resolve("runs"), "mlp", RUN, 3);
    Fixtures.finishedRun(tmp.resolve("runs"), "mlp", "20261126-210000-0000");
    server = Server.start("127.0.0.1", 0, tmp.resolve("runs"), tmp.resolve("site"), warnings::add);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void live_json_has_the_status_the_curves_and_the_last_values_and_changes_when_the_run_logs() throws Exception {
    JsonNode first = live(RUN);
    assertThat(first.path("status").asString()).isEqualTo("running");
    assertThat(first.path("curves")).hasSize(1);
    assertThat(first.path("curves").get(0).path("data").path("values")).hasSize(3);
    assertThat(first.path("last").get(0).path("step").asLong()).isEqualTo(2);

    Files.writeString(run.resolve("metrics.csv"), "3,train/loss,0.5,0.8\n", StandardOpenOption.APPEND);
    JsonNode second = live(RUN);

    assertThat(second.path("version").asString()).isNotEqualTo(first.path("version").asString());
    assertThat(second.path("curves").get(0).path("data").path("values")).hasSize(4);
    assertThat(second.path("last").get(0).path("step").asLong()).isEqualTo(3);
  }

  @Test
  void only_a_running_runs_page_loads_live_js_and_live_json_is_never_written_into_the_site() throws Exception {
    String running = get("runs/mlp/" + RUN + "/index.html").body();
    String finished = get("runs/mlp/20261126-210000-0000/index.html").body();
    live(RUN);

    assertThat(Html.parse(running).all("script")).anyMatch(s -> "../../../assets/live.js".equals(s.attributes().get("src")));
    assertThat(Html.parse(finished).all("script")).noneMatch(s -> String.valueOf(s.attributes().get("src")).endsWith("live.js"));
    assertThat(tmp.resolve("site/runs/mlp/" + RUN + "/live.json")).doesNotExist();
    assertThat(get("runs/mlp/nope/live.json").statusCode()).isEqualTo(404);
    assertThat(get("runs/%2e%2e/%2e%2e/live.json").statusCode()).isIn(400, 404);
  }

  JsonNode live(String runId) throws IOException, InterruptedException {
    HttpResponse<String> response = get("runs/mlp/" + runId + "/live.json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return RunFolders.JSON.readTree(response.body());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
