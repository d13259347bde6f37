package dev.labkit;

import dev.labkit.cli.LabOptions;
import dev.labkit.ground.UserError;
import dev.labkit.run.Experiment;
import java.util.Arrays;
import java.util.List;

/**
 * {@link Lab#runAll}: several experiments of one script run in order, or the one {@code --experiment} names;
 * their names are checked first, so that a duplicate or an unknown name is one line before anything runs.
 */
final class SeveralExperiments {
  private SeveralExperiments() {}

  static int run(LabOptions options, Experiment... experiments) {
    List<String> names = Arrays.stream(experiments).map(Experiment::name).toList();
    for (String name : names) {
      if (names.indexOf(name) != names.lastIndexOf(name)) {
        throw new UserError("two experiments of this script are named " + name + "; give each its own name "
            + "(experiment.named(\"" + name + "-…\")) so that their runs and --experiment tell them apart");
      }
    }
    if (options.experiment() != null && !names.contains(options.experiment())) {
      throw new UserError("--experiment " + options.experiment() + ": this script has no such experiment; it runs "
          + String.join(", ", names));
    }
    int worst = 0;
    try {
      for (Experiment each : experiments) {
        if (options.experiment() == null || options.experiment().equals(each.name())) {
          options.runningOneOfSeveral(each.name());
          worst = Math.max(worst, each.run(options));
        }
      }
    } finally {
      options.runningOneOfSeveral(null);
    }
    return worst;
  }
}
