package dev.labkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataSpecTest {
  @TempDir Path root;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(root.resolve(name), text);
  }

  /** 20 rows: x = i, y = 2i, species c / b / a in turn (7, 7, 6 rows). */
  private Path flowers() throws IOException {
    StringBuilder csv = new StringBuilder("x,species,y\n");
    for (int i = 0; i < 20; i++) {
      csv.append(i).append(',').append("cba".charAt(i % 3)).append(',').append(2 * i).append('\n');
    }
    return write("flowers.csv", csv.toString());
  }

  @Test
  void text_labels_become_sorted_classes_and_the_other_columns_features() throws IOException {
    TrainTest data = Datasets.csv(flowers(), "species").load(LoadOptions.quiet(1));
    Dataset train = data.train();
    assertThat(train.classNames()).containsExactly("a", "b", "c");
    assertThat(train.shape()).isEqualTo(Shape.flat(2));
    assertThat(train.size() + data.test().size()).isEqualTo(20);
    assertThat(data.test().size()).isEqualTo(4);
    for (int i = 0; i < train.size(); i++) { // x = i and y = 2i stay together; i % 3 == 0 is "c"
      float x = train.features()[2 * i];
      assertThat(train.features()[2 * i + 1]).isEqualTo(2 * x);
      assertThat(train.classNames().get(train.labels()[i])).isEqualTo(String.valueOf("cba".charAt((int) x % 3)));
    }
    assertThat(train.id()).isEqualTo("csv:flowers.csv/split-train");
    assertThat(train.sha256()).isEqualTo(Fixtures.sha256(Files.readAllBytes(flowers())));
  }

  @Test
  void the_split_is_stratified_and_the_same_for_the_same_seed() throws IOException {
    CsvDataSpec spec = Datasets.csv(flowers(), "species").testFraction(0.5);
    TrainTest first = spec.load(LoadOptions.quiet(3));
    TrainTest again = spec.load(LoadOptions.quiet(3));
    assertThat(again.test().features()).containsExactly(first.test().features());
    int[] counts = new int[3];
    Arrays.stream(first.test().labels()).forEach(l -> counts[l]++);
    assertThat(counts).containsExactly(3, 4, 3); // half of a 6, b 7, c 7; the extra one to the lower label
  }

  @Test
  void whole_number_labels_sort_as_numbers() throws IOException {
    Path file = write("n.csv", "f,label\n1,10\n2,2\n3,10\n4,2\n5,07\n6,7\n");
    TrainTest data = Datasets.csv(file, "label").testFraction(0.5).load(LoadOptions.quiet(1));
    assertThat(data.train().classNames()).containsExactly("2", "7", "10");
  }

  @Test
  void a_byte_order_mark_before_the_header_is_ignored() throws IOException {
    Path file = write("bom.csv", "\uFEFFlabel,x\na,1\nb,2\na,3\nb,4\n");
    assertThat(Datasets.csv(file, "label").testFraction(0.5).load(LoadOptions.quiet(1)).train().classNames())
        .containsExactly("a", "b");
  }

  @Test
  void the_classes_param_keeps_named_classes_relabelled_in_order() throws IOException {
    TrainTest data = Datasets.csv(flowers(), "species").classes("c,a").load(LoadOptions.quiet(1));
    assertThat(data.train().classNames()).containsExactly("c", "a");
    assertThat(data.train().size() + data.test().size()).isEqualTo(13); // 7 c and 6 a
  }

  @Test
  void params_are_ordered_and_settable_from_text() throws IOException {
    CsvDataSpec spec = Datasets.csv(Path.of("t.csv"), "y").with("test_fraction", "0.3").with("classes", "1, 2")
        .with("label", "z");
    assertThat(spec.params()).containsExactly(entry("file", "t.csv"), entry("label", "z"),
        entry("test_fraction", 0.3), entry("classes", "1,2"));
    assertThatThrownBy(() -> spec.with("test_fraction", "1"))
        .hasMessage("test_fraction must be between 0 and 1 (exclusive), got 1");
    assertThatThrownBy(() -> spec.with("sep", ";"))
        .hasMessage("unknown parameter 'sep'; valid keys: file, label, test_fraction, classes");
  }

  private void assertError(String csv, String label, String message) throws IOException {
    Path file = write("bad.csv", csv);
    assertThatThrownBy(() -> Datasets.csv(file, label).load(LoadOptions.quiet(1)))
        .isInstanceOf(UserError.class).hasMessage(message.replace("FILE", file.toString()));
  }

  @Test
  void a_ragged_row_names_the_file_and_line() throws IOException {
    assertError("a,b,y\n1,2,x\n3,4\n", "y",
        "FILE: line 3 has 2 cells but the header has 3 columns; every row needs one value per column");
  }

  @Test
  void line_numbers_count_blank_lines_and_line_breaks_inside_quotes() throws IOException {
    assertError("a,b,y\n1,2,x\n\n3,4,\"two\nlines\"\n5,6\n", "y",
        "FILE: line 6 has 2 cells but the header has 3 columns; every row needs one value per column");
  }

  @Test
  void a_malformed_table_is_one_line_naming_the_file() throws IOException {
    Path file = write("dup.csv", "a,a,y\n1,2,x\n3,4,z\n"); // two columns named a
    assertThatThrownBy(() -> Datasets.csv(file, "y").load(LoadOptions.quiet(1))).isInstanceOf(UserError.class)
        .hasMessageStartingWith(file + ": not a readable CSV table (The header contains a duplicate name: \"a\"")
        .hasMessageNotContaining("Exception") // plain words, no JDK class names (issue 18)
        .hasMessageNotContaining("\n");
  }

  @Test
  void a_non_numeric_cell_names_the_line_and_column() throws IOException {
    assertError("a,b,y\n1,2,x\n3,four,z\n", "y", "FILE: line 3, column 'b': 'four' is not a number");
    assertError("a,b,y\n1,,x\n", "y", "FILE: line 2, column 'b': the cell is empty; fill or drop the row");
  }

  @Test
  void a_missing_label_column_lists_the_columns_there_are() throws IOException {
    assertError("a,b,y\n1,2,x\n", "class",
        "FILE: no column 'class'; the columns are a, b, y (choose one with label=<column>)");
  }

  @Test
  void a_single_class_is_refused() throws IOException {
    assertError("a,y\n1,x\n2,x\n", "y",
        "FILE: the label column 'y' has a single class ('x'); a classifier needs at least two");
  }

  @Test
  void nan_and_infinite_values_are_refused_with_their_line() throws IOException {
    assertError("a,y\n1,x\nNaN,z\n", "y", "FILE: line 3, column 'a': NaN is not a finite number; replace or drop the row");
    assertError("a,y\n1,x\n2,z\n-Infinity,z\n", "y",
        "FILE: line 4, column 'a': -Infinity is not a finite number; replace or drop the row");
  }

  @Test
  void a_missing_file_and_an_empty_table_are_one_line_errors() throws IOException {
    Path missing = root.resolve("none.csv");
    assertThatThrownBy(() -> Datasets.csv(missing, "y").load(LoadOptions.quiet(1)))
        .hasMessage(missing + ": no such file; give the path of a CSV file with a header row");
    assertError("a,y\n", "y", "FILE: no data rows below the header");
    assertError("a,y\n1,x\n2,\n", "y", "FILE: line 3, column 'y': the label is empty");
  }
}
