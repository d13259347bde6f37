package dev.labkit.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.LogisticRegression;
import dev.labkit.run.BlobData;
import dev.labkit.run.ExperimentStart;
import dev.labkit.run.Runner;
import dev.labkit.store.MainRunFolders;
import dev.labkit.store.RunFolder;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab runs} and {@code lab diff} on real run folders, and every way a run can be named wrongly. */
class LabCommandTest {
  @TempDir Path out;
  final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  int lab(String... args) {
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
        "--out", out.toString())).toArray(String[]::new);
    return LabCommand.run(new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8), all);
  }

  String printed() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  String error() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  /** A sweep over C of three trials; returns the summary's folder. */
  Path sweep() {
    var experiment = new ExperimentStart("blobs-lr").data(new BlobData(120, 60)).model(LogisticRegression.defaults())
        .evaluate(new Evaluation.Accuracy());
    return Runner.execute(experiment, LabOptions.of(out).noSite(true).sweep("model.c=0.01,1,100"),
        new PrintStream(OutputStream.nullOutputStream())).folder();
  }

  /** The sweep's trial folders in trial order (ids made in the same second do not sort by trial). */
  List<String> trialIds(Path summary) {
    return RunRefs.children(summary.getParent()).stream().filter(f -> !f.equals(summary))
        .sorted(java.util.Comparator.comparingInt(f -> RunFolder.read(f).trial()))
        .map(f -> f.getFileName().toString()).toList();
  }

  @Test
  void runs_lists_every_run_with_its_status_sweep_and_headline_metric() {
    Path summary = sweep();

    assertThat(lab("runs")).isZero();
    assertThat(printed().lines()).hasSize(5).first().asString().startsWith("run").contains("status").contains("headline");
    assertThat(printed()).contains("blobs-lr/" + summary.getFileName() + "  finished")
        .contains("summary of 3 trials").contains(summary.getFileName() + " #3").contains("test/accuracy 0.");
  }

  @Test
  void runs_names_the_same_best_trial_as_the_sweeps_summary_chosen_on_validation() {
    var experiment = new ExperimentStart("blobs-val").data(new BlobData(120, 60)).model(LogisticRegression.defaults())
        .validation(0.25).evaluate(new Evaluation.Accuracy());
    Path summary = Runner.execute(experiment, LabOptions.of(out).noSite(true).sweep("model.c=0.001,0.01,1,100"),
        new PrintStream(OutputStream.nullOutputStream())).folder();
    Map<String, Double> best = RunFolder.read(summary).metrics();
    RunFolder chosen = RunRefs.children(summary.getParent()).stream().filter(f -> !f.equals(summary))
        .map(RunFolder::read).filter(r -> r.metrics().get("val/accuracy").equals(best.get("val/accuracy"))
            && r.metrics().get("test/accuracy").equals(best.get("test/accuracy"))).findFirst().orElseThrow();

    assertThat(lab("runs", "blobs-val")).isZero();
    assertThat(printed()).contains("summary of 4 trials, best #" + chosen.trial() + " by val/accuracy")
        .doesNotContain("optimistic");
  }

  @Test
  void diff_of_two_trials_shows_the_param_that_differs_and_the_metrics_with_their_change() {
    Path summary = sweep();
    List<String> trials = trialIds(summary);

    assertThat(lab("diff", trials.get(0), "blobs-lr/" + trials.get(2))).isZero();
    assertThat(printed()).contains("params   model.c").contains("0.01").contains("100.0")
        .contains("timing, not compared")
        .doesNotContain("model.penalty").doesNotContain("started").doesNotContain("cpu");
  }

  @Test
  void diff_of_a_run_with_itself_says_there_is_no_difference() {
    Path summary = sweep();
    assertThat(lab("diff", summary.toString(), summary.toString())).isZero();
    assertThat(printed()).contains("no differences");
  }

  @Test
  void an_unknown_run_id_is_one_line_saying_where_it_looked() {
    sweep();
    assertThat(lab("diff", "20261126-000000-beef", "20261126-000000-cafe")).isNotZero();
    assertThat(error()).hasLineCount(1).startsWith("lab: unknown run id '20261126-000000-beef': no such run under "
        + out.resolve("runs")).contains("lab runs lists them");
  }

  @Test
  void a_run_folder_without_run_json_is_one_line_saying_so() throws Exception {
    Path empty = Files.createDirectories(out.resolve("runs/blobs-lr/20261126-000000-0000"));
    assertThat(lab("reproduce", "blobs-lr/20261126-000000-0000")).isNotZero();
    assertThat(error()).hasLineCount(1).isEqualTo("lab: " + empty + " has no run.json: not a run folder, or its run "
        + "was stopped before it began; pick another run (lab runs lists them)" + System.lineSeparator());
  }

  @Test
  void a_damaged_run_json_is_one_line_naming_the_file_and_the_fault() throws Exception {
    Path summary = sweep();
    Path runJson = summary.resolve("run.json");
    Files.writeString(runJson, Files.readString(runJson).substring(0, 100)); // cut short, as a full disk leaves it

    assertThat(lab("reproduce", summary.toString())).isNotZero();
    assertThat(error()).hasLineCount(1).startsWith("lab: " + runJson + " is damaged (")
        .contains("delete the folder or re-run its command").doesNotContain("\tat ");
    assertThat(lab("runs")).isZero();
    assertThat(printed()).contains("damaged");
  }

  @Test
  void a_run_json_that_is_json_but_no_run_record_is_damaged_too() throws Exception {
    Path folder = Files.createDirectories(out.resolve("runs/blobs-lr/20261126-000000-0001"));
    Files.writeString(folder.resolve("run.json"), "[1, 2, 3]");
    assertThat(lab("diff", folder.toString(), folder.toString())).isNotZero();
    assertThat(error()).hasLineCount(1).contains("is damaged (not a run record");
  }

  @Test
  void an_unknown_experiment_lists_the_ones_there() {
    sweep();
    assertThat(lab("runs", "blobs")).isNotZero();
    assertThat(error()).hasLineCount(1).contains("no experiment 'blobs'").contains("experiments there: blobs-lr");
  }

  @Test
  void a_run_made_from_code_cannot_be_reproduced_and_says_why() {
    Path summary = sweep();
    assertThat(RunFolder.read(summary).provenance().path("script").isNull()).isTrue();
    assertThat(lab("reproduce", summary.toString())).isNotZero();
    assertThat(error()).hasLineCount(1).contains("records no script");
  }

  @Test
  void runs_and_diff_read_folders_as_todays_main_wrote_them() {
    Path runs = out.resolve("runs");
    MainRunFolders.write(runs, "20261206-132845-44f0", "finished", 0.01, 0.801);
    MainRunFolders.write(runs, "20261206-132846-0001", "interrupted", 0.1, 0.5);

    assertThat(lab("runs")).isZero();
    assertThat(printed()).contains("logreg-fashion/20261206-132845-44f0  finished")
        .contains("logreg-fashion/20261206-132846-0001  interrupted").contains("test/accuracy 0.8010");
    assertThat(lab("diff", "20261206-132845-44f0", "20261206-132846-0001")).isZero();
    assertThat(printed()).contains("model.c").contains("0.01").contains("0.1")
        .contains("finished").contains("interrupted");
  }
}
