package dev.labkit.run;

import dev.labkit.ground.Axis;
import dev.labkit.ground.Json;
import dev.labkit.ground.RandomPoints;
import dev.labkit.ground.UserError;
import dev.labkit.store.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The trials a command line asks for: the script's own sweeps, crossed with every {@code --sweep} grid,
 * or with {@code --random N} draws over the {@code --sweep} ranges. Every value is checked against the
 * experiment before anything runs, so a key it does not have is an error up front. Each trial carries
 * the sweep's axes (typed values and scales), which run.json records.
 */
final class CliSweeps {
  private CliSweeps() {}

  static List<Trial> trials(Experiment exp, SettingsSource source) {
    Settings options = source.settings();
    if (options.parallel() < 1) {
      throw new UserError("--parallel needs K ≥ 1 worker processes, got " + options.parallel());
    }
    List<SweepRange> ranges = options.sweeps().stream().map(SweepRange::parse).toList();
    return options.random() == null ? grid(exp, ranges) : random(exp, ranges, options.random());
  }

  /** Each --sweep replaces the script's sweep of the same key, or crosses with the others. */
  private static List<Trial> grid(Experiment exp, List<SweepRange> ranges) {
    Experiment swept = exp;
    for (SweepRange range : ranges) {
      range.grid(); // a range without a count says so here
      Axis axis = range.axis();
      Experiment previous = swept;
      swept = checked(range, () -> previous.sweep(range.key(), axis));
    }
    List<Axis> axes = axes(swept);
    return swept.trials().stream().map(trial -> trial.withAxes(axes)).toList();
  }

  /** The axes of an experiment's trials: the compared models (a category), then every sweep. */
  private static List<Axis> axes(Experiment exp) {
    List<Axis> axes = new ArrayList<>();
    if (!exp.compared().isEmpty()) {
      axes.add(Axis.of("model", exp.compared().stream().map(m -> (Object) m.name()).toArray()));
    }
    exp.sweeps().forEach(sweep -> axes.add(sweep.axis()));
    return axes;
  }

  /**
   * {@code n} seeded draws ({@link RandomPoints}, the one random search), one value of every --sweep key
   * each, crossed with the script's sweeps over other keys. The draws come from
   * {@code java.util.Random(seed)}, so the same seed draws the same trials (which is what lets --resume
   * find them again).
   */
  private static List<Trial> random(Experiment exp, List<SweepRange> ranges, int n) {
    if (n < 1) {
      throw new UserError("--random needs N ≥ 1 draws, got " + n);
    }
    if (ranges.isEmpty()) {
      throw new UserError("--random " + n + " draws over --sweep ranges, and none was given; add e.g. "
          + "--sweep model.c=log:0.01..10");
    }
    List<Axis> ranged = ranges.stream().map(SweepRange::axis).toList();
    List<Map<String, String>> draws = RandomPoints.draw(ranged, n, new Random(exp.seed()), point -> {
      Map<String, String> draw = new LinkedHashMap<>();
      for (int i = 0; i < ranges.size(); i++) {
        String key = ranges.get(i).key();
        draw.put(key, ranged.get(i).textOf(ranges.get(i).rounded(point.get(key))));
      }
      return draw;
    }).accepted();
    Experiment base = exp;
    for (SweepRange range : ranges) { // setting a key replaces the script's sweep of it by one value
      Experiment previous = base;
      base = checked(range, () -> previous.with(range.key(), draws.getFirst().get(range.key())));
    }
    List<Axis> axes = axes(base);
    for (Axis axis : ranged) { // the values drawn, with the range's scale
      axes.add(axis.withValues(draws.stream().map(d -> typed(d.get(axis.key()))).distinct().toList()));
    }
    List<Trial> trials = new ArrayList<>();
    for (Trial trial : base.trials()) {
      for (Map<String, String> draw : draws) {
        Experiment one = trial.experiment();
        Map<String, String> assignment = new LinkedHashMap<>(trial.assignment());
        for (SweepRange range : ranges) {
          Experiment previous = one;
          one = checked(range, () -> previous.with(range.key(), draw.get(range.key())));
          assignment.put(range.key(), draw.get(range.key()));
        }
        trials.add(new Trial(one, assignment, axes));
      }
    }
    return trials;
  }

  private static Object typed(String text) {
    Object number = Axis.number(text);
    return number == null ? text : number;
  }

  /** The place in a sweep a worker process was given ({@code --trial-of}), or null for a run on its own. */
  static RunRecord.SweepInfo attachedTrial(Settings options) {
    String spec = options.trialOf();
    if (spec == null) {
      return null;
    }
    String[] parts = spec.split(":", -1);
    try {
      RunRecord.SweepInfo info = new RunRecord.SweepInfo(parts[0], Integer.parseInt(parts[1]),
          Integer.parseInt(parts[2]), parts.length < 4 || parts[3].isEmpty() ? List.of()
              : List.of(parts[3].split(parts[3].contains(";") ? ";" : ",")), // ";" when a key is tied (a,b)
          recordedAxes(options.runsDir(), parts[0]));
      return parts.length < 6 ? info : info.repeated(Integer.parseInt(parts[4]), Integer.parseInt(parts[5]));
    } catch (RuntimeException e) {
      throw new UserError("--trial-of takes SWEEP_ID:TRIAL:TRIALS:KEYS[:REPEAT:REPEATS] (set by a sweep for its "
          + "workers), got '" + spec + "'");
    }
  }

  /**
   * The axes the sweep's summary run recorded ({@code <runs>/<experiment>/<sweep id>/run.json}, written
   * before any trial starts), so a trial run by a worker process records them too; empty when not found.
   */
  static Map<String, Map<String, Object>> recordedAxes(Path runsDir, String sweepId) {
    try (Stream<Path> experiments = Files.list(runsDir)) {
      for (Path summary : experiments.map(e -> e.resolve(sweepId).resolve("run.json")).filter(Files::isRegularFile)
          .toList()) {
        JsonNode axes = Json.MAPPER.readTree(summary.toFile()).path("sweep").path("axes");
        if (axes.isObject()) {
          Map<String, Map<String, Object>> out = new LinkedHashMap<>();
          for (var entry : axes.properties()) {
            out.put(entry.getKey(), Json.MAPPER.convertValue(entry.getValue(), new TypeReference<Map<String, Object>>() {}));
          }
          return out;
        }
      }
    } catch (IOException | RuntimeException e) {
      // no summary to read (a sweep by an older version, a moved folder): the trial records no axes
    }
    return Map.of();
  }

  /** Runs a step that checks a sweep's values, naming the --sweep option in any error. */
  private static Experiment checked(SweepRange range, Supplier<Experiment> step) {
    try {
      return step.get();
    } catch (UserError e) {
      throw new UserError("--sweep " + range.key() + ": " + e.getMessage(), e);
    }
  }
}
