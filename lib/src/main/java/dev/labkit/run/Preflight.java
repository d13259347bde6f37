package dev.labkit.run;

import dev.labkit.data.DataSpec;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.RegressionDataSpec;
import dev.labkit.ground.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every trial of a sweep or comparison would hit, checked once before the first one starts: the output
 * folder can be written, and each distinct data set the trials use loads. Such an error is one line (exit 2)
 * with no sweep header, no trial started and no run folder written; errors of one trial (divergence at some
 * learning rate) are the trial's own and the sweep goes on. The data loaded here is kept in {@code cache}
 * for the trials run in this JVM.
 */
final class Preflight {
  private Preflight() {}

  static void check(List<Trial> trials, Settings options, DataCache cache) {
    writable(options.runsDir());
    Set<Object> seen = new LinkedHashSet<>();
    for (Trial trial : trials) {
      var exp = trial.experiment();
      DataSpec<?> data = exp.data();
      boolean regression = RunKinds.of(exp.model()).name().equals("regress") && data instanceof RegressionDataSpec<?>;
      if (!seen.add(List.of(data, exp.seed(), regression))) {
        continue;
      }
      if (regression) { // a regression trial loads its own data each time (cheap): only see that it loads
        ((RegressionDataSpec<?>) data).loadRegression(new LoadOptions(options.smoke(), exp.seed(), line -> { }));
      } else if (!RunKinds.of(exp.model()).name().equals("regress")) {
        cache.load(data, exp.seed(), event -> { });
      }
    }
  }

  /** The runs folder exists or can be made, and a file can be written in it. */
  static void writable(Path runsDir) {
    try {
      Files.createDirectories(runsDir);
      Files.delete(Files.createTempFile(runsDir, ".write-check-", ".tmp"));
    } catch (IOException e) {
      throw new UserError("cannot write run folders under " + runsDir + " (" + UserError.reason(e)
          + "); choose a writable folder with --out DIR", e);
    }
  }
}
