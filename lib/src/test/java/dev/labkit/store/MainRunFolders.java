package dev.labkit.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run folders as today's main (commit 041ddc4) writes them, for tests that old folders still read. */
public final class MainRunFolders {
  private MainRunFolders() {}

  /** A trial's run.json exactly as today's main writes it (scripts/logreg.java --smoke, a sweep); jars trimmed. */
  public static final String RUN_JSON = """
      {
        "schema" : 1,
        "experiment" : "logreg-fashion",
        "run_id" : "20261206-132845-44f0",
        "status" : "finished",
        "error" : null,
        "seed" : 42,
        "sweep" : {
          "id" : "20261206-132845-7bc5",
          "trial" : 1,
          "trials" : 16,
          "keys" : [ "model.penalty", "model.c" ]
        },
        "params" : {
          "seed" : 42,
          "data" : "fashion-mnist",
          "data.scale" : "unit",
          "data.train_size" : 0,
          "data.path" : "",
          "validation" : 0.1,
          "model" : "logistic-regression",
          "model.penalty" : "l1",
          "model.c" : 0.01,
          "model.tol" : 1.0E-4
        },
        "dataset" : {
          "id" : "fashion-mnist",
          "train" : { "id" : "fashion-mnist/train", "size" : 2000, "sha256" : "d9ef4273af5c2e36" },
          "test" : { "id" : "fashion-mnist/test", "size" : 500, "sha256" : "30214f3fe91405cb" },
          "shape" : [ 28, 28, 1 ],
          "classes" : [ "T-shirt/top", "Trouser", "Pullover" ]
        },
        "provenance" : {
          "script" : "scripts/logreg.java",
          "script_sha256" : "5d89da56a63ed4b5",
          "command" : "./jbang scripts/logreg.java --smoke --set model.penalty=l1 --set model.c=0.01",
          "git_commit" : "041ddc4d0f3d9f182799be7515d8a0b62d428648",
          "git_dirty" : false,
          "labkit_version" : "0.1.0-SNAPSHOT",
          "java" : "Eclipse Adoptium 25.0.3",
          "os" : "Linux 6.18.44-fc-v1300 amd64",
          "cpu" : "AMD EPYC",
          "cores" : 2,
          "started" : "2026-12-06T13:28:45.534837803Z",
          "ended" : "2026-12-06T13:28:46.280426857Z",
          "smoke" : true,
          "args" : [ "--smoke", "--set", "model.penalty=l1", "--set", "model.c=0.01" ],
          "working_dir" : "/work/main",
          "seeds" : { "data.train_subset" : 42, "fit" : 42, "nested_cv.inner_folds" : "42 + outer fold index + 1" },
          "dependencies" : [ "logreg.jar", "dev.labkit:labkit:0.1.0-SNAPSHOT", "com.github.haifengl:smile-core:6.3.0" ],
          "reproduces" : null,
          "resumed_from_step" : [ 200, 400 ]
        }
      }
      """;

  /**
   * Writes {@code <runs>/logreg-fashion/<runId>/} with {@link #RUN_JSON} (its id, status and model.c replaced)
   * and a summary.json; returns the folder.
   */
  public static Path write(Path runs, String runId, String status, double c, double accuracy) {
    Path folder = runs.resolve("logreg-fashion").resolve(runId);
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("run.json"), RUN_JSON.replace("20261206-132845-44f0", runId)
          .replace("\"status\" : \"finished\"", "\"status\" : \"" + status + "\"")
          .replace("\"model.c\" : 0.01", "\"model.c\" : " + c));
      Files.writeString(folder.resolve("summary.json"), """
          {"metrics": {"test/accuracy": %s, "val/accuracy": 0.79}, "headline": "test/accuracy"}
          """.formatted(accuracy));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }
}
