package dev.labkit.run;

import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.LogisticRegression;
import java.nio.file.Path;

/** The process {@link KillNineTest} kills: a small sweep into {@code args[0]}, logging a line a solver iteration. */
public final class KillNineChild {
  private KillNineChild() {}

  public static void main(String[] args) {
    Experiment exp = new ExperimentStart("killed").data(new BlobData(1500, 300)).model(LogisticRegression.defaults())
        .evaluate(new Evaluation.Accuracy());
    System.out.println("started");
    Runner.execute(exp, LabOptions.of(Path.of(args[0])).noSite(true).sweep("model.c=0.01,0.1,1,10"), System.out);
  }
}
