package dev.labkit.cli;

import dev.labkit.ground.Home;
import dev.labkit.ground.LabkitVersion;
import dev.labkit.ground.UserError;
import dev.labkit.store.Provenance;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * How a script's picocli command runs ({@code Lab.cli}): its {@link LabOptions} learn which script file
 * and arguments they came from (for provenance and the re-run command), and user mistakes
 * ({@link UserError}, bad options) print one line on stderr with no stack trace and exit with 2; when the
 * error came from the script's own code, the frames of that code follow ({@link UserFrames}).
 * Outside a checkout the first line printed says where runs, the report and downloads go.
 */
public final class ScriptCommand {
  private ScriptCommand() {}

  public static int execute(Object command, PrintStream err, String... args) {
    CommandLine cmd = new CommandLine(command);
    Path script = scriptOf(command);
    LabOptions labOptions = null;
    for (CommandLine.Model.CommandSpec mixin : cmd.getCommandSpec().mixins().values()) {
      if (mixin.userObject() instanceof LabOptions options) {
        options.invokedAs(script, List.of(args));
        labOptions = options;
      }
    }
    LabOptions announced = labOptions;
    cmd.setExecutionStrategy(parsed -> {
      if (announced != null && !Home.checkout() && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested()) {
        System.out.println(whereOutsideACheckout(announced.runsDir(), announced.siteDir(), Home.cache()));
      }
      return new CommandLine.RunLast().execute(parsed);
    });
    if (cmd.getCommandSpec().version().length == 0) {
      cmd.getCommandSpec().version("labkit " + Provenance.currentLabkitVersion());
    }
    String name = cmd.getCommandName();
    cmd.setParameterExceptionHandler((e, ignored) -> {
      err.println(name + ": " + e.getMessage() + " (see --help)");
      return 2;
    });
    cmd.setExecutionExceptionHandler((e, ignored, parsed) -> {
      if (e instanceof UserError user) {
        err.println(name + ": " + user.getMessage());
        UserFrames.of(user).forEach(err::println); // where in the script's own code (a metric, a loss, a fit)
        return user.exitCode();
      }
      throw e;
    });
    return cmd.execute(args);
  }

  /**
   * The first line of a script run outside a checkout (JBang alone, from a catalog or a URL): where its runs,
   * its report and the datasets it downloads go, since no checkout decides it.
   */
  static String whereOutsideACheckout(Path runs, Path site, Path cache) {
    return "labkit " + LabkitVersion.current() + " (no checkout): runs → " + runs + ", site → " + site
        + ", datasets → " + cache.resolve("datasets") + " (--out DIR moves runs and site)";
  }

  /** The script file of a command: scripts/<class name>.java (or its kebab-case form) in the checkout, or $LABKIT_SCRIPT. */
  private static Path scriptOf(Object command) {
    String name = command.getClass().getSimpleName();
    for (String file : List.of(name, name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT))) {
      Path conventional = Home.dir().resolve("scripts").resolve(file + ".java"); // class ganSweep: gan-sweep.java
      if (Files.isRegularFile(conventional)) {
        return conventional;
      }
    }
    String env = System.getenv("LABKIT_SCRIPT");
    return env == null || env.isBlank() ? null : Path.of(env).toAbsolutePath();
  }
}
