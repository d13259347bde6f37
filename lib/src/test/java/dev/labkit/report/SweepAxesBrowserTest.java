package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.Lab;
import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.LogisticRegression;
import dev.labkit.run.BlobData;
import dev.labkit.run.Runner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real sweep (L1 and L2 × {@code logGrid(0.01, 10, 8)}, run in this JVM on a small in-memory dataset,
 * as scripts/logreg.java sweeps Fashion-MNIST), its site built, its experiment page drawn in a headless
 * Chromium. Read from the drawn Vega views: "test/accuracy against model.c" is a numeric log axis with its
 * data in numeric order, and no chart (comparisons, parallel coordinates) holds a list value.
 */
class SweepAxesBrowserTest {
  @TempDir static Path tmp;
  static Chromium browser;
  static Path summary;

  /** Per chart view: its title, x field, x scale's type and domain, its x values in data order, and any list value. */
  static final String READ_VIEWS = """
      (() => JSON.stringify(Array.from(document.querySelectorAll('.chart-view')).map(v => {
        const view = v.vegaView;
        const spec = JSON.parse(v.nextElementSibling.textContent);
        if (!view) return {title: spec.title, missing: true};
        const enc = spec.encoding || (spec.layer && spec.layer[0].encoding) || {};
        const field = enc.x && enc.x.field ? enc.x.field.replace(/\\\\\\./g, '.') : null;
        let scale = null;
        try { const s = view.scale('x'); scale = {type: s.type, domain: s.domain()}; } catch (e) { }
        const lists = [];
        let xs = null;
        for (const name of Object.keys(view._runtime.data).filter(n => /^(source|data)_\\d+$/.test(n))) {
          let rows;
          try { rows = view.data(name); } catch (e) { continue; }
          for (const row of rows || []) {
            for (const [key, value] of Object.entries(row)) {
              if (Array.isArray(value) || (typeof value === 'string' && value.startsWith('['))) {
                lists.push(name + '.' + key + '=' + String(value));
              }
            }
          }
          if (name === 'source_0' && field) xs = (rows || []).map(r => r[field]);
        }
        return {title: spec.title, field: field, type: enc.x ? enc.x.type : null, scale: scale, xs: xs, lists: lists};
      })))()
      """;

