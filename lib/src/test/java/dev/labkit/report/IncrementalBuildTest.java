package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

/**
 * A rebuild re-renders only what changed. To see whether a page was rendered again, the tests mark
 * it (a comment appended to the file): a page that was not re-rendered keeps the mark.
 */
class IncrementalBuildTest extends SiteFolders {
  static final String OLD = "20261126-213000-1a2b";
  static final String NEW = "20261126-223000-3c4d";
  static final String MARK = "<!-- untouched -->";

  @Test
  void a_new_run_is_rendered_and_an_untouched_runs_page_is_not_rewritten() throws IOException {
    Fixtures.finishedRun(runs(), "e", OLD);
    SiteGenerator.build(runs(), site(), warnings::add);
    Path oldPage = SiteGenerator.runPage(site(), "e", OLD);
    mark(oldPage);
    FileTime before = Files.getLastModifiedTime(oldPage);

    Fixtures.finishedRun(runs(), "e", NEW);
    SiteGenerator.build(runs(), site(), warnings::add);

    assertThat(Files.readString(oldPage)).endsWith(MARK);
    assertThat(Files.getLastModifiedTime(oldPage)).isEqualTo(before);
    assertThat(SiteGenerator.runPage(site(), "e", NEW)).exists();
    assertThat(Files.readString(SiteGenerator.experimentPage(site(), "e"))).contains(OLD, NEW);
    assertThat(Files.readString(site().resolve("index.html"))).contains(OLD, NEW);
  }

  @Test
  void a_run_whose_folder_changed_is_rendered_again() throws IOException {
    Path run = Fixtures.runningRun(runs(), "e", OLD);
    SiteGenerator.build(runs(), site(), warnings::add);
    Path page = SiteGenerator.runPage(site(), "e", OLD);
    mark(page);

    Files.writeString(run.resolve("summary.json"), "{\"metrics\": {\"test/accuracy\": 0.9123}, \"headline\": \"test/accuracy\"}");
    SiteGenerator.build(runs(), site(), warnings::add);

    assertThat(Files.readString(page)).doesNotContain(MARK).contains("0.9123");
    assertThat(Files.readString(SiteGenerator.experimentPage(site(), "e"))).contains("0.9123");
  }

  @Test
  void an_unchanged_experiments_page_is_not_rendered_again() throws IOException {
    Fixtures.finishedRun(runs(), "a", OLD);
    Fixtures.finishedRun(runs(), "b", OLD);
    SiteGenerator.build(runs(), site(), warnings::add);
    mark(SiteGenerator.experimentPage(site(), "a"));
    mark(SiteGenerator.experimentPage(site(), "b"));

    Fixtures.finishedRun(runs(), "b", NEW);
    SiteGenerator.build(runs(), site(), warnings::add);

    assertThat(Files.readString(SiteGenerator.experimentPage(site(), "a"))).endsWith(MARK);
    assertThat(Files.readString(SiteGenerator.experimentPage(site(), "b"))).doesNotContain(MARK).contains(NEW);
  }

  @Test
  void the_manifest_lists_every_run_folder_with_its_fingerprint() throws IOException {
    Fixtures.finishedRun(runs(), "e", OLD);
    Fixtures.runningRun(runs(), "e", NEW);
    SiteGenerator.build(runs(), site(), warnings::add);

    SiteManifest manifest = SiteManifest.read(site());

    assertThat(manifest).isNotNull();
    assertThat(manifest.runs()).containsOnlyKeys("e/" + OLD, "e/" + NEW);
    assertThat(manifest.generator()).isEqualTo(SiteManifest.ofGenerator());
  }

  @Test
  void a_site_from_another_generator_or_without_a_manifest_is_rebuilt_in_full() throws IOException {
    Fixtures.finishedRun(runs(), "e", OLD);
    SiteGenerator.build(runs(), site(), warnings::add);
    Path page = SiteGenerator.runPage(site(), "e", OLD);
    mark(page);
    new SiteManifest("an older labkit", SiteManifest.read(site()).runs()).write(site());

    SiteGenerator.build(runs(), site(), warnings::add);
    assertThat(Files.readString(page)).doesNotContain(MARK);

    mark(page);
    Files.delete(site().resolve(SiteManifest.FILE));
    SiteGenerator.build(runs(), site(), warnings::add);
    assertThat(Files.readString(page)).doesNotContain(MARK);
  }

  @Test
  void a_run_that_became_unreadable_loses_its_page_and_the_last_run_of_an_experiment_its_experiment_page()
      throws IOException {
    Path run = Fixtures.finishedRun(runs(), "e", OLD);
    SiteGenerator.build(runs(), site(), warnings::add);

    Fixtures.write(run.resolve("run.json"), "{damaged");
    SiteGenerator.build(runs(), site(), warnings::add);

    assertThat(SiteGenerator.runPage(site(), "e", OLD)).doesNotExist();
    assertThat(SiteGenerator.experimentPage(site(), "e")).doesNotExist();
    assertThat(Files.readString(site().resolve("index.html"))).doesNotContain(OLD);
  }

  @Test
  void an_incremental_build_gives_the_same_bytes_as_a_full_one() throws IOException {
    Fixtures.finishedRun(runs(), "e", OLD);
    SiteGenerator.build(runs(), site(), warnings::add);
    Fixtures.runningRun(runs(), "e", NEW);
    SiteGenerator.build(runs(), site(), warnings::add);
    SiteGenerator.build(runs(), tmp.resolve("full"), warnings::add);

    for (String page : List.of("index.html", "experiments/e/index.html", "runs/e/" + NEW + "/index.html",
        "runs/e/" + OLD + "/index.html")) {
      assertThat(Files.readString(site().resolve(page))).as(page).isEqualTo(Files.readString(tmp.resolve("full").resolve(page)));
    }
  }

  /** Appends the mark, keeping the file's time, so a later write shows. */
  static void mark(Path page) throws IOException {
    FileTime time = Files.getLastModifiedTime(page);
    Files.writeString(page, Files.readString(page) + MARK);
    Files.setLastModifiedTime(page, time);
  }
}
