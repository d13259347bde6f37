package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.Lab;
import dev.labkit.data.Datasets;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.DecisionTree;
import dev.labkit.model.Init;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.model.LogisticRegression;
import dev.labkit.model.NeuralNet;
import dev.labkit.model.Svm;
import dev.labkit.run.BlobData;
import dev.labkit.run.Experiment;
import java.nio.file.Files;
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
 * The course lab's classic and regression items on their pages, opened in Chromium: the noise sweep's
 * loss curves one panel per loss, each cross-validated model's fold accuracies with mean ± std, and the
 * difference of two classes' weights for logistic and softmax regression, and the lab's own linear
 * regression setting (what linreg, significance and logreg show; docs/labs.md lists them).
 */
class LabItemsBrowserTest {
  @TempDir static Path tmp;
  static Chromium browser;
  static List<Path> pages;

  @BeforeAll
  static void start() throws Exception {
    Chromium.require();
    List<Experiment> experiments = List.of(
        Lab.experiment("noise-losses").data(Datasets.line().n(200)).model(LinearRegressionGd.defaults().steps(20))
            .sweep("model.loss", "mse", "mae", "huber", "hybrid").sweep("data.noise_scale", 0.1, 1),
        Lab.experiment("cv-spread").data(new BlobData(150, 60))
            .compare(LogisticRegression.defaults(), Svm.defaults(), DecisionTree.defaults().maxDepth(2))
            .evaluate(new Evaluation.Accuracy(), new Evaluation.CrossValidation(3)),
        Lab.experiment("diff-logistic").data(new BlobData(150, 60)).model(LogisticRegression.defaults())
            .evaluate(new Evaluation.Accuracy(), Lab.weightDifference(0, 2).and(1, 2)),
        Lab.experiment("diff-softmax").data(new BlobData(150, 60))
            .model(NeuralNet.softmaxRegression().lr(0.05).epochs(2).batch(32))
            .evaluate(new Evaluation.Accuracy(), Lab.weightDifference(0, 2)),
        Lab.experiment("lab-defaults").data(Datasets.line().n(200))
            .model(LinearRegressionGd.defaults().init(Init.constant(0.5, 0.5)).lr(0.001).steps(5000)));
    pages = RunsForPages.site(tmp, experiments);
    browser = Chromium.start(tmp);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  /** The pages under the experiment's folders whose text contains {@code text}. */
  List<Path> pagesWith(String experiment, String text) throws Exception {
    List<Path> found = new ArrayList<>();
    for (Path page : pages) {
      if (page.toString().contains("/" + experiment + "/") && Files.readString(page).contains(text)) {
        found.add(page);
      }
    }
    assertThat(found).as("pages of " + experiment + " with " + text).isNotEmpty();
    return found;
  }

  /** Each drawn chart's title and data-mark count on the page. */
  JsonNode charts(Path page) {
    browser.open(page.toUri().toString());
    browser.waitFor("Array.from(document.querySelectorAll('.chart-view')).every(v => v.vegaView || "
        + "v.querySelector('.chart-error'))", Duration.ofSeconds(20));
    return RunFolders.JSON.readTree(browser.eval(SmokeSiteBrowserTest.MARKS).asString());
  }

  int marks(JsonNode views, String titlePart) {
    int marks = -1;
    for (JsonNode view : views) {
      if (view.path("title").asString().contains(titlePart)) {
        marks = Math.max(marks, view.path("marks").asInt());
      }
    }
    return marks;
  }

  @Test
  void the_noise_sweeps_loss_curves_come_one_panel_per_loss() throws Exception {
    Path summary = pagesWith("noise-losses", "one panel per loss").getFirst();
    JsonNode views = charts(summary);
    assertThat(marks(views, "one panel per loss")).as("curves drawn").isPositive();
    // every text the views drew: the panels' headers are the four losses (the legend names the other keys only)
    String panels = browser.eval("""
        JSON.stringify(Array.from(document.querySelectorAll('.chart-view')).filter(el => el.vegaView).flatMap(el => {
          const texts = [];
          const walk = node => { if (!node) return; (node.items || []).forEach(item => {
            if (node.marktype === 'text' && item.text !== undefined) texts.push([].concat(item.text).join(' '));
            walk(item); }); };
          walk(el.vegaView.scenegraph().root);
          return texts;
        }))""").asString();
    assertThat(panels).contains("\"mse\"", "\"mae\"", "\"huber\"", "\"hybrid\"");
  }

  @Test
  void the_cv_summary_shows_every_models_fold_accuracies_and_the_std_beside_the_mean() throws Exception {
    Path summary = pagesWith("cv-spread", "accuracy in every fold").getFirst();
    JsonNode views = charts(summary);
    assertThat(marks(views, "accuracy in every fold")).as("3 models × 3 folds, with ticks and rules")
        .isGreaterThanOrEqualTo(9);
    String headers = browser.eval("Array.from(document.querySelectorAll('th')).map(t => t.textContent).join('|')")
        .asString();
    assertThat(headers).contains("cv/accuracy_mean").contains("cv/accuracy_std");
  }

  @Test
  void a_run_page_draws_the_difference_of_two_classes_weights_for_logistic_and_softmax_regression()
      throws Exception {
    for (String experiment : List.of("diff-logistic", "diff-softmax")) {
      Path run = pagesWith(experiment, "Weight differences").getFirst();
      browser.open(run.toUri().toString());
      browser.waitFor("Array.from(document.images).every(i => i.complete)", Duration.ofSeconds(10));
      String shown = browser.eval("""
          JSON.stringify(Array.from(document.images).filter(i => i.naturalWidth > 0 && i.offsetParent)
            .map(i => (i.alt || '') + ' ' + (i.closest('figure') ? i.closest('figure').textContent : '')))""")
          .asString();
      assertThat(shown).as(experiment).contains("a − c");
    }
  }

  @Test
  void the_labs_own_setting_shows_its_start_rate_and_steps_and_fits_the_line() throws Exception {
    Path run = pagesWith("lab-defaults", "model.init_w").stream().filter(p -> p.toString().contains("/runs/"))
        .findFirst().orElseThrow();
    JsonNode views = charts(run);
    assertThat(marks(views, "Fitted line")).as("the fitted line over the data").isPositive();
    String rows = browser.eval("Array.from(document.querySelectorAll('tr')).map(r => Array.from(r.cells)"
        + ".map(c => c.textContent.trim()).join(' ')).join('|')").asString();
    assertThat(rows.split("\\|")).contains("model.init constant", "model.init_w 0.5", "model.init_b 0.5",
        "model.lr 0.001", "model.steps 5000", "steps 5000");
  }

  @Test
  void no_element_of_these_pages_is_wider_than_the_content_column() throws Exception {
    List<String> wide = new ArrayList<>();
    for (Path page : pages) {
      if (page.toString().contains("/runs/")) {
        charts(page);
        for (JsonNode element : RunFolders.JSON.readTree(browser.eval(SmokeSiteBrowserTest.TOO_WIDE).asString())) {
          wide.add(tmp.relativize(page) + ": " + element.asString());
        }
      }
    }
    assertThat(wide).as("elements wider than the content column").isEmpty();
  }
}
