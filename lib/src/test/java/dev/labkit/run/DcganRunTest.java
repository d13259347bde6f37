package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.Datasets;
import dev.labkit.gan.ColouredSquares;
import dev.labkit.model.Gan;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A DCGAN run on colour images end to end, as {@code ./jbang dcgan --set data=cifar10 --smoke} makes one:
 * CIFAR-10 batch files (coloured squares written in CIFAR's binary format) read by the real reader, the
 * 32×32×3 networks, the reference classifier, and colour galleries in the run folder.
 */
class DcganRunTest {
  @TempDir Path root;

  /** Writes {@code n} squares as a CIFAR-10 batch file: per record a label byte, then the red, green and blue planes. */
  static void batch(Path file, int n, long seed) throws IOException {
    int[] hwc = ColouredSquares.bytes(n, seed);
    byte[] out = new byte[n * 3073];
    for (int i = 0; i < n; i++) {
      out[i * 3073] = (byte) (i % 2); // airplane, automobile: kept as two classes below
      for (int p = 0; p < 1024; p++) {
        for (int c = 0; c < 3; c++) {
          out[i * 3073 + 1 + 1024 * c + p] = (byte) hwc[i * 3072 + 3 * p + c];
        }
      }
    }
    Files.write(file, out);
  }

  Runner.Result run(Gan model) throws IOException {
    Path dir = Files.createDirectories(root.resolve("cifar"));
    for (int b = 1; b <= 5; b++) {
      batch(dir.resolve("data_batch_" + b + ".bin"), 32, b);
    }
    batch(dir.resolve("test_batch.bin"), 64, 9);
    Experiment exp = new ExperimentStart("dcgan-squares").data(Datasets.cifar10().path(dir).classes("0,1")
        .trainSize(160).testSize(64))
        .model(model);
    var console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return Runner.execute(exp, LabOptions.of(root.resolve("out")).noSite(true).smoke(true), console);
  }

  @Test
  void a_smoke_run_on_colour_images_finishes_with_colour_galleries_of_32_pixel_cells() throws Exception {
    Runner.Result result = run(Gan.dcgan());
    JsonNode record = RunnerTest.json(result.folder().resolve("run.json"));
    assertThat(record.get("status").asString()).isEqualTo("finished");
    assertThat(record.get("params").get("model").asString()).isEqualTo("dcgan");
    assertThat(result.metrics()).containsKeys("fid", "ms_per_step", "final/d_loss", "final/g_loss");
    assertThat(result.metrics().get("final/d_loss")).isFinite();
    BufferedImage grid = ImageIO.read(result.folder().resolve("artifacts/samples/step-000020.png").toFile());
    // 8 × 8 cells of 32 pixels drawn 2 × 2, a one-pixel gutter around each
    assertThat(grid.getWidth()).isEqualTo(8 * (32 * 2 + 1) + 1);
    assertThat(grid.getHeight()).isEqualTo(8 * (32 * 2 + 1) + 1);
    assertThat(colourful(grid)).as("pixels whose red, green and blue differ").isGreaterThan(1000);
    assertThat(result.folder().resolve("artifacts/interpolation/spherical.png")).exists();
  }

  @Test
  void a_conditional_smoke_run_draws_a_column_per_class_and_scores_its_labels() throws Exception {
    Runner.Result result = run(Gan.dcgan().conditional(true));
    assertThat(result.metrics()).containsKeys("label_agreement", "tstr/accuracy", "fid");
    BufferedImage grid = ImageIO.read(result.folder().resolve("artifacts/samples/step-000020.png").toFile());
    assertThat(grid.getWidth()).isEqualTo(2 * (32 * 2 + 1) + 1); // one column per class
    assertThat(colourful(grid)).isGreaterThan(100);
  }

  private static int colourful(BufferedImage image) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        count += r != g || g != b ? 1 : 0;
      }
    }
    return count;
  }

  @Test
  void a_dcgan_on_a_csv_table_fails_in_one_line_naming_its_shape_and_what_fits() throws IOException {
    StringBuilder csv = new StringBuilder("label");
    for (int j = 0; j < 400; j++) {
      csv.append(",p").append(j);
    }
    for (int i = 0; i < 6; i++) {
      csv.append('\n').append(i % 2).append(",0.5".repeat(400)); // 20×20 images, but a CSV row is flat
    }
    Path file = Files.writeString(root.resolve("squares.csv"), csv);
    Experiment exp = new ExperimentStart("dcgan-csv").data(Datasets.csv(file, "label")).model(Gan.dcgan());
    var console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Runner.execute(exp, LabOptions.of(root.resolve("out")).noSite(true), console))
        .isInstanceOf(UserError.class)
        .hasMessage("the DCGAN is built for 28×28×1 and 32×32×3 images, got 1×400×1 (csv:squares.csv/split-train);"
            + " use MNIST-like or CIFAR-10-like data, or the MLP GAN (model.architecture=mlp), which takes any shape");
  }
}
