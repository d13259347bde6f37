package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./jbang lab new NAME --from own} writes a script that runs with {@code --smoke} as written. */
class NewScriptSmokeTest {
  @Test
  void a_new_script_from_the_own_starter_runs_in_smoke_mode_as_written(@TempDir Path dir) throws Exception {
    Launcher.Result made = Launcher.in(Launcher.ROOT).run("lab", "new", "my_own", "--from", "own", "--dir", dir.toString());
    assertThat(made.exitCode()).as(made.describe()).isZero();
    Path script = dir.resolve("my_own.java");
    assertThat(script).exists();

    Launcher.Result run = Launcher.in(Launcher.ROOT).run(script.toString(), "--smoke", "--out", dir.resolve("out").toString(),
        "--no-site");
    assertThat(run.exitCode()).as(run.describe()).isZero();
    try (var runs = Files.list(dir.resolve("out/runs/my-own"))) {
      assertThat(runs.toList()).hasSize(5); // the comparison's summary and its four models
    }
  }

  /** {@code jbang init -t labkit@<checkout> NAME.java} writes the cnn script under the user's name. */
  @Test
  void jbang_init_with_the_catalogs_template_writes_a_named_script(@TempDir Path dir) throws Exception {
    Launcher.Result made = Launcher.in(dir).run("init", "--template=labkit@" + Launcher.ROOT, "hello.java");
    assertThat(made.exitCode()).as(made.describe()).isZero();
    assertThat(Files.readString(dir.resolve("hello.java"))).contains("class hello implements")
        .contains("experiment(\"hello\")").contains("{@code --set data=cifar10}");
  }
}
