package dev.labkit.run;

import dev.labkit.cli.LabOptions;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.LogisticRegression;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * The script {@link ConsoleTerminalTest} watches: a small sweep with the console a person gets
 * ({@code Runner.run}), its runs into {@code args[0]}, the rest of {@code args} parsed as a script's options.
 */
public final class ConsoleChild {
  private ConsoleChild() {}

  public static void main(String[] args) {
    Experiment exp = new ExperimentStart("watched").data(new BlobData(3000, 300)).model(LogisticRegression.defaults())
        .validation(0.1).evaluate(new Evaluation.Accuracy());
    LabOptions options = LabOptions.of(Path.of(args[0]));
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    new CommandLine(options).parseArgs(rest.toArray(String[]::new));
    options.invokedAs(Path.of("scripts/watched.java"), rest);
    System.exit(Runner.run(exp, options));
  }
}
