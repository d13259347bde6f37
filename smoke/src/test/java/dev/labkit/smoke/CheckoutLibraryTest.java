package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts name a release for users of JBang alone, but {@code ./jbang} runs them on the library built from
 * this checkout: the script below asks for a release that exists nowhere (0.0.1, from a repository that does
 * not answer), and still runs, on the jar {@code ./jbang} installed from lib/, with a class only the checkout has.
 */
class CheckoutLibraryTest {
  @Test
  void a_script_naming_a_release_runs_on_the_freshly_built_library(@TempDir Path elsewhere) throws Exception {
    Files.writeString(elsewhere.resolve("which.java"), """
        //JAVA 25+
        //REPOS central,labkit=${labkit.repo:http://127.0.0.1:9/no-such-repository/}
        //DEPS dev.labkit:labkit:${labkit.version:0.0.1}
        class which {
          public static void main(String... args) {
            System.out.println("version=" + dev.labkit.ground.LabkitVersion.current());
            System.out.println("jar=" + dev.labkit.Lab.class.getProtectionDomain().getCodeSource().getLocation().getPath());
          }
        }
        """);

    Launcher.Result r = Launcher.in(elsewhere).run("which.java");

    String pom = Files.readString(Launcher.ROOT.resolve("pom.xml"));
    String checkout = pom.replaceFirst("(?s).*?<version>([^<]+)</version>.*", "$1");
    Path installed = PrivateRepository.of(Launcher.ROOT).resolve("dev/labkit/labkit/" + checkout);
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdout().lines()).as(r.describe()).contains("version=" + checkout)
        .anyMatch(line -> line.startsWith("jar=" + installed));
  }
}
