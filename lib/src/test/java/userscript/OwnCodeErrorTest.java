package userscript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.Lab;
import dev.labkit.cli.LabOptions;
import dev.labkit.cli.ScriptCommand;
import dev.labkit.data.Dataset;
import dev.labkit.data.Datasets;
import dev.labkit.data.Shape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Outside dev.labkit, as a script is: when the script's own metric throws, the user sees labkit's one line,
 * then the frames of their own code that led there, and no frame of labkit's or the libraries'.
 */
class OwnCodeErrorTest {
  @TempDir Path out;

  @Command(name = "broken")
  static final class Broken implements Callable<Integer> {
    @Mixin LabOptions lab;

    static double divide(int[] labels) {
      return 1.0 / labels[labels.length]; // the user's bug: one past the end
    }

    @Override
    public Integer call() {
      float[] x = new float[40];
      int[] y = new int[20];
      for (int i = 0; i < 20; i++) {
        y[i] = i % 2;
        x[2 * i] = y[i] == 0 ? -1 - i * 0.01f : 1 + i * 0.01f;
      }
      return Lab.runAll(lab, Lab.experiment("broken").data(Datasets.arrays("pairs", x, y, Shape.flat(2),
          List.of("a", "b"))).model(Lab.logisticRegression()).evaluate(Lab.metric("ratio", p -> divide(p.labels()))));
    }
  }

  @Test
  void a_throwing_metric_prints_one_line_then_only_the_scripts_own_frames() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = ScriptCommand.execute(new Broken(), new PrintStream(err, true, StandardCharsets.UTF_8), "--out",
        out.toString(), "--no-site");
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();

    assertThat(exit).isNotZero();
    assertThat(lines.getFirst()).startsWith("broken: metric ratio failed on the test predictions: "
        + "java.lang.ArrayIndexOutOfBoundsException");
    assertThat(lines.subList(1, lines.size())).isNotEmpty().allMatch(line -> line.startsWith("  at userscript."))
        .anyMatch(line -> line.contains("Broken.divide(OwnCodeErrorTest.java:"));
  }
}
