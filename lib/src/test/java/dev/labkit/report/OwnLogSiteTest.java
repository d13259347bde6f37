package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.Lab;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.Dataset;
import dev.labkit.data.Datasets;
import dev.labkit.data.Shape;
import dev.labkit.ground.Json;
import dev.labkit.model.OwnClassifier;
import dev.labkit.run.ExperimentStart;
import dev.labkit.run.Runner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What your own training loop logs lands in the run folder and on the run page as labkit's own does. */
class OwnLogSiteTest {
  @TempDir Path out;

  /** A perceptron trained by hand for five passes, logging its mistakes, its weights as an image and a table. */
  static final OwnClassifier PERCEPTRON = Lab.classifier("perceptron", t -> {
    double[][] x = t.x();
    double[] w = new double[x[0].length + 1];
    for (int pass = 1; pass <= 5; pass++) {
      int mistakes = 0;
      for (int i = 0; i < x.length; i++) {
        double s = w[x[i].length];
        for (int j = 0; j < x[i].length; j++) {
          s += w[j] * x[i][j];
        }
        int sign = t.y()[i] == 1 ? 1 : -1;
        if (s * sign <= 0) {
          mistakes++;
          for (int j = 0; j < x[i].length; j++) {
            w[j] += sign * x[i][j];
          }
          w[x[i].length] += sign;
        }
      }
      t.log().scalar(pass, "train/mistakes", mistakes);
      t.log().images(pass, "weights", new float[] {(float) Math.tanh(w[0]) / 2 + 0.5f, (float) Math.tanh(w[1]) / 2 + 0.5f},
          1, 2, 1);
    }
    t.log().table("final_weights", List.of("w0", "w1", "bias"), List.of(List.of(w[0], w[1], w[2])));
    return row -> w[0] * row[0] + w[1] * row[1] + w[2] > 0 ? 1 : 0;
  });

  @Test
  void a_scalar_an_image_and_a_table_logged_by_hand_reach_the_run_folder_and_its_page() throws Exception {
    Dataset blobs = dev.labkit.run.OwnDataRunTestAccess.blobs();
    var experiment = new ExperimentStart("own-log").data(Datasets.arrays("blobs", blobs.features(), blobs.labels(),
        Shape.flat(2), blobs.classNames())).model(PERCEPTRON).evaluate(Lab.accuracy());
    Runner.Result result = Runner.execute(experiment, LabOptions.of(out), new PrintStream(new ByteArrayOutputStream(),
        true, StandardCharsets.UTF_8));

    Path folder = result.folder();
    assertThat(Files.readAllLines(folder.resolve("metrics.csv")).stream().filter(l -> l.contains(",train/mistakes,")))
        .hasSize(5);
    JsonNode artifacts = Json.MAPPER.readTree(folder.resolve("artifacts.json").toFile());
    assertThat(artifacts.findValuesAsString("name")).contains("weights/step-000001", "weights/step-000005",
        "final_weights");
    assertThat(folder.resolve("artifacts/weights/step-000005.png")).exists();
    Path page;
    try (Stream<Path> pages = Files.walk(out.resolve("site"))) {
      page = pages.filter(p -> p.toString().endsWith(".html") && p.toString().contains(folder.getFileName().toString()))
          .findFirst().orElseThrow();
    }
    String html = Files.readString(page);
    assertThat(html).contains("final_weights").contains("weights/step-000005.png").contains("train/mistakes");
  }
}
