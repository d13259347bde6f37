package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.labkit.chart.Chart.Scale;
import dev.labkit.ground.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code site compare}: runs of several experiments on one saved page, rebuilt by every {@code site build}. */
class CrossCompareTest extends SiteFolders {
  static final String A = "20261126-220000-0000";
  static final String B = "20261126-220001-0001";
  static final String C = "20261126-220002-0002";
  static final String G = "20261126-230000-00aa";

  /** "lr": a three-trial sweep (best by test accuracy: B); "gan": one run; "single": one finished run. */
  void experiments() {
    Fixtures.sweepTrial(runs(), "lr", A, "s", 1, 3, 0.01, 0.80, 0.85);
    Fixtures.sweepTrial(runs(), "lr", B, "s", 2, 3, 1.0, 0.84, 0.90);
    Fixtures.sweepTrial(runs(), "lr", C, "s", 3, 3, 100.0, 0.82, 0.97);
    Fixtures.galleryRun(runs(), "gan", G);
  }

  int compare(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "compare";
    System.arraycopy(args, 0, all, 1, args.length);
    return SiteCommand.commandLine(runs(), site(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).execute(all);
  }

  @Test
  void an_experiment_stands_for_its_best_trial_and_a_run_for_itself() {
    experiments();
    List<Run> runs = RunFolders.readOverviews(runs(), warnings::add);

    List<Run> chosen = new CompareSelection("x", List.of("lr", "gan/" + G)).resolve(runs(), runs);

    assertThat(chosen).extracting(Run::experiment, Run::runId).containsExactly(
        tuple("lr", B), tuple("gan", G));
  }

  @Test
  void an_experiment_stands_for_its_latest_finished_run_not_a_newer_failed_one() throws IOException {
    Fixtures.finishedRun(runs(), "single", "20261126-210000-0001");
    Path failed = Fixtures.finishedRun(runs(), "single", "20261126-220000-0002");
    Fixtures.write(failed.resolve("run.json"), Files.readString(failed.resolve("run.json"))
        .replace("\"status\": \"finished\"", "\"status\": \"failed\""));
    List<Run> runs = RunFolders.readOverviews(runs(), warnings::add);

    assertThat(CompareSelection.representative("single", runs)).get().extracting(Run::runId)
        .isEqualTo("20261126-210000-0001");
  }

  @Test
  void an_unknown_run_or_experiment_is_a_one_line_error() {
    experiments();
    List<Run> runs = RunFolders.readOverviews(runs(), warnings::add);

    assertThatThrownBy(() -> new CompareSelection("x", List.of("lr", "nope")).resolve(runs(), runs))
        .isInstanceOf(UserError.class).hasMessageContaining("no experiment or run id 'nope'")
        .hasMessageContaining("experiments: gan, lr").hasMessageNotContaining("\n");
    assertThatThrownBy(() -> new CompareSelection("x", List.of("lr", "gan/20990101-000000-0000")).resolve(runs(), runs))
        .isInstanceOf(UserError.class).hasMessageContaining("gan/20990101-000000-0000");
    assertThatThrownBy(() -> new CompareSelection("x", List.of("lr"))).isInstanceOf(UserError.class)
        .hasMessageContaining("two or more");
    assertThatThrownBy(() -> new CompareSelection("../x", List.of("lr", "gan"))).isInstanceOf(UserError.class)
        .hasMessageContaining("--name");
  }

  @Test
  void site_compare_saves_the_selection_and_writes_its_page_with_the_params_that_differ_and_the_metrics()
      throws IOException {
    experiments();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = compare(out, err, "lr/" + A, "lr", "gan");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString().trim()).endsWith("/compare/" + A + "-vs-lr-vs-gan.html");
    Path page = CrossComparePage.page(site(), A + "-vs-lr-vs-gan");
    JsonNode saved = RunFolders.JSON.readTree(tmp.resolve("compare").resolve(A + "-vs-lr-vs-gan.json").toFile());
    assertThat(saved.path("runs")).extracting(JsonNode::asString).containsExactly("lr/" + A, "lr", "gan");
    Html html = Html.parse(Files.readString(page));
    String text = Files.readString(page);
    // only params that differ: model.c (0.01, 1.0, none), optimizer.lr (only the GAN has it)
    assertThat(text).contains("model.c").contains("optimizer.lr").contains("lr · trial 1 · " + A)
        .contains("gan · " + G).contains("test/accuracy").contains("data-format=\"LaTeX\"");
    assertThat(html.all("a")).anyMatch(a -> ("../runs/gan/" + G + "/index.html").equals(a.attributes().get("href")));
    int from = text.indexOf('>', text.indexOf("id=\"compare-index\"")) + 1;
    JsonNode index = RunFolders.JSON.readTree(text.substring(from, text.indexOf("</script>", from)));
    // legend labels are not cut: two runs of one experiment differ only at the end of their names
    assertThat(ComparePage.curve(Scale.LINEAR).path("config").path("legend").path("labelLimit").asInt())
        .isZero();
    assertThat(index).extracting(e -> e.path("data").asString()).containsExactly(
        "../runs/lr/" + A + "/data.js", "../runs/lr/" + B + "/data.js", "../runs/gan/" + G + "/data.js");
  }

  @Test
  void site_build_renders_saved_comparisons_again_and_warns_for_one_whose_run_is_gone() throws IOException {
    experiments();
    new CompareSelection("kept", List.of("lr", "gan")).save(runs());
    new CompareSelection("broken", List.of("lr", "gone")).save(runs());

    SiteGenerator.build(runs(), site(), warnings::add);

    assertThat(CrossComparePage.page(site(), "kept")).exists();
    assertThat(CrossComparePage.page(site(), "broken")).doesNotExist();
    assertThat(warnings).singleElement().asString().contains("broken").contains("'gone'");
  }

  @Test
  void the_index_links_the_saved_comparisons_and_a_dropped_one_loses_its_page() throws IOException {
    experiments();
    new CompareSelection("kept", List.of("lr", "gan")).save(runs());
    Path dropped = new CompareSelection("dropped", List.of("lr", "gan")).save(runs());
    SiteGenerator.build(runs(), site(), warnings::add);
    assertThat(CrossComparePage.page(site(), "dropped")).exists();

    Files.delete(dropped);
    SiteGenerator.build(runs(), site(), warnings::add);

    assertThat(CrossComparePage.page(site(), "dropped")).doesNotExist();
    assertThat(CrossComparePage.page(site(), "kept")).exists();
    assertThat(CrossComparePage.page(site(), "index")).exists(); // where the index's "compare selected" goes
    Html index = Html.parse(Files.readString(site().resolve("index.html")));
    assertThat(index.all("a")).extracting(a -> a.attributes().get("href")).contains("compare/kept.html")
        .doesNotContain("compare/dropped.html");
    assertThat(index.all("button")).anyMatch(b -> "compare/index.html".equals(b.attributes().get("data-href")));
  }

  @Test
  void an_unknown_reference_on_the_command_line_is_one_line_and_saves_nothing() {
    experiments();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = compare(out, err, "lr", "dcgan");

    assertThat(code).isNotZero();
    assertThat(err.toString().trim()).startsWith("error: ").contains("'dcgan'").doesNotContain("\n");
    assertThat(tmp.resolve("compare")).doesNotExist();
  }
}
