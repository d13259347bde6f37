package dev.labkit.cli;

import dev.labkit.ground.Home;
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
 */
public final class ScriptCommand {
  private ScriptCommand() {}

  public static int execute(Object command, PrintStream err, String... args) {
    CommandLine cmd = new CommandLine(command);
    Path script = scriptOf(command);
    for (CommandLine.Model.CommandSpec mixin : cmd.getCommandSpec().mixins().values()) {
      if (mixin.userObject() instanceof LabOptions options) {
        options.invokedAs(script, List.of(args));
      }
    }
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
