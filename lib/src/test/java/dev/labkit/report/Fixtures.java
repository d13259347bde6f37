package dev.labkit.report;

import dev.labkit.image.Images;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run folders written by hand, in the format of docs/architecture.md, for the report's tests. */
final class Fixtures {
  private Fixtures() {}

  static final String[] CLASSES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
      "Sneaker", "Bag", "Ankle boot"};

  /** A finished logistic-regression run with metrics, a confusion matrix, ten heatmaps and a table. */
  static Path finishedRun(Path runs, String experiment, String runId) {
    Path run = runs.resolve(experiment).resolve(runId);
    write(run.resolve("run.json"), """
        {"schema": 1, "experiment": "%s", "run_id": "%s", "status": "finished", "error": null, "seed": 42,
         "params": {"seed": 42, "data": "fashion-mnist", "data.scale": "unit", "model": "logistic-regression",
                    "model.c": 2.5},
         "dataset": {"id": "fashion-mnist",
                     "train": {"id": "fashion-mnist/train", "size": 60000, "sha256": "0123456789abcdef0123"},
                     "test": {"id": "fashion-mnist/test", "size": 10000, "sha256": "fedcba9876543210fedc"},
                     "shape": [28, 28, 1], "classes": %s},
         "provenance": {"script": "scripts/logreg.java", "script_sha256": "abc", "command": "./jbang logreg --set model.c=2.5",
                        "git_commit": "1a2b3c", "git_dirty": false, "labkit_version": "0.1.0-SNAPSHOT",
                        "java": "Eclipse Adoptium 25.0.3", "os": "Linux 6.1 amd64", "cpu": "AMD EPYC", "cores": 2,
                        "started": "2026-11-26T21:30:00Z", "ended": "2026-11-26T21:32:05Z", "smoke": false}}
        """.formatted(experiment, runId, classesJson()));
    write(run.resolve("summary.json"), """
        {"metrics": {"test/accuracy": 0.8441, "test/macro_f1": 0.8432, "fit_seconds": 2.1, "epochs": 12},
         "headline": "test/accuracy"}
        """);
    write(run.resolve("metrics.csv"), """
        step,name,value,wall_time
        0,train/loss,2.302585,0.1
        1,train/loss,0.9,0.5
        2,train/loss,0.61234,0.9
        2,test/accuracy,0.8441,1.0
        """);
    StringBuilder index = new StringBuilder("[{\"name\": \"confusion-matrix\", \"kind\": \"confusion-matrix\","
        + " \"title\": \"Confusion matrix (test)\", \"path\": \"artifacts/confusion-matrix.json\","
        + " \"step\": null, \"group\": null},\n");
    index.append("{\"name\": \"per-class\", \"kind\": \"table\", \"title\": \"Per-class scores\","
        + " \"path\": \"artifacts/per-class.json\", \"step\": null, \"group\": null}");
    float[][] weights = new float[10][28 * 28];
    for (int c = 0; c < 10; c++) {
      for (int i = 0; i < 28 * 28; i++) {
        weights[c][i] = (float) Math.sin(i * 0.05 + c) * (c + 1) / 10f;
      }
    }
    double max = Images.maxAbs(weights);
    for (int c = 0; c < 10; c++) {
      write(run.resolve("artifacts/weights/" + c + ".png"), Images.divergingHeatmapPng(weights[c], 28, 28, max, 5));
      index.append(",\n{\"name\": \"weights-%d\", \"kind\": \"image\", \"title\": \"%s\", \"path\": \"artifacts/weights/%d.png\", \"step\": null, \"group\": \"Weight heatmaps\", \"max_abs\": %s}"
          .formatted(c, CLASSES[c], c, max));
    }
    write(run.resolve("artifacts.json"), index.append("]").toString());
    StringBuilder counts = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      counts.append(i == 0 ? "" : ",").append('[');
      for (int j = 0; j < 10; j++) {
        counts.append(j == 0 ? "" : ",").append(i == j ? 850 : (i + j) % 7);
      }
      counts.append(']');
    }
    write(run.resolve("artifacts/confusion-matrix.json"),
        "{\"labels\": " + classesJson() + ", \"counts\": [" + counts + "]}");
    write(run.resolve("artifacts/per-class.json"), """
        {"columns": ["class", "precision", "recall", "support"],
         "rows": [["T-shirt/top", 0.81234, 0.8, 1000], ["Trouser", 0.97, 0.95, 1000]]}
        """);
    return run;
  }

  /** A run that has only started: run.json says running, a few metrics, no summary yet. */
  static Path runningRun(Path runs, String experiment, String runId) {
    Path run = runs.resolve(experiment).resolve(runId);
    write(run.resolve("run.json"), """
        {"schema": 1, "experiment": "%s", "run_id": "%s", "status": "running", "seed": 7,
         "params": {"seed": 7, "model": "mlp"}, "provenance": {"started": "2026-11-26T22:00:00Z"}}
        """.formatted(experiment, runId));
    write(run.resolve("metrics.csv"), "step,name,value,wall_time\n0,train/loss,2.3,0.2\n1,train/loss,1.7,0.4\n2,train/lo");
    return run;
  }

  /** A run in training: run.json says running, {@code steps} whole lines of train/loss, no summary. */
  static Path trainingRun(Path runs, String experiment, String runId, int steps) {
    Path run = runs.resolve(experiment).resolve(runId);
    write(run.resolve("run.json"), """
        {"schema": 1, "experiment": "%s", "run_id": "%s", "status": "running", "seed": 7,
         "params": {"seed": 7, "model": "mlp"}, "provenance": {"started": "2026-11-26T22:00:00Z"}}
        """.formatted(experiment, runId));
    StringBuilder csv = new StringBuilder("step,name,value,wall_time\n");
    for (int i = 0; i < steps; i++) {
      csv.append(i).append(",train/loss,").append(2.0 / (1 + i)).append(',').append(0.2 * i).append('\n');
    }
    write(run.resolve("metrics.csv"), csv.toString());
    return run;
  }

  /**
   * A finished solver run: {@code train/objective} over 60 iterations falling through four decades,
   * {@code train/grad_max} beside it, one final {@code test/accuracy}, and a {@code chart} artifact (a
   * Vega-Lite spec of the learning rate) whose title is {@code chartTitle}.
   */
  static Path solverRun(Path runs, String experiment, String runId, String chartTitle) {
    Path run = runs.resolve(experiment).resolve(runId);
    write(run.resolve("run.json"), """
        {"schema": 1, "experiment": "%s", "run_id": "%s", "status": "finished", "seed": 1,
         "params": {"seed": 1, "model": "logistic-regression", "model.c": 1.0},
         "provenance": {"started": "2026-11-26T21:40:00Z", "ended": "2026-11-26T21:40:09Z"}}
        """.formatted(experiment, runId));
    StringBuilder csv = new StringBuilder("step,name,value,wall_time\n");
    for (int i = 0; i < 60; i++) {
      csv.append(i).append(",train/objective,").append(2.3 * Math.pow(10, -4.0 * i / 59)).append(',').append(i * 0.1)
          .append('\n');
      csv.append(i).append(",train/grad_max,").append(0.5 / (1 + i)).append(',').append(i * 0.1).append('\n');
    }
    csv.append("59,test/accuracy,0.84,6.0\n");
    write(run.resolve("metrics.csv"), csv.toString());
    write(run.resolve("summary.json"), "{\"metrics\": {\"test/accuracy\": 0.84}, \"headline\": \"test/accuracy\"}");
    var spec = RunFolders.JSON.createObjectNode();
    spec.put("$schema", "https://vega.github.io/schema/vega-lite/v5.json");
    spec.put("title", chartTitle);
    var values = spec.putObject("data").putArray("values");
    for (int i = 0; i < 4; i++) {
      values.addObject().put("epoch", i).put("lr", 0.1 / (1 << i));
    }
    spec.put("mark", "line");
    spec.putObject("encoding").set("x", RunFolders.JSON.createObjectNode().put("field", "epoch").put("type", "quantitative"));
    ((tools.jackson.databind.node.ObjectNode) spec.get("encoding"))
        .set("y", RunFolders.JSON.createObjectNode().put("field", "lr").put("type", "quantitative"));
    write(run.resolve("artifacts/lr.vl.json"), spec.toString());
    var entry = RunFolders.JSON.createObjectNode().put("name", "lr").put("kind", "chart").put("title", chartTitle)
        .put("path", "artifacts/lr.vl.json");
    entry.putNull("step");
    entry.putNull("group");
    write(run.resolve("artifacts.json"), "[" + entry + "]");
    return run;
  }

  /**
   * A finished trial of a sweep over {@code model.c}: run.json carries {@code "sweep": {"id", "trial",
   * "trials"}}, summary.json the final test and train accuracy.
   */
  static Path sweepTrial(Path runs, String experiment, String runId, String sweepId, int trial, int trials, double c,
      double testAccuracy, double trainAccuracy) {
    Path run = runs.resolve(experiment).resolve(runId);
    write(run.resolve("run.json"), """
        {"schema": 1, "experiment": "%s", "run_id": "%s", "status": "finished", "seed": 42,
         "params": {"seed": 42, "data": "fashion-mnist", "model": "logistic-regression", "model.c": %s},
         "sweep": {"id": "%s", "trial": %d, "trials": %d},
         "provenance": {"started": "2026-11-26T22:00:00Z", "ended": "2026-11-26T22:00:30Z"}}
        """.formatted(experiment, runId, c, sweepId, trial, trials));
    write(run.resolve("summary.json"), """
        {"metrics": {"test/accuracy": %s, "train/accuracy": %s, "fit_seconds": 3.5}, "headline": "test/accuracy"}
        """.formatted(testAccuracy, trainAccuracy));
    write(run.resolve("metrics.csv"), "step,name,value,wall_time\n0,train/objective,2.3,0.1\n1,train/objective,0.5,0.2\n");
    return run;
  }

  /**
   * A GAN-like run: a "Samples" gallery of two images logged at steps 0, 100 and 200 (each step's
   * images a different picture), a stepless "Real" image in the same group, and a loss curve.
   */
  static Path galleryRun(Path runs, String experiment, String runId) {
    Path run = runs.resolve(experiment).resolve(runId);
    write(run.resolve("run.json"), """
        {"schema": 1, "experiment": "%s", "run_id": "%s", "status": "finished", "seed": 3,
         "params": {"seed": 3, "model": "gan", "optimizer.lr": 0.0002},
         "provenance": {"started": "2026-11-26T23:00:00Z", "ended": "2026-11-26T23:05:00Z"}}
        """.formatted(experiment, runId));
    write(run.resolve("metrics.csv"), "step,name,value,wall_time\n0,train/g_loss,2.0,1\n100,train/g_loss,1.2,2\n200,train/g_loss,0.9,3\n");
    StringBuilder index = new StringBuilder("[");
    index.append("{\"name\": \"real\", \"kind\": \"image\", \"title\": \"real\", \"path\": \"artifacts/real.png\","
        + " \"group\": \"Samples\"}");
    write(run.resolve("artifacts/real.png"), picture(0));
    for (int step : new int[] {0, 100, 200}) {
      for (int k = 0; k < 2; k++) {
        String path = "artifacts/samples/" + step + "-" + k + ".png";
        write(run.resolve(path), picture(step + k + 1));
        index.append(",\n{\"name\": \"sample-%d-%d\", \"kind\": \"image\", \"title\": \"sample %d\", \"path\": \"%s\", \"step\": %d, \"group\": \"Samples\"}"
            .formatted(step, k, k, path, step));
      }
    }
    write(run.resolve("artifacts.json"), index.append("]").toString());
    return run;
  }

  /** A small heatmap PNG that differs with {@code seed}. */
  static byte[] picture(int seed) {
    float[] pixels = new float[16 * 16];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) Math.sin(i * 0.3 + seed);
    }
    return Images.divergingHeatmapPng(pixels, 16, 16, 1, 4);
  }

  static String classesJson() {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < CLASSES.length; i++) {
      json.append(i == 0 ? "" : ", ").append('"').append(CLASSES[i]).append('"');
    }
    return json.append(']').toString();
  }

  static void write(Path file, String text) {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