  @BeforeAll
  static void start() throws Exception {
    Chromium.require();
    var experiment = Lab.experiment("logreg-axes").data(new BlobData(120, 60)).model(LogisticRegression.defaults())
        .validation(0.25).evaluate(new Evaluation.Accuracy())
        .sweep("model.penalty", "l1", "l2")
        .sweep("model.c", Lab.logGrid(0.01, 10, 8));
    Runner.Result result = Runner.execute(experiment, LabOptions.of(tmp).noSite(true),
        new PrintStream(OutputStream.nullOutputStream()));
    assertThat(result.exitCode()).isZero();
    summary = result.folder();
    SiteGenerator.build(tmp.resolve("runs"), tmp.resolve("site"), w -> { });
    browser = Chromium.start(tmp);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  List<JsonNode> views() {
    return views(SiteGenerator.experimentPage(tmp.resolve("site"), "logreg-axes"));
  }

  List<JsonNode> views(Path page) {
    browser.open(page.toUri().toString());
    browser.waitFor("Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView)", Duration.ofSeconds(20));
    assertThat(browser.problems).as("console errors, exceptions, failed loads").isEmpty();
    List<JsonNode> views = new ArrayList<>();
    RunFolders.JSON.readTree(browser.eval(READ_VIEWS).asString()).forEach(views::add);
    return views;
  }

  @Test
  void c_is_a_numeric_log_axis_in_numeric_order_and_no_chart_holds_a_list_value() {
    List<JsonNode> views = views();
    assertThat(views).noneMatch(v -> v.path("missing").asBoolean());

    List<JsonNode> ofC = views.stream().filter(v -> v.path("title").asString().equals("test/accuracy against model.c"))
        .toList();
    assertThat(ofC).as("the comparison scatter and the sweep's chart").hasSize(2);
    for (JsonNode view : ofC) {
      assertThat(view.path("type").asString()).isEqualTo("quantitative");
      assertThat(view.path("scale").path("type").asString()).isEqualTo("log");
      assertThat(view.path("scale").path("domain").get(0).isNumber()).isTrue();
      List<Double> xs = new ArrayList<>();
      view.path("xs").forEach(x -> {
        assertThat(x.isNumber()).as("x value " + x).isTrue();
        xs.add(x.asDouble());
      });
      assertThat(xs).as(view.path("field").asString()).isNotEmpty().isSorted().contains(0.01, 10.0)
          .allMatch(x -> x >= 0.01 && x <= 10);
    }
    JsonNode scatter = ofC.stream().filter(v -> v.path("field").asString().equals("x")).findFirst().orElseThrow();
    assertThat(scatter.path("xs")).as("16 trials, never the summary run").hasSize(16);

    assertThat(views.stream().map(v -> v.path("title").asString()))
        .anyMatch(t -> t.startsWith("Parameters →")).anyMatch(t -> t.startsWith("test/accuracy per run"));
    for (JsonNode view : views) {
      assertThat(view.path("lists")).as(view.path("title").asString()).isEmpty();
    }
  }

  @Test
  void the_experiment_page_and_the_summary_page_name_the_same_best_trial_chosen_on_validation() {
    browser.open(SiteGenerator.experimentPage(tmp.resolve("site"), "logreg-axes").toUri().toString());
    browser.waitFor("document.querySelector('.best-trial a') !== null", Duration.ofSeconds(10));
    String onExperiment = browser.eval("document.querySelector('.best-trial a').getAttribute('href')").asString();
    String chosenBy = browser.eval("document.querySelector('.best-trial').textContent").asString();

    Path summaryPage = SiteGenerator.runPage(tmp.resolve("site"), "logreg-axes", summary.getFileName().toString());
    browser.open(summaryPage.toUri().toString());
    browser.waitFor("document.querySelectorAll('figcaption').length > 0", Duration.ofSeconds(10));
    String caption = browser.eval("""
        Array.from(document.querySelectorAll('figure.panel figcaption'))
          .map(c => c.textContent).find(t => t.startsWith('Best trial')) || ''""").asString();
    String onSummary = browser.eval("""
        (() => { const f = Array.from(document.querySelectorAll('figure.panel'))
            .find(p => p.querySelector('figcaption').textContent.startsWith('Best trial'));
          return f ? f.querySelector('tbody a.run-id').textContent : ''; })()""").asString();

    assertThat(chosenBy.replaceAll("\\s+", " ")).contains("chosen by val/accuracy (higher is better)")
        .doesNotContain("optimistic");
    assertThat(caption).startsWith("Best trial, chosen by val/accuracy (higher is better)");
    assertThat(onSummary).as("the summary page's best trial").isNotBlank();
    assertThat(onExperiment).as("the experiment page's best trial").contains("/" + onSummary + "/");
  }

  @Test
  void the_summary_pages_accuracy_against_c_is_a_numeric_log_axis_in_numeric_order_and_its_params_are_axes() {
    Path summaryPage = SiteGenerator.runPage(tmp.resolve("site"), "logreg-axes", summary.getFileName().toString());
    List<JsonNode> views = views(summaryPage);
    JsonNode ofC = views.stream().filter(v -> v.path("title").asString().equals("Accuracy against model.c"))
        .findFirst().orElseThrow();
    assertThat(ofC.path("type").asString()).isEqualTo("quantitative");
    assertThat(ofC.path("scale").path("type").asString()).isEqualTo("log");
    List<Double> xs = new ArrayList<>();
    ofC.path("xs").forEach(x -> {
      assertThat(x.isNumber()).as("x value " + x).isTrue();
      xs.add(x.asDouble());
    });
    assertThat(xs).isNotEmpty().contains(0.01, 10.0);
    for (JsonNode view : views) {
      assertThat(view.path("lists")).as(view.path("title").asString()).isEmpty();
    }
    String params = browser.eval("document.body.textContent").asString().replaceAll("\\s+", " ");
    assertThat(params).contains("log axis, 8 values: 0.01 … 10").contains("categorical axis, 2 values: l1, l2")
        .doesNotContain("[\"0.01\"");
  }
}
