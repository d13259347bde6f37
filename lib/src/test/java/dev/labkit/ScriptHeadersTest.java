package dev.labkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.ground.LabkitVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every script of the catalog (and the {@code jbang init} template) names the same labkit release and
 * repository, so that one shared script runs for someone with JBang alone, and {@code ./jbang} can swap in
 * the checkout's build through the same two properties.
 */
class ScriptHeadersTest {
  static final Pattern REPOS = Pattern.compile("(?m)^//REPOS central,labkit=\\$\\\\?\\{labkit\\.repo:(https://[^}]+/maven/)}$");
  static final Pattern DEPS = Pattern.compile("(?m)^//DEPS dev\\.labkit:labkit:\\$\\\\?\\{labkit\\.version:(\\d+\\.\\d+\\.\\d+)}$");

  @Test
  void everyScriptNamesOneReleaseAndOneRepositoryThroughTheLaunchersProperties() throws IOException {
    List<Path> files;
    try (Stream<Path> scripts = Files.list(Path.of("..", "scripts"));
        Stream<Path> examples = Files.list(Path.of("..", "smoke", "examples"))) {
      files = Stream.of(scripts, examples, Stream.of(Path.of("..", "jbang-templates", "labkit.java.qute")))
          .flatMap(s -> s).filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".qute")).sorted()
          .toList();
    }
    TreeSet<String> urls = new TreeSet<>();
    TreeSet<String> versions = new TreeSet<>();
    for (Path file : files) {
      String text = Files.readString(file);
      Matcher repos = REPOS.matcher(text);
      Matcher deps = DEPS.matcher(text);
      assertThat(repos.find()).as(file + " has //REPOS central,labkit=${labkit.repo:…/maven/}").isTrue();
      assertThat(deps.find()).as(file + " has //DEPS dev.labkit:labkit:${labkit.version:X.Y.Z}").isTrue();
      assertThat(text).as(file + " names no SNAPSHOT").doesNotContain("labkit:0.1.0-SNAPSHOT");
      urls.add(repos.group(1));
      versions.add(deps.group(1));
    }
    assertThat(files).hasSizeGreaterThan(10);
    assertThat(urls).as("one labkit repository").hasSize(1);
    assertThat(versions).as("one labkit release").hasSize(1);
    // the checkout is that release or newer, so ./jbang's -Dlabkit.version=<checkout> gives scripts what they need
    String checkout = LabkitVersion.current();
    assertThat(LabkitVersion.atLeast(checkout, versions.first())).as(checkout + " ≥ " + versions.first()).isTrue();
  }
}
