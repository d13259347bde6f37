package dev.labkit.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lab new: a catalog script, shipped in the jar, renamed after the user's script (the smoke module runs one). */
class NewScriptTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int lab(String... args) {
    return LabCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
        StandardCharsets.UTF_8), args);
  }

  @Test
  void a_cnn_starter_is_the_catalog_script_renamed_after_the_new_one() throws Exception {
    assertThat(lab("new", "my_cnn", "--from", "cnn", "--dir", dir.toString())).isZero();
    String script = Files.readString(dir.resolve("my_cnn.java"));
    String original = Files.readString(Path.of("..", "scripts", "cnn.java"));

    assertThat(script).contains("class my_cnn implements Callable<Integer>", "System.exit(cli(new my_cnn(), args));",
        "@Command(name = \"my_cnn\"", "experiment(\"my-cnn\")").doesNotContain("class cnn ", "\"cnn-fashion\"");
    assertThat(script.lines().count()).isEqualTo(original.lines().count()); // renamed, nothing else
    assertThat(script).startsWith("///usr/bin/env jbang").contains("//DEPS dev.labkit:labkit:");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote " + dir.resolve("my_cnn.java"))
        .contains("--smoke");
  }

  @Test
  void a_bad_name_an_unknown_starter_or_a_file_that_exists_is_one_line_and_writes_nothing() throws Exception {
    assertThat(lab("new", "my-lab", "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("lab: new: 'my-lab' cannot name a script: JBang names "
        + "the class after the file, so use letters, digits and _ (not first), e.g. my_lab" + System.lineSeparator());
    err.reset();
    assertThat(lab("new", "mine", "--from", "svm", "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--from svm is not a starter; choose one of logreg, cnn, "
        + "gan, own");
    assertThat(lab("new", "mine", "--dir", dir.toString())).isZero();
    err.reset();
    assertThat(lab("new", "mine", "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("mine.java already exists");
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(dir.resolve("mine.java"));
    }
  }

  /**
   * The JBang template ({@code jbang init -t labkit@…}) is scripts/cnn.java renamed for Qute: a test keeps the
   * two from drifting apart. Qute reads {@code {…}} as an expression, so the template escapes Javadoc's and the
   * headers' {@code ${labkit.version:…}}.
   */
  @Test
  void the_jbang_template_is_the_cnn_script_with_its_names_as_qute_expressions() throws Exception {
    String expected = Files.readString(Path.of("..", "scripts", "cnn.java"))
        .replace("class cnn implements", "class {baseName} implements")
        .replace("new cnn()", "new {baseName}()")
        .replace("@Command(name = \"cnn\"", "@Command(name = \"{baseName}\"")
        .replace("experiment(\"cnn-fashion\")", "experiment(\"{baseName}\")")
        .replace("{@code", "\\{@code")
        .replace("${labkit.", "$\\{labkit."); // the //REPOS and //DEPS headers' JBang properties
    assertThat(Files.readString(Path.of("..", "jbang-templates", "labkit.java.qute"))).isEqualTo(expected);
  }
}
