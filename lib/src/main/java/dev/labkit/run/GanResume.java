package dev.labkit.run;

import ai.djl.ndarray.NDManager;
import dev.labkit.data.Dataset;
import dev.labkit.gan.Checkpoint;
import dev.labkit.gan.Fingerprint;
import dev.labkit.gan.GanTraining;
import dev.labkit.ground.Params;
import dev.labkit.ground.UserError;
import dev.labkit.model.Gan;
import dev.labkit.neural.Torch;
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
 * {@code --resume RUN_ID} for one GAN run: the checks that come before anything is written, then the
 * run folder re-opened where its checkpoint left off. The run must be this experiment's, stopped before
 * its end (interrupted, or failed), with a checkpoint, and the options given now must make the same run
 * (every param, the seed, {@code --smoke}); the checkpoint must be whole and match the networks and the
 * data. Each refusal is one line that says what to do instead.
 */
public final class GanResume {
  private GanResume() {}

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
    if (!RunKinds.of(exp.model()).resumes()) {
      throw new UserError("--resume " + runId + ": only GAN runs keep checkpoints to go on from; run it again "
          + "instead (lab reproduce " + run.name() + ")");
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
    Path checkpoint = folder.resolve(Checkpoint.FILE);
    if (!Files.isRegularFile(checkpoint)) {
      Gan spec = options.smoke() ? ((Gan) exp.model()).smoke() : (Gan) exp.model();
      throw new UserError("--resume " + runId + ": that run has no checkpoint (it stopped before step "
          + spec.checkpointEvery() + ", or model.checkpoint_every was 0); start it again instead: " + command);
    }
    Checkpoint.header(checkpoint); // whole and readable, before anything else is done
    return folder;
  }

  /**
   * Checks the checkpoint of {@code folder} against the networks {@code spec} builds and the data, then
   * re-opens the folder for the run to go on from the checkpoint's step.
   */
  public static RunStore open(Path folder, Gan spec, Dataset train) {
    Path file = folder.resolve(Checkpoint.FILE);
    Checkpoint.Header header = Checkpoint.header(file);
    Torch.threads(spec.threads());
    try (NDManager scratch = Torch.manager()) {
      Fingerprint.check(file, header, GanTraining.architecture(spec, train, scratch), Fingerprint.data(train));
    }
    RunFolder run = RunFolder.read(folder);
    RunRecord record = run.record().resumed(header.step());
    return RunStore.resume(folder, record, header.step());
  }

  /** {@code run}'s folder when it is a trial of a sweep that stopped with a checkpoint and was run as {@code trial}. */
  static Optional<Path> resumable(RunFolder run, Trial trial) {
    if (!RunKinds.of(trial.experiment().model()).resumes() || !Files.isRegularFile(run.folder().resolve(Checkpoint.FILE)) || run.status() == RunStatus.FINISHED
        || run.status() == RunStatus.RUNNING) {
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
