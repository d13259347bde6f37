package dev.labkit;

import static dev.labkit.Lab.accuracy;
import static dev.labkit.Lab.experiment;
import static dev.labkit.Lab.logisticRegression;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.cli.LabOptions;
import dev.labkit.data.Datasets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Bad input that every trial of a sweep would hit fails once, before anything starts: one line, exit 2, no
 * sweep header, no run folder, plain words (no JDK class names).
 */
class PreflightTest {
  @TempDir Path dir;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  @Command(name = "csv")
  static class CsvScript implements Callable<Integer> {
    @Mixin LabOptions lab;
    static Path file;

    @Override
    public Integer call() {
      return experiment("csv").data(Datasets.csv(file, "label")).model(logisticRegression()).evaluate(accuracy()).run(lab);
    }
  }

  int sweep(Path csv, Path out) {
    CsvScript.file = csv;
    PrintStream console = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      return Lab.cli(new CsvScript(), new PrintStream(err, true, StandardCharsets.UTF_8), "--out", out.toString(),
          "--no-site", "--sweep", "model.c=0.1,1,10");
    } finally {
      System.setOut(console);
    }
  }

  void assertOneLineBeforeAnything(Path out, String contains) {
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text).contains(contains).hasLineCount(1).doesNotContainPattern("[A-Z]\\w+(Exception|Error)\\b");
    assertThat(stdout.toString(StandardCharsets.UTF_8)).doesNotContain("sweep").doesNotContain("trial");
    assertThat(out.resolve("runs/csv")).doesNotExist();
  }

  @Test
  void a_csv_with_a_bad_row_fails_once_before_the_first_trial() throws Exception {
    Path csv = Files.writeString(dir.resolve("d.csv"), "x,y,label\n1,2,a\n3,oops,b\n5,6,a\n7,8,b\n");
    assertThat(sweep(csv, dir.resolve("out"))).isEqualTo(2);
    assertOneLineBeforeAnything(dir.resolve("out"), "line 3, column 'y': 'oops' is not a number");
  }

  @Test
  void a_csv_that_is_not_csv_fails_once_in_plain_words() throws Exception {
    Path csv = Files.writeString(dir.resolve("d.csv"), "x,y,label\n1,\"2\"x,a\n3,4,b\n");
    assertThat(sweep(csv, dir.resolve("out"))).isEqualTo(2);
    assertOneLineBeforeAnything(dir.resolve("out"), "not a readable CSV table (");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("java.").doesNotContain("Exception");
  }

  @Test
  void a_missing_data_file_fails_once_before_the_first_trial() {
    assertThat(sweep(dir.resolve("nowhere.csv"), dir.resolve("out"))).isEqualTo(2);
    assertOneLineBeforeAnything(dir.resolve("out"), "no such file");
  }

  @Test
  void an_unwritable_output_folder_fails_once_before_the_first_trial() throws Exception {
    Path csv = Files.writeString(dir.resolve("d.csv"), "x,y,label\n1,2,a\n3,4,b\n5,6,a\n7,8,b\n");
    Path file = Files.writeString(dir.resolve("file"), "in the way");
    assertThat(sweep(csv, file)).isEqualTo(2);
    assertOneLineBeforeAnything(file, "cannot write run folders under " + file.resolve("runs") + " (");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("choose a writable folder with --out DIR");
  }
}
