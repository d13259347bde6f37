package dev.labkit.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog is the list of example scripts, and every one of them runs in the tests.
 *
 * <p>Convention: an alias is run as {@code ./jbang <alias> --smoke --out <temp dir>} (every script
 * shares the {@code --smoke} and {@code --out} options). An alias that needs other arguments, such as
 * a subcommand, lists them in {@link #SMOKE_ARGS}, with {@code {out}} standing for the temp dir.
 * An alias whose script is not there yet is reported as skipped, with the reason.
 *
 * <p>Every alias writes into one folder ({@link #out}), and after them the site over all their runs is
 * opened in Chromium ({@link SmokeSite}): the runs are made once, so the tests run in order.
 *
 * <p>The JSON reader is Jackson 3, which the library brings (through Smile).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogTest {
  /** The one --out folder of every alias's run, then of the site built over them all. */
  @TempDir static Path out;
  /** Chromium's profile and the live server's site, apart from {@link #out}. */
  @TempDir static Path work;

  static final List<String> DEFAULT_ARGS = List.of("--smoke", "--out", "{out}");
  static final Map<String, List<String>> SMOKE_ARGS = Map.of(
      "site", List.of("build", "--out", "{out}"),
      "lab", List.of("runs", "--out", "{out}"));

  private static final Path CATALOG = Launcher.ROOT.resolve("jbang-catalog.json");

  /** alias → script-ref, in catalog order. */
  static Map<String, String> aliases() {
    JsonNode aliases = JsonMapper.builder().build().readTree(CATALOG.toFile()).path("aliases");
    Map<String, String> result = new LinkedHashMap<>();
    aliases.properties().forEach(e -> result.put(e.getKey(), e.getValue().path("script-ref").asString()));
    return result;
  }

  @Test
  void every_alias_has_a_script_ref_and_a_description() {
    JsonNode aliases = JsonMapper.builder().build().readTree(CATALOG.toFile()).path("aliases");
    assertThat(aliases.size()).isPositive();
    aliases.properties().forEach(e -> {
      assertThat(e.getValue().path("script-ref").asString()).as(e.getKey() + ".script-ref").startsWith("scripts/");
      assertThat(e.getValue().path("description").asString()).as(e.getKey() + ".description").isNotBlank();
    });
  }

  /**
   * From any folder, {@code ./jbang <alias>@<checkout>} finds the alias. Also guards the gson pin in
   * tools/jbang/pom.xml: with the gson Maven picks by itself, JBang lists no alias at all.
   */
  @Test
  void jbang_finds_every_alias_as_alias_at_checkout_from_another_folder(@TempDir Path elsewhere) throws Exception {
    Launcher.Result r = Launcher.in(elsewhere).run("alias", "list", "--format=json", Launcher.ROOT.toString());

    assertThat(r.exitCode()).as(r.describe()).isZero();
    Map<String, String> found = new LinkedHashMap<>();
    JsonMapper.builder().build().readTree(r.stdout())
        .forEach(a -> found.put(a.path("fullName").asString(), a.path("scriptRef").asString()));
    Map<String, String> expected = new LinkedHashMap<>();
    aliases().forEach((name, ref) -> expected.put(name + "@" + Launcher.ROOT, Launcher.ROOT.resolve(ref).toString()));
    assertThat(found).as(r.describe()).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @TestFactory
  @Order(1)
  Stream<DynamicTest> every_alias_runs_in_smoke_mode() {
    return aliases().entrySet().stream().map(alias -> DynamicTest.dynamicTest(alias.getKey(), () -> {
      Path script = Launcher.ROOT.resolve(alias.getValue());
      if (!Files.isRegularFile(script)) {
        // surefire's console shows only counts; say here which alias was skipped and why
        String reason = "catalog alias " + alias.getKey() + " skipped: " + alias.getValue() + " does not exist yet";
        System.out.println("[skipped] " + reason);
        assumeTrue(false, reason);
      }
      Path dir = Files.createDirectories(out);
      List<String> args = new ArrayList<>(List.of(alias.getKey()));
      SMOKE_ARGS.getOrDefault(alias.getKey(), DEFAULT_ARGS)
          .forEach(a -> args.add(a.replace("{out}", dir.toString())));

      Launcher.Result r = Launcher.in(Launcher.ROOT).run(args.toArray(String[]::new));

      assertThat(r.exitCode()).as("./jbang " + String.join(" ", args) + "\n" + r.describe()).isZero();
    }));
  }

  @Test
  @Order(2)
  void every_chart_of_the_smoke_site_draws_marks() throws Exception {
    SmokeSite.checkCharts(out, work.resolve("charts"));
  }

  @Test
  @Order(3)
  void no_element_of_the_smoke_site_is_wider_than_the_content_column() throws Exception {
    SmokeSite.checkWidths(out, work.resolve("widths"));
  }

  @Test
  @Order(4)
  void chart_and_table_downloads_work_from_file_and_from_site_serve() throws Exception {
    SmokeSite.checkDownloads(out, work.resolve("downloads"));
  }
}
