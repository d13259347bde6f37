package dev.labkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatasetsParseTest {
  @Test
  void names_choose_the_datasets_labkit_knows() {
    assertThat(Datasets.parse("fashion-mnist")).isEqualTo(Datasets.fashionMnist());
    assertThat(Datasets.parse("mnist")).isEqualTo(Datasets.mnist());
    assertThat(Datasets.parse(" mnist-sample ")).isEqualTo(Datasets.mnistSample());
    assertThat(Datasets.parse("cifar10")).isEqualTo(Datasets.cifar10());
  }

  @Test
  void csv_takes_a_path_a_label_and_optional_params() {
    assertThat(Datasets.parse("csv:data/iris.csv,label=species"))
        .isEqualTo(Datasets.csv(Path.of("data/iris.csv"), "species"));
    assertThat(Datasets.parse("csv:t.csv,test_fraction=0.3,label=y,classes=3,9"))
        .isEqualTo(Datasets.csv(Path.of("t.csv"), "y").testFraction(0.3).classes("3,9"));
  }

  @Test
  void unknown_names_and_incomplete_csv_choices_are_one_line_errors() {
    assertThatThrownBy(() -> Datasets.parse("cifar100")).isInstanceOf(UserError.class)
        .hasMessage("unknown dataset 'cifar100'; choose one of fashion-mnist, mnist, mnist-sample, cifar10, "
            + "csv:<path>,label=<column>, folder:<path>, line, line-reference, csv:<path>,target=<column>");
    assertThatThrownBy(() -> Datasets.parse("csv:t.csv"))
        .hasMessage("csv data needs a file and a label column: csv:<path>,label=<column>, got 'csv:t.csv'");
    assertThatThrownBy(() -> Datasets.parse("csv:t.csv,label=y,sep=;"))
        .hasMessage("unknown parameter 'sep'; valid keys: file, label, test_fraction, classes");
  }

  @Test
  void image_specs_take_a_classes_param() {
    ImageDataSpec spec = Datasets.mnistSample().with("classes", "3, 9");
    assertThat(spec.classes()).isEqualTo("3,9");
    assertThat(spec.params()).containsEntry("classes", "3,9");
    assertThatThrownBy(() -> Datasets.mnist().classes("3,,9"))
        .hasMessage("classes must be a comma-separated list of class names or numbers, e.g. 3,9; got '3,,9'");
  }

  @Test
  void class_items_are_names_or_labels_and_others_list_the_classes() {
    java.util.List<String> names = java.util.List.of("cat", "dog", "7");
    assertThat(ClassFilter.resolve("dog,0", names)).containsExactly(1, 0);
    assertThat(ClassFilter.resolve("7", names)).containsExactly(2); // a name wins over a label number
    assertThatThrownBy(() -> ClassFilter.resolve("cow", names))
        .hasMessage("classes: 'cow' is neither a class name nor a label 0..2; classes are cat, dog, 7");
  }
}
