package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV, Markdown and LaTeX of a table with every awkward character, against stored expected files. */
class TableExportTest {
  static final TableExport TABLE = new TableExport("Per-class scores (test_set, 100%)",
      List.of("class", "precision", "f1 & support"), List.of(false, true, true),
      List.of(List.of("T-shirt/top", "0.8123", "1000"), List.of("a_b % & # $ { } ~ ^ \\ | \"q\", x", "1e-05", "NaN")));

  static String expected(String file) throws Exception {
    return Files.readString(Path.of(TableExportTest.class.getResource("export/" + file).toURI()));
  }

  @Test
  void csv_markdown_and_latex_match_the_stored_files() throws Exception {
    assertThat(TABLE.csv()).isEqualTo(expected("table.csv"));
    assertThat(TABLE.markdown()).isEqualTo(expected("table.md"));
    assertThat(TABLE.latex()).isEqualTo(expected("table.tex"));
  }

  @Test
  void links_carry_the_three_texts_as_data_urls_named_after_the_title() {
    List<TableExport.Link> links = TABLE.links();
    assertThat(links).extracting(TableExport.Link::label).containsExactly("CSV", "Markdown", "LaTeX");
    assertThat(links).extracting(TableExport.Link::file).containsExactly("per-class-scores-test-set-100.csv",
        "per-class-scores-test-set-100.md", "per-class-scores-test-set-100.tex");
    String csv = links.getFirst().href();
    assertThat(csv).startsWith("data:text/csv;charset=utf-8,").doesNotContain(" ", "\"", "<", "#");
    assertThat(URLDecoder.decode(csv.substring(csv.indexOf(',') + 1).replace("+", "%2B"), StandardCharsets.UTF_8))
        .isEqualTo(TABLE.csv());
    assertThat(new TableExport("", List.of("a"), List.of(false), List.of()).fileName()).isEqualTo("table");
  }

  @Test
  void the_latex_table_compiles_with_pdflatex(@TempDir Path dir) throws Exception {
    boolean installed = Files.isExecutable(Path.of("/usr/bin/pdflatex"));
    String missing = "pdflatex is not installed (apt-get install texlive-latex-base texlive-latex-recommended)";
    assertThat(installed || !"1".equals(System.getenv("LABKIT_CI"))).as(missing + "; .ci/run installs it").isTrue();
    Assumptions.assumeTrue(installed, missing);
    Files.writeString(dir.resolve("t.tex"), "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n"
        + "\\usepackage{booktabs}\n\\begin{document}\n" + TABLE.latex() + "\\end{document}\n");
    Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "t.tex")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(dir.resolve("t.pdf")).isNotEmptyFile();
  }
}
