package dev.labkit.run;

import dev.labkit.ground.Params;
import dev.labkit.ground.UserError;
import dev.labkit.model.Gan;
import dev.labkit.model.ModelSpec;
import dev.labkit.neural.CheckpointFile;
import dev.labkit.store.RunFolder;
import dev.labkit.store.RunRecord;
import dev.labkit.store.RunStatus;
import dev.labkit.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code --resume RUN_ID} for one run that keeps checkpoints (a GAN, a classifier network): the checks
 * that come before anything is written, then the run folder re-opened where its checkpoint left off. The
 * run must be this experiment's, stopped before its end (interrupted, or failed), with a checkpoint, and
 * the options given now must make the same run (every param, the seed, {@code --smoke}); the checkpoint
 * must be whole (here) and match the networks and the data (its run kind checks that once the data is
 * loaded). Each refusal is one line that says what to do instead.
 */
public final class RunResume {
  private RunResume() {}

  /** The folder of run {@code runId} of {@code exp}, checked as far as it can be without the data. */
  static Path find(Settings options, Experiment exp, String runId, RunRecord.SweepInfo attached) {
    Path folder = options.runsDir().resolve(exp.name()).resolve(runId);
    if (!runId.matches("[0-9]{8}-[0-9]{6}-[0-9a-f]{4}") || !Files.isDirectory(folder)) {
      throw new UserError("--resume " + runId + ": no run of that id under " + folder.getParent()
          + "; give the id the run printed (its folder's name), with the same --out as then");
    }
    RunFolder run = RunFolder.read(folder);
    String command = RunFolder.text(run.provenance().path("command"), "?");
    String again = "resume with the options of its first run: " + command;
    if (run.trial() == 0) {
      throw new UserError("--resume " + runId + ": that is a sweep, and these options make one run; give the sweep's "
          + "options as well (" + command + ")");
    }
    if (run.trial() > 0 && (attached == null || !attached.id().equals(run.sweepId()))) {
      throw new UserError("--resume " + runId + ": that run is trial " + run.trial() + " of sweep " + run.sweepId()
          + "; resume the sweep instead (--resume " + run.sweepId() + " with the sweep's options)");
    }
    if (!RunKinds.of(exp.model()).resumes(exp.model())) {
      throw new UserError("--resume " + runId + ": only GAN and network runs keep checkpoints to go on from; run it "
          + "again instead (lab reproduce " + run.name() + ")");
    }
    if (run.status() == RunStatus.FINISHED) {
      throw new UserError("--resume " + runId + ": that run finished; there is nothing to resume "
          + "(lab reproduce " + run.name() + " runs it again)");
    }
    if (run.status() == RunStatus.RUNNING) {
      throw new UserError("--resume " + runId + ": that run is still running" + (run.owner() == null
          ? " (or it was killed by a labkit that did not record its process)" : " (" + run.owner() + ")")
          + "; wait for it to end or stop it first, or start a new run");
    } // else interrupted (its process gone, even by kill -9) or failed: it stopped before its end
    sameRun(run, exp, options, runId, again);
    Path checkpoint = folder.resolve(CheckpointFile.FILE);
    if (!Files.isRegularFile(checkpoint)) {
      String why = exp.model() instanceof Gan gan ? "it stopped before step " + (options.smoke() ? gan.smoke() : gan)
          .checkpointEvery() + ", or model.checkpoint_every was 0" : "it stopped before the end of its first epoch";
      throw new UserError("--resume " + runId + ": that run has no checkpoint (" + why + "); start it again instead: "
          + command);
    }
    CheckpointFile.verify(checkpoint); // whole and readable, before anything else is done
    return folder;
  }

  /** Re-opens {@code folder} for the run to go on after step {@code step}, its checkpoint's (an epoch for a network). */
  public static RunStore open(Path folder, long step) {
    RunFolder run = RunFolder.read(folder);
    return RunStore.resume(folder, run.record().resumed(step), step);
  }

  /** {@code run}'s folder when it is a trial of a sweep that stopped with a checkpoint and was run as {@code trial}. */
  static Optional<Path> resumable(RunFolder run, Trial trial) {
    ModelSpec model = trial.experiment().model();
    if (!RunKinds.of(model).resumes(model) || !Files.isRegularFile(run.folder().resolve(CheckpointFile.FILE))
        || run.status() == RunStatus.FINISHED || run.status() == RunStatus.RUNNING) {
      return Optional.empty();
    }
    Map<String, Object> params = trial.experiment().params();
    return params.keySet().stream().allMatch(key -> SweepResume.same(run.params().path(key), params.get(key)))
        ? Optional.of(run.folder()) : Optional.empty();
  }

  /** The options must make the run that was stopped: every param (the seed among them) and --smoke. */
  private static void sameRun(RunFolder run, Experiment exp, Settings options, String runId, String again) {
    for (var entry : exp.params().entrySet()) {
      JsonNode recorded = run.params().path(entry.getKey());
      if (!SweepResume.same(recorded, entry.getValue())) {
        Object value = entry.getValue();
        throw new UserError("--resume " + runId + ": that run had " + entry.getKey() + "="
            + RunFolder.text(recorded, "nothing") + ", these options give " + (value instanceof Double d
            ? Params.show(d) : value) + "; " + again);
      }
    }
    if (run.provenance().path("smoke").asBoolean(false) != options.smoke()) {
      throw new UserError("--resume " + runId + ": that run " + (options.smoke() ? "was not" : "was") + " a --smoke run, "
          + "these options " + (options.smoke() ? "are" : "are not") + "; " + again);
    }
  }
}
