package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every "Your own …" example of docs/dsl.md is a script in smoke/examples (DocExamplesTest keeps the doc's
 * code equal to the scripts), and each runs in smoke mode through the launcher, as a user would run it.
 */
class ExamplesTest {
  static final Path EXAMPLES = Launcher.ROOT.resolve("smoke/examples");

  @TempDir static Path work;

  @TestFactory
  Stream<DynamicTest> every_example_runs_in_smoke_mode() throws Exception {
    try (Stream<Path> scripts = Files.list(EXAMPLES)) {
      return scripts.filter(p -> p.toString().endsWith(".java")).sorted().toList().stream()
          .map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> run(script)));
    }
  }

  static void run(Path script) throws Exception {
    String name = script.getFileName().toString().replace(".java", "");
    Path dir = Files.createDirectories(work.resolve(name));
    if (name.equals("OwnImages")) {
      pets(dir.resolve("pets")); // the example reads ./pets, one sub-folder per class
    }
    Path out = dir.resolve("out");
    Launcher.Result r = Launcher.in(dir).run(script.toString(), "--smoke", "--out", out.toString(), "--no-site");

    assertThat(r.exitCode()).as(name + "\n" + r.describe()).isZero();
    try (Stream<Path> runs = Files.walk(out.resolve("runs"))) {
      assertThat(runs.filter(p -> p.getFileName().toString().equals("summary.json"))).as(name + " finished runs")
          .isNotEmpty();
    }
  }

  /** 40 cats (dark left half) and 40 dogs (dark right half), 8×8 grey PNGs. */
  static void pets(Path folder) throws Exception {
    for (String pet : new String[] {"cat", "dog"}) {
      Files.createDirectories(folder.resolve(pet));
      for (int i = 0; i < 40; i++) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            boolean dark = pet.equals("cat") ? x < 4 : x >= 4;
            int v = (dark ? 40 : 200) + (i * 7 + x * 3 + y) % 30;
            image.getRaster().setSample(x, y, 0, v);
          }
        }
        ImageIO.write(image, "png", folder.resolve(pet).resolve(i + ".png").toFile());
      }
    }
  }
}
