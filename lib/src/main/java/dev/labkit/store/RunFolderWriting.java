package dev.labkit.store;

import dev.labkit.ground.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link RunFolder} writes besides run.json itself: a run marked as ended by Slurm, and summary.json.
 * Every file goes through {@link Json#writeAtomically}. Only {@link RunFolder} calls it.
 */
final class RunFolderWriting {
  private RunFolderWriting() {}

  static void endedBySlurm(Path folder, String state, String reason) {
    RunFolder run = RunFolder.read(folder);
    if (run.status() == RunStatus.FINISHED) {
      return;
    }
    RunRecord record = run.record();
    RunRecord.Slurm slurm = record.slurm() == null ? new RunRecord.Slurm(null, null, null, null, null, null)
        : record.slurm();
    String ended = record.provenance() == null || record.provenance().ended() == null ? Instant.now().toString()
        : record.provenance().ended();
    RunFolder.writeRecord(folder, record.withSlurm(slurm.endedIn(state)).withOwner(null).ended(RunStatus.FAILED, reason, ended));
  }

  static void writeSummary(Path folder, Map<String, ?> metrics, String headline, Map<String, Boolean> lowerIsBetter) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("metrics", metrics);
    json.put("headline", headline);
    if (!lowerIsBetter.isEmpty()) {
      json.put("lower_is_better", lowerIsBetter);
    }
    Json.writeAtomically(folder.resolve(RunFolder.SUMMARY_JSON), json);
  }
}
