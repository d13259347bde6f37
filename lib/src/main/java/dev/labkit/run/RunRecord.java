package dev.labkit.run;

import java.util.List;
import java.util.Map;

/**
 * The contents of a run folder's {@code run.json}: what ran, on what, and how it ended. The format is
 * documented, with its schema version, in docs/architecture.md.
 *
 * @param status running, finished, failed or interrupted
 * @param error  one line saying what went wrong when status is failed, else null
 */
public record RunRecord(int schema, String experiment, String runId, String status, String error, long seed,
    Map<String, Object> params, DatasetInfo dataset, Provenance provenance) {

  public static final int SCHEMA = 1;

  /** The data a run used: ids, sizes and content digests of both parts, example shape, class names. */
  public record DatasetInfo(String id, Part train, Part test, List<Integer> shape, List<String> classes) {}

  /** One part of a dataset. */
  public record Part(String id, int size, String sha256) {}

  public RunRecord withDataset(DatasetInfo value) {
    return new RunRecord(schema, experiment, runId, status, error, seed, params, value, provenance);
  }

  public RunRecord ended(String newStatus, String newError, String endedAt) {
    return new RunRecord(schema, experiment, runId, newStatus, newError, seed, params, dataset,
        provenance.withEnded(endedAt));
  }
}
