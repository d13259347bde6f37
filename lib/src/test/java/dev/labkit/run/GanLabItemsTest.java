package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.kinds.generate.GanTstrClassifier;
import dev.labkit.model.DecisionTree;
import dev.labkit.model.Gan;
import dev.labkit.model.LogisticRegression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The GAN experiments of the course lab that issue 19 completes, each a smoke run on coloured squares in
 * CIFAR-10's format: a GAN of one class, train-on-synthetic for an unconditional GAN, D against G with
 * gradient norms, and a tied sweep of G's and D's widths with every trial's samples on the summary.
 */
class GanLabItemsTest {
  static final Gan SMALL = GanSquares.SMALL;

  @TempDir Path root;

  Experiment squares(String classes) throws IOException {
    return GanSquares.experiment(root, "gan-squares", classes);
  }

  Runner.Result run(Experiment exp) {
    var console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return Runner.execute(exp, LabOptions.of(root.resolve("out")).noSite(true).smoke(true), console);
  }

  static String title(Path folder, String name) throws Exception {
    for (JsonNode entry : RunnerTest.json(folder.resolve("artifacts.json"))) {
      if (entry.path("name").asString().equals(name)) {
        return entry.path("title").asString();
      }
    }
    return null;
  }

  @Test
  void a_gan_of_one_class_is_scored_against_that_class_and_says_the_histogram_does_not_apply() throws Exception {
    Runner.Result result = run(squares("0"));
    assertThat(result.metrics()).containsKeys("fid", "precision", "recall", "reference_accuracy")
        .doesNotContainKeys("kl_uniform", "collapsed", "tstr/accuracy");
    assertThat(title(result.folder(), "mode-collapse")).contains("does not apply (one class)");
    assertThat(title(result.folder(), "class-histogram")).contains("does not apply (one class)");
  }

  @Test
  void an_unconditional_gan_is_trained_on_synthetic_with_the_reference_labels_and_says_who_dominated()
      throws Exception {
    Runner.Result result = run(squares("0,1"));
    assertThat(result.metrics()).containsKeys("tstr/accuracy", "trtr/accuracy", "kl_uniform");
    assertThat(title(result.folder(), "tstr")).contains("labelled by the reference classifier");
    assertThat(title(result.folder(), "balance")).startsWith("D against G: ");
    String metrics = Files.readString(result.folder().resolve("metrics.csv"));
    assertThat(metrics).contains("train/g_grad_norm", "train/d_grad_norm");
  }

  @Test
  void a_tied_sweep_gives_g_and_d_the_same_widths_and_the_summary_shows_every_trials_samples() throws Exception {
    Experiment exp = squares("0,1").sweepTogether(List.of("model.generator", "model.discriminator"), "16", "8x8");
    assertThat(exp.trials()).hasSize(2).allSatisfy(t -> {
      Gan gan = (Gan) t.experiment().model();
      assertThat(gan.generator()).isEqualTo(gan.discriminator());
    });
    assertThat(CliSweeps.trials(squares("0,1"), LabOptions.of(root).sweep(
        "model.generator,model.discriminator=16,8x8"))).extracting(t -> ((Gan) t.experiment().model()).discriminator())
        .containsExactly(List.of(16), List.of(8, 8));
    assertThat(squares("0,1").with("model.lrs", "1e-3").model()).extracting(m -> ((Gan) m).dLr())
        .isEqualTo(1e-3);
    Runner.Result summary = run(exp);
    assertThat(title(summary.folder(), "trial-samples/trial-001")).contains("model.generator,model.discriminator 16")
        .contains("FID");
    assertThat(title(summary.folder(), "trial-samples/trial-002")).contains("8x8");
    assertThat(title(summary.folder(), "class-histograms")).isEqualTo("Class histogram of every trial");
  }

  @Test
  void a_gan_compared_with_classifiers_shows_its_fit_time_tstr_accuracy_and_fid_in_the_trials_table()
      throws Exception {
    Experiment exp = squares("0,1").compare(LogisticRegression.defaults(), DecisionTree.defaults(),
        GanTstrClassifier.of(SMALL.smoke())).evaluate(new Evaluation.Accuracy());
    Runner.Result summary = run(exp);
    JsonNode trials = RunnerTest.json(summary.folder().resolve("artifacts/trials.json"));
    assertThat(trials.path("columns").toString()).contains("fit_seconds", "test/accuracy", "final/fid");
    assertThat(trials.path("rows").toString()).contains("gan-tstr");
  }

  @Test
  void a_worker_of_a_tied_sweep_keeps_the_tied_key_whole() {
    LabOptions worker = picocli.CommandLine.populateCommand(new LabOptions(), "--out", root.toString(),
        "--trial-of", "20261206-000000-abcd:1:2:model.generator,model.discriminator;model.batch");
    assertThat(CliSweeps.attachedTrial(worker.settings()).keys())
        .containsExactly("model.generator,model.discriminator", "model.batch");
  }
}
