package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared script runs for someone with a JDK and JBang and nothing of ours: {@code tools/release} builds the
 * release the scripts name into a folder, a loopback server publishes it with the catalog and the scripts as
 * GitHub Pages would (the scripts' {@code //REPOS} default pointed at it, as the real site's URL would be),
 * and JBang alone, with an empty home, an empty local Maven repository and an empty working folder, runs
 * {@code logreg} and {@code gan} from the catalog's URL, then from a course catalog that imports ours.
 * Maven Central is stood in for by a read-only mirror of the repository this build used (settings.xml), with
 * labkit's own folder refused, so that the library can only come from the release.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShareTest {
  static final Pattern REPOS = Pattern.compile("labkit=\\$\\{labkit\\.repo:(https://[^}]+)}");
  static final Pattern VERSION = Pattern.compile("dev\\.labkit:labkit:\\$\\{labkit\\.version:([^}]+)}");

  @TempDir static Path tmp;
  static StaticServer server;
  static JBangAlone jbang;
  static String version;

  @BeforeAll
  static void publish() throws Exception {
    String logreg = Files.readString(Launcher.ROOT.resolve("scripts/logreg.java"));
    version = group(VERSION, logreg);
    String siteRepository = group(REPOS, logreg);
    Path releases = tmp.resolve("maven");
    release(version, releases);
    assertThat(Launcher.in(tmp).run("--version").exitCode()).isZero(); // JBang's jars, as ./jbang fetches them

    Path site = Files.createDirectories(tmp.resolve("site/scripts"));
    Path course = Files.createDirectories(tmp.resolve("course"));
    server = StaticServer.start(Map.of("/", tmp.resolve("site"), "/maven/", releases, "/course/", course,
        "/central/", PrivateRepository.user()), List.of("/central/dev/labkit/"));
    Files.copy(Launcher.ROOT.resolve("jbang-catalog.json"), tmp.resolve("site/jbang-catalog.json"));
    try (Stream<Path> scripts = Files.list(Launcher.ROOT.resolve("scripts"))) {
      for (Path script : scripts.toList()) {
        Files.writeString(site.resolve(script.getFileName()),
            Files.readString(script).replace(siteRepository, server.url("/maven/")));
      }
    }
    Files.writeString(course.resolve("jbang-catalog.json"), """
        {
          "catalogs": {
            "labkit": { "catalog-ref": "%s", "import": true }
          },
          "aliases": {}
        }
        """.formatted(server.url("/jbang-catalog.json")));
    Path home = Files.createDirectories(tmp.resolve("home/.m2"));
    Files.writeString(home.resolve("settings.xml"), """
        <settings><mirrors><mirror>
          <id>loopback-central</id><mirrorOf>central</mirrorOf><url>%s</url>
        </mirror></mirrors></settings>
        """.formatted(server.url("/central/")));
    jbang = new JBangAlone(Files.createDirectories(tmp.resolve("jbang")), Files.createDirectories(tmp.resolve("m2")),
        tmp.resolve("home"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void logreg_and_gan_run_from_the_catalogs_url_with_nothing_of_ours() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work")).toRealPath();
    for (String alias : List.of("logreg", "gan")) {
      JBangAlone.Result r = jbang.run(work, alias + "@" + server.url("/jbang-catalog.json"), "--smoke");
      assertRanHere(r, work, alias + "-fashion");
    }
    assertThat(Files.readString(tmp.resolve("m2/dev/labkit/labkit/" + version + "/_remote.repositories")))
        .as("the library came from the release repository").contains("labkit-" + version + ".jar>labkit=");
    assertThat(server.requests()).anyMatch(r -> r.equals("200 /maven/dev/labkit/labkit/" + version + "/labkit-" + version + ".jar"))
        .noneMatch(r -> r.startsWith("200 /central/dev/labkit/"));
  }

  @Test
  @Order(2)
  void a_course_catalog_that_imports_ours_runs_them_too() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("course/work")).toRealPath(); // the course catalog is the nearest
    for (String alias : List.of("logreg", "gan")) {
      assertRanHere(jbang.run(work, alias, "--smoke"), work, alias + "-fashion");
    }
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    JBangAlone.Result remote = jbang.run(elsewhere, "gan@labkit@" + server.url("/course/jbang-catalog.json"), "--help");
    assertThat(remote.exitCode()).as(remote.describe()).isZero();
    assertThat(remote.stdout()).contains("--smoke");
  }

  @Test
  @Order(3)
  void jbang_app_install_makes_a_command_of_an_alias() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("app")).toRealPath();
    JBangAlone.Result install = jbang.run(work, "app", "install", "--name", "lab-logreg",
        "logreg@" + server.url("/jbang-catalog.json"));
    assertThat(install.exitCode()).as(install.describe()).isZero();
    JBangAlone.Result r = jbang.runInstalled(work, "lab-logreg", "--help");
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdout()).as(r.describe()).contains("Usage: logreg").contains("--smoke");
  }

  @Test
  @Order(4)
  void a_version_the_repository_lacks_names_it() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("lacking"));
    JBangAlone.Result r = jbang.run(work, "-Dlabkit.version=99.0.0", "logreg@" + server.url("/jbang-catalog.json"), "--help");
    assertThat(r.exitCode()).as(r.describe()).isNotZero();
    assertThat(r.stderr()).as(r.describe()).contains("dev.labkit:labkit:jar:99.0.0");
  }

  /** Exit 0, the first line says where, and the run folder and the site are in the working folder. */
  static void assertRanHere(JBangAlone.Result r, Path work, String experiment) throws IOException {
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdout()).as(r.describe()).contains("(no checkout): runs → " + work.resolve("data/runs")
        + ", site → " + work.resolve("site"));
    try (Stream<Path> runs = Files.list(work.resolve("data/runs").resolve(experiment))) {
      assertThat(runs.filter(run -> Files.isRegularFile(run.resolve("run.json")))).as(experiment + " run folders").isNotEmpty();
    }
    assertThat(work.resolve("site/index.html")).isRegularFile();
  }

  static void release(String version, Path into) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(Launcher.ROOT.resolve("tools/release").toString(), version, "--into",
        into.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("release.log").toFile());
    builder.environment().put("MAVEN_ARGS", "-Dmaven.repo.local=" + PrivateRepository.user());
    Process process = builder.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("tools/release finished").isTrue();
    assertThat(process.exitValue()).as(Files.readString(tmp.resolve("release.log"))).isZero();
    assertThat(into.resolve("dev/labkit/labkit/" + version + "/labkit-" + version + ".jar.sha1")).isRegularFile();
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as(pattern.pattern()).isTrue();
    return m.group(1);
  }
}
