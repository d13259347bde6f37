package dev.labkit.run;

import dev.labkit.ground.UserError;
import dev.labkit.store.RunFolder;
import dev.labkit.store.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * What an earlier, unfinished run of a sweep left ({@code --resume SWEEP_ID}): its summary folder and
 * the runs that finished, by run number (the trial's number; with {@code --repeat N}, {@link Repeats}'s). The options given now must make the same trials as then
 * (same count, same swept keys, same values for every finished trial); otherwise resuming would mix
 * two different sweeps, and it stops with the command the sweep was first run with. A GAN trial that
 * stopped with a checkpoint, and ran with the values it is given now, goes on from it in its own folder
 * ({@code resumable}); any other unfinished trial runs again from the start in a new one.
 */
record SweepResume(Path summaryFolder, Map<Integer, Outcome> finished, Map<Integer, Path> resumable) {

  static SweepResume find(Path runsDir, String experiment, String sweepId, Repeats repeats, List<String> keys) {
    List<Trial> trials = repeats.trials();
    Path experimentDir = runsDir.resolve(experiment);
    Path summaryFolder = experimentDir.resolve(sweepId);
    if (!sweepId.matches("[0-9]{8}-[0-9]{6}-[0-9a-f]{4}") || !Files.isDirectory(summaryFolder)) {
      throw new UserError("--resume " + sweepId + ": no sweep of that id under " + experimentDir
          + "; give the id the sweep printed (sweep <id>), with the same --out as then");
    }
    RunFolder summary = RunFolder.read(summaryFolder);
    if (summary.status() == RunStatus.RUNNING && summary.owner() != null) { // its process lives: two would write one sweep
      throw new UserError("--resume " + sweepId + ": that sweep is still running (" + summary.owner()
          + "); wait for it to end or stop it first");
    }
    JsonNode info = summary.json().path("sweep");
    List<String> before = info.path("keys").valueStream().map(JsonNode::asString).toList();
    String again = "resume with the options of its first run: " + RunFolder.text(summary.provenance().path("command"), "?");
    if (summary.trial() != 0 || info.path("trials").asInt() != trials.size() || !before.equals(keys)) {
      throw new UserError("--resume " + sweepId + ": that sweep had " + info.path("trials").asInt() + " trials over "
          + before + ", these options make " + trials.size() + " over " + keys + "; " + again);
    }
    int seedsBefore = Math.max(1, info.path("repeats").asInt(0));
    if (seedsBefore != repeats.n()) {
      throw new UserError("--resume " + sweepId + ": that sweep ran each trial with " + seedsBefore + " seed(s), these "
          + "options give " + repeats.n() + "; " + again);
    }
    Map<Integer, Outcome> finished = new TreeMap<>();
    Map<Integer, Path> resumable = new TreeMap<>();
    for (RunFolder run : trialsOf(experimentDir, sweepId)) {
      int repeat = Math.max(1, run.json().path("sweep").path("repeat").asInt(0));
      if (run.trial() < 1 || run.trial() > trials.size() || repeat > repeats.n()) {
        continue;
      }
      int number = repeats.run(run.trial(), repeat); // the trial's repeat: the same numbering as the first run
      Trial trial = repeats.trial(number);
      if (run.status() != RunStatus.FINISHED) { // interrupted, failed or still running: it runs again, or goes on
        RunResume.resumable(run, trial).ifPresent(folder -> resumable.put(number, folder));
        continue;
      }
      trial.assignment().forEach((key, value) -> {
        if (!same(run.params().path(key), value)) {
          throw new UserError("--resume " + sweepId + ": trial " + run.trial() + " ran with " + key + "="
              + RunFolder.text(run.params().path(key), "?") + ", these options give it " + value + "; " + again);
        }
      });
      finished.put(number, new Outcome(trial, run.folder(), run.metrics()));
    }
    finished.keySet().forEach(resumable::remove);
    return new SweepResume(summaryFolder, finished, resumable);
  }

  /** Every readable trial folder of the sweep (summary excluded), in id order. */
  static List<RunFolder> trialsOf(Path experimentDir, String sweepId) {
    try (Stream<Path> folders = Files.list(experimentDir)) {
      return folders.sorted().map(RunFolder::tryRead).flatMap(java.util.Optional::stream)
          .filter(run -> sweepId.equals(run.sweepId()) && run.trial() > 0).toList();
    } catch (IOException e) {
      throw new UserError("cannot list " + experimentDir + ": " + e.getMessage(), e);
    }
  }

  /** A recorded param against a value as --set writes it or as a spec holds it: numbers compare as numbers (10 is 10.0). */
  static boolean same(JsonNode recorded, Object value) {
    if (recorded.isNumber()) {
      try {
        return recorded.asDouble() == (value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString()));
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return RunFolder.text(recorded, "").equals(String.valueOf(value));
  }
}
