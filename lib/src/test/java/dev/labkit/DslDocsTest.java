package dev.labkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class DslDocsTest {

  @Test
  void the_parameter_tables_of_docs_dsl_md_are_those_the_declarations_render() throws IOException {
    if (Boolean.getBoolean("labkit.docs.write")) {
      DslDocs.main(new String[0]);
    }
    String text = Files.readString(DslDocs.FILE, StandardCharsets.UTF_8);
    assertThat(text).as("docs/dsl.md's parameter tables differ from the params declared in the specs; "
        + "regenerate them with: " + DslDocs.REGENERATE).isEqualTo(DslDocs.render(text));
  }
}
