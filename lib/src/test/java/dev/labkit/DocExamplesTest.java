package dev.labkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each code block of docs/dsl.md marked {@code <!-- example: smoke/examples/X.java -->} is code the script X runs:
 * its lines, in order, are lines of the script's {@code // docs:begin} … {@code // docs:end} regions (leading
 * whitespace aside; a script line may start with what binds it, such as {@code var pets = }). The smoke module's
 * ExamplesTest runs every script in smoke/examples, so every such example is known to run.
 */
class DocExamplesTest {
  static final Pattern EXAMPLE = Pattern.compile("<!-- example: (\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void every_marked_example_of_the_dsl_doc_is_code_of_its_script() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "dsl.md"));
    Matcher m = EXAMPLE.matcher(doc);
    int examples = 0;
    while (m.find()) {
      examples++;
      Path script = Path.of("..").resolve(m.group(1));
      assertThat(script).as("the script of an example in docs/dsl.md").isRegularFile();
      List<String> code = nonBlank(List.of(m.group(2).split("\n")));
      List<String> regions = regions(Files.readAllLines(script));
      assertThat(indexOf(regions, code)).as("docs/dsl.md's example\n%s\nis not code of %s (between // docs:begin and"
          + " // docs:end)", String.join("\n", code), script).isNotNegative();
    }
    assertThat(examples).as("examples marked in docs/dsl.md").isGreaterThanOrEqualTo(7);
    try (var scripts = Files.list(Path.of("..", "smoke", "examples"))) {
      for (Path script : scripts.toList()) {
        assertThat(doc).as(script + " is shown in docs/dsl.md").contains("<!-- example: smoke/examples/"
            + script.getFileName() + " -->");
      }
    }
  }

  @Test
  void a_block_that_differs_from_its_script_is_caught() {
    List<String> regions = List.of("var pets = Lab.experiment(\"pets\")", ".model(cnn())");
    assertThat(indexOf(regions, List.of("Lab.experiment(\"pets\")", ".model(cnn())"))).isZero();
    assertThat(indexOf(regions, List.of("Lab.experiment(\"cats\")", ".model(cnn())"))).isNegative();
    assertThat(indexOf(regions, List.of(".model(cnn())", "Lab.experiment(\"pets\")"))).isNegative();
  }

  /** The trimmed lines between each {@code // docs:begin} and the next {@code // docs:end}, one after the other. */
  static List<String> regions(List<String> lines) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : lines) {
      String t = line.strip();
      if (t.equals("// docs:begin")) {
        in = true;
      } else if (t.equals("// docs:end")) {
        in = false;
      } else if (in && !t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** Where {@code code} starts as consecutive lines of {@code regions} (each region line ending with the code's), or -1. */
  static int indexOf(List<String> regions, List<String> code) {
    for (int start = 0; start + code.size() <= regions.size(); start++) {
      int i = 0;
      while (i < code.size() && regions.get(start + i).endsWith(code.get(i))) {
        i++;
      }
      if (i == code.size()) {
        return start;
      }
    }
    return -1;
  }

  private static List<String> nonBlank(List<String> lines) {
    return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
