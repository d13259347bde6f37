package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dataset, provenance and confusion-matrix tables of a run page carry CSV, Markdown and LaTeX links too. */
class RunTableDownloadsTest extends SiteFolders {
  static final String ID = "20261126-213000-1a2b";

  String page() throws IOException {
    Fixtures.finishedRun(runs(), "logreg", ID);
    SiteGenerator.build(runs(), site(), warnings::add);
    return Files.readString(SiteGenerator.runPage(site(), "logreg", ID));
  }

  /** The CSV behind the download link named {@code file}, decoded. */
  static String csv(String page, String file) {
    Matcher m = Pattern.compile("href=\"data:text/csv;charset=utf-8,([^\"]*)\" download=\"" + Pattern.quote(file) + "\"")
        .matcher(page);
    assertThat(m.find()).as("a CSV link named " + file).isTrue();
    return URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Test
  void the_dataset_table_downloads_with_the_full_hashes() throws IOException {
    String csv = csv(page(), "logreg-" + ID + "-dataset.csv");
    assertThat(csv.lines().toList()).containsExactly("split,id,examples,sha256",
        "train,fashion-mnist/train,60000,0123456789abcdef0123", "test,fashion-mnist/test,10000,fedcba9876543210fedc");
  }

  @Test
  void the_provenance_table_downloads() throws IOException {
    String csv = csv(page(), "logreg-" + ID + "-provenance.csv");
    assertThat(csv.lines().toList()).first().isEqualTo("key,value");
    assertThat(csv).contains("git_commit,1a2b3c").contains("java,Eclipse Adoptium 25.0.3");
  }

  @Test
  void each_confusion_matrix_downloads_with_counts_totals_and_recall() throws IOException {
    String page = page();
    String csv = csv(page, "confusion-matrix-test.csv");
    List<String> lines = csv.lines().toList();
    assertThat(lines.getFirst()).startsWith("true \\ predicted,T-shirt/top,Trouser,").endsWith(",n,recall");
    assertThat(lines).hasSize(11);
    assertThat(page).contains("download=\"confusion-matrix-test.tex\"").contains("download=\"confusion-matrix-test.md\"");
  }
}
