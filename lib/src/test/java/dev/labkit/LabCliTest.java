package dev.labkit;

import static dev.labkit.Lab.accuracy;
import static dev.labkit.Lab.experiment;
import static dev.labkit.Lab.logisticRegression;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.cli.LabOptions;
import dev.labkit.run.BlobData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class LabCliTest {
  @TempDir Path out;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Command(name = "blobs")
  static class BlobsScript implements Callable<Integer> {
    @Mixin LabOptions lab;

    @Override
    public Integer call() {
      return experiment("blobs").data(new BlobData(90, 30)).model(logisticRegression()).evaluate(accuracy()).run(lab);
    }
  }

  int cli(String... args) {
    return Lab.cli(new BlobsScript(), new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void an_unknown_set_key_is_one_line_listing_the_valid_keys_and_exit_2() {
    assertThat(cli("--out", out.toString(), "--no-site", "--set", "model.lr=1")).isEqualTo(2);
    assertThat(stderr()).isEqualTo("blobs: unknown parameter 'model.lr'; valid keys: seed, data, data.train_size, "
        + "data.test_size, validation, model.penalty, model.c, model.l1_ratio, model.multi_class, model.max_iter, model.tol, model.solver"
        + System.lineSeparator());
  }

  @Test
  void a_non_positive_c_is_one_line_and_exit_2() {
    assertThat(cli("--out", out.toString(), "--no-site", "--set", "model.c=-1")).isEqualTo(2);
    assertThat(stderr()).startsWith("blobs: model.c must be > 0, got -1").doesNotContain("at dev.").hasLineCount(1);
  }

  @Test
  void an_unknown_option_is_one_line_pointing_to_help() {
    assertThat(cli("--smok")).isEqualTo(2);
    assertThat(stderr()).contains("--smok").contains("(see --help)").hasLineCount(1);
  }

  @Test
  void an_unwritable_output_folder_is_one_line() throws Exception {
    Path file = java.nio.file.Files.writeString(out.resolve("file"), "x");
    assertThat(cli("--out", file.toString(), "--no-site")).isEqualTo(2);
    assertThat(stderr()).contains("cannot create the run folder").contains("--out DIR").hasLineCount(1);
  }

  @Test
  void a_good_run_exits_0() {
    assertThat(cli("--out", out.toString(), "--no-site", "--smoke")).isZero();
    assertThat(stderr()).isEmpty();
  }

  @Test
  void outside_a_checkout_the_first_line_says_where_runs_site_and_datasets_go() {
    java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      assertThat(cli("--out", out.toString(), "--no-site", "--smoke")).isZero();
    } finally {
      System.setOut(console);
    }
    String first = stdout.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    if (!dev.labkit.ground.Home.checkout()) {
      assertThat(first).contains("(no checkout)").contains("runs → " + out.resolve("runs"))
          .contains("site → " + out.resolve("site")).contains("datasets → " + dev.labkit.ground.Home.cache().resolve("datasets"));
    } else {
      assertThat(stdout.toString(StandardCharsets.UTF_8)).doesNotContain("(no checkout)");
    }
  }
}
