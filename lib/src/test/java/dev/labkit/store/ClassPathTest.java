package dev.labkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClassPathTest {
  @Test
  void a_jar_in_a_maven_repository_is_named_by_its_coordinates() {
    assertThat(ClassPath.coordinates(Path.of(
        "/home/u/.m2/repository/com/github/haifengl/smile-core/6.3.0/smile-core-6.3.0.jar")))
        .isEqualTo("com.github.haifengl:smile-core:6.3.0");
    assertThat(ClassPath.coordinates(Path.of("/r/repository/ai/djl/pytorch/pytorch-native-cpu/2.7.1/"
        + "pytorch-native-cpu-2.7.1-linux-x86_64.jar"))).isEqualTo("ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64");
  }

  @Test
  void any_other_entry_is_named_by_its_file() {
    assertThat(ClassPath.coordinates(Path.of("/home/u/.jbang/cache/jars/logreg.java.1a2b/logreg.jar")))
        .isEqualTo("logreg.jar");
    assertThat(ClassPath.coordinates(Path.of("target/classes"))).isEqualTo("classes");
  }

  @Test
  void the_running_jvm_lists_every_class_path_entry_by_name() {
    // one name per entry: coordinates when the repository root is a folder named "repository" (~/.m2), else the file
    String[] entries = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
    assertThat(ClassPath.dependencies()).hasSize(entries.length).contains("classes", "test-classes")
        .containsAnyOf("org.apache.commons:commons-csv:1.14.1", "commons-csv-1.14.1.jar");
  }
}
