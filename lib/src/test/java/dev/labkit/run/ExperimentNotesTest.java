package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.ground.UserError;
import dev.labkit.model.LogisticRegression;
import dev.labkit.store.RunFolder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .note("…")}: Markdown notes for the report page, kept in order and recorded in every run.json. */
class ExperimentNotesTest {
  @TempDir Path out;

  final Experiment experiment = new ExperimentStart("blobs-notes").data(new BlobData(300, 100))
      .model(LogisticRegression.defaults()).evaluate(new Evaluation.Accuracy());

  @Test
  void notes_are_kept_in_the_order_written_and_a_fork_keeps_its_own() {
    Experiment noted = experiment.note("first, with $x_i$").note("  second  ");
    Experiment forked = noted.note("third").with("model.c", "0.5").sweep("model.c", 0.1, 1).named("other");

    assertThat(experiment.notes()).isEmpty();
    assertThat(noted.notes()).containsExactly("first, with $x_i$", "second");
    assertThat(forked.notes()).containsExactly("first, with $x_i$", "second", "third");
    assertThat(forked.trials()).allSatisfy(t -> assertThat(t.experiment().notes()).hasSize(3));
  }

  @Test
  void an_empty_note_is_a_one_line_error() {
    assertThatThrownBy(() -> experiment.note(" ")).isInstanceOf(UserError.class)
        .hasMessage("note needs some text, got an empty string");
  }

  @Test
  void every_trial_and_the_sweeps_summary_record_the_notes_and_run_folder_reads_them_back() throws Exception {
    Experiment swept = experiment.note("**C** is the inverse of $\\lambda$.").note("Second note.")
        .sweep("model.c", 0.1, 1);

    Runner.execute(swept, LabOptions.of(out).noSite(true),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    List<Path> folders;
    try (Stream<Path> list = Files.list(out.resolve("runs/blobs-notes"))) {
      folders = list.sorted().toList();
    }
    assertThat(folders).hasSize(3); // two trials and the summary
    for (Path folder : folders) {
      RunFolder read = RunFolder.read(folder);
      assertThat(read.notes()).containsExactly("**C** is the inverse of $\\lambda$.", "Second note.");
      assertThat(read.record().notes()).isEqualTo(read.notes());
      assertThat(read.description()).isNull(); // no script file in a test
    }
  }

  @Test
  void the_description_is_the_scripts_jbang_description_line() throws Exception {
    Path script = Files.writeString(out.resolve("demo.java"), """
        ///usr/bin/env jbang "$0" "$@" ; exit $?
        //JAVA 25+
        //DESCRIPTION Logistic regression on Fashion-MNIST: L1 against L2
        class demo {}
        """);

    assertThat(ScriptHeader.description(script)).isEqualTo("Logistic regression on Fashion-MNIST: L1 against L2");
    assertThat(ScriptHeader.description(out.resolve("missing.java"))).isNull();
    assertThat(ScriptHeader.description(null)).isNull();
  }
}
