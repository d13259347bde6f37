package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ./jbang} promises: a JDK 25 or one line saying how to get one, scripts run from anywhere. */
class LauncherTest {
  private static final String JDK17 = "/usr/lib/jvm/java-17-openjdk-amd64";

  @Test
  void without_a_jdk_25_it_says_in_one_line_how_to_install_one(@TempDir Path noJdks) throws Exception {
    Launcher.Result r = Launcher.in(noJdks)
        .env("JAVA_HOME", JDK17)
        .env("LABKIT_JDK_SEARCH", noJdks.toString())
        .run("hello.java");

    assertThat(r.exitCode()).as(r.describe()).isNotZero();
    assertThat(r.stdout()).as(r.describe()).isEmpty();
    assertThat(r.stderrLines()).as(r.describe()).singleElement().asString()
        .startsWith("labkit: no JDK 25 or newer found")
        .contains("install one")
        .doesNotContain("Exception");
  }

  @Test
  void runs_a_script_on_the_library_from_another_working_directory(@TempDir Path elsewhere) throws Exception {
    Path script = elsewhere.resolve("probe.java");
    Files.writeString(script, """
        //JAVA 25+
        //DEPS dev.labkit:labkit:0.1.0-SNAPSHOT
        class probe {
          public static void main(String... args) {
            System.out.println("home=" + dev.labkit.ground.Home.dir());
            for (String arg : args) System.out.println("arg=" + arg);
          }
        }
        """);

    Launcher.Result r = Launcher.in(elsewhere).run("probe.java", "two words", "it's", "$HOME", "*");

    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdout().lines()).as(r.describe()).containsExactly(
        "home=" + Launcher.ROOT, "arg=two words", "arg=it's", "arg=$HOME", "arg=*");
  }

  @Test
  void installs_the_library_when_its_stamp_is_stale_and_not_again_when_nothing_changed(@TempDir Path elsewhere)
      throws Exception {
    Path script = elsewhere.resolve("version.java");
    Files.writeString(script, """
        //DEPS dev.labkit:labkit:0.1.0-SNAPSHOT
        class version {
          public static void main(String... args) {
            System.out.println(dev.labkit.ground.Home.class.getSimpleName());
          }
        }
        """);
    Files.deleteIfExists(Launcher.ROOT.resolve(".labkit/lib.stamp"));

    Launcher.Result stale = Launcher.in(elsewhere).run("version.java");
    Launcher.Result current = Launcher.in(elsewhere).run("version.java");

    assertThat(stale.exitCode()).as(stale.describe()).isZero();
    assertThat(stale.stderr()).as(stale.describe()).contains("labkit: building the library");
    assertThat(current.exitCode()).as(current.describe()).isZero();
    assertThat(current.stderr()).as(current.describe()).doesNotContain("building the library");
    assertThat(current.stdout().strip()).isEqualTo("Home");
  }

  /**
   * A second run of an unchanged script skips JBang's own JVM: it execs the command kept from the first run,
   * so it works even when JBang's JVM could not start; editing the script asks JBang again.
   */
  @Test
  void a_warm_run_execs_the_kept_command_and_an_edited_script_is_built_again(@TempDir Path elsewhere)
      throws Exception {
    Path script = elsewhere.resolve("kept.java");
    Files.writeString(script, """
        ///usr/bin/env jbang "$0" "$@" ; exit $?
        class kept {
          public static void main(String... args) {
            System.out.println("first " + String.join("|", args));
          }
        }
        """);
    Launcher.Result cold = Launcher.in(elsewhere).run("kept.java", "a b", "$HOME");
    assertThat(cold.exitCode()).as(cold.describe()).isZero();
    assertThat(cold.stdout()).contains("first a b|$HOME");

    // JBang's JVM cannot start with this option: only the kept command can run the script now
    Launcher.Result warm = Launcher.in(elsewhere).env("JBANG_JAVA_OPTIONS", "-XX:+NoSuchLabkitOption")
        .run("kept.java", "c", "it's");
    assertThat(warm.exitCode()).as(warm.describe()).isZero();
    assertThat(warm.stdout()).contains("first c|it's");

    Files.writeString(script, Files.readString(script).replace("\"first \"", "\"second \""));
    Launcher.Result edited = Launcher.in(elsewhere).run("kept.java", "d");
    assertThat(edited.exitCode()).as(edited.describe()).isZero();
    assertThat(edited.stdout()).contains("second d");
    Launcher.Result broken = Launcher.in(elsewhere).env("JBANG_JAVA_OPTIONS", "-XX:+NoSuchLabkitOption")
        .env("LABKIT_NO_COMMAND_CACHE", "1").run("kept.java", "e");
    assertThat(broken.exitCode()).as("without the kept command JBang's JVM must start").isNotZero();
  }
}
