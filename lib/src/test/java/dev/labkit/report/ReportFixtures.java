package dev.labkit.report;

import java.nio.file.Path;

/** An experiment worth a lab report, written by hand: a sweep of three trials over model.c and its summary run. */
final class ReportFixtures {
  private ReportFixtures() {}

  static final String EXPERIMENT = "logreg-fashion";
  static final String SWEEP = "20261126-220000-ab12";

  /** The note with math the report must typeset (inline and display). */
  static final String NOTE = "The loss is the cross-entropy $-\\\\sum_k y_k \\\\log p_k$ of the softmax:"
      + "\\n$$p_k = \\\\frac{e^{z_k}}{\\\\sum_j e^{z_j}}$$";

  /** Three trials (C = 0.1, 1, 10) chosen on test, and the sweep's summary with its description, notes and flags. */
  static Path sweep(Path runs) {
    Fixtures.sweepTrial(runs, EXPERIMENT, "20261126-220100-0001", SWEEP, 1, 3, 0.1, 0.80, 0.82);
    Fixtures.sweepTrial(runs, EXPERIMENT, "20261126-220200-0002", SWEEP, 2, 3, 1.0, 0.85, 0.88);
    Fixtures.sweepTrial(runs, EXPERIMENT, "20261126-220300-0003", SWEEP, 3, 3, 10.0, 0.83, 0.95);
    Path summary = runs.resolve(EXPERIMENT).resolve(SWEEP);
    Fixtures.write(summary.resolve("run.json"), """
        {"schema": 1, "experiment": "%s", "kind": "classify", "run_id": "%s", "status": "finished", "seed": 42,
         "params": {"seed": 42, "model": "logistic-regression", "model.c": [0.1, 1.0, 10.0]},
         "sweep": {"id": "%s", "trial": 0, "trials": 3, "keys": ["model.c"]},
         "provenance": {"started": "2026-11-26T22:00:00Z", "ended": "2026-11-26T22:04:00Z",
                        "command": "./jbang scripts/logreg.java --sweep model.c=0.1,1,10"},
         "description": "Logistic regression on Fashion-MNIST over a log grid of C",
         "notes": ["Why `max_iter` stays **200**: L1 at $C = 10$ converges only at 2,322 iterations.", "%s",
                   "<script>alert('raw HTML')</script>"]}
        """.formatted(EXPERIMENT, SWEEP, SWEEP, NOTE));
    Fixtures.write(summary.resolve("summary.json"), """
        {"metrics": {"test/accuracy": 0.85, "unconverged_fits": 2, "trials": 3}, "headline": "test/accuracy"}
        """);
    Fixtures.write(summary.resolve("metrics.csv"), "step,name,value,wall_time\n");
    Fixtures.write(summary.resolve("artifacts/trials.json"), """
        {"columns": ["trial", "run", "model.c", "test/accuracy"],
         "rows": [[1, "20261126-220100-0001", 0.1, 0.80], [2, "20261126-220200-0002", 1.0, 0.85],
                  [3, "20261126-220300-0003", 10.0, 0.83]]}
        """);
    Fixtures.write(summary.resolve("artifacts.json"), """
        [{"name": "trials", "kind": "table", "title": "Trials", "path": "artifacts/trials.json", "step": null,
          "group": null}]
        """);
    return summary;
  }
}
