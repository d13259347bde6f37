package dev.labkit.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellWordsTest {
  @Test
  void a_recorded_command_line_splits_back_into_its_words() {
    // as Provenance writes it: plain words bare, others in single quotes, a quote inside as '\''
    assertThat(ShellWords.split("./jbang scripts/x.java --set 'data=csv:my file.csv,label=y' 'it'\\''s'  --smoke"))
        .containsExactly("./jbang", "scripts/x.java", "--set", "data=csv:my file.csv,label=y", "it's", "--smoke");
  }
}
