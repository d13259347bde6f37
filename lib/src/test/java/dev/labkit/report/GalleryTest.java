package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryTest {
  static final String RUN = "20261126-230000-9a9a";

  @TempDir Path tmp;
  final List<String> warnings = new ArrayList<>();

  @Test
  void images_of_one_group_logged_at_several_steps_get_one_frame_per_step_behind_a_slider() throws IOException {
    Fixtures.galleryRun(tmp.resolve("runs"), "gan", RUN);
    SiteGenerator.build(tmp.resolve("runs"), tmp.resolve("site"), warnings::add);

    Html page = Html.parse(Files.readString(SiteGenerator.runPage(tmp.resolve("site"), "gan", RUN)));

    List<Html.Element> frames = page.all("div").stream()
        .filter(d -> d.attributes().getOrDefault("class", "").contains("frame")).toList();
    assertThat(frames).extracting(f -> f.attributes().get("data-step")).containsExactly("0", "100", "200");
    assertThat(frames).extracting(f -> f.attributes().containsKey("hidden")).containsExactly(true, true, false);
    Html.Element slider = page.all("input").stream().filter(i -> "range".equals(i.attributes().get("type")))
        .findFirst().orElseThrow();
    assertThat(slider.attributes()).containsEntry("min", "0").containsEntry("max", "2").containsEntry("value", "2");
    // the stepless image stays outside the frames, shown once; each frame holds its step's two samples
    assertThat(page.all("img")).extracting(i -> i.attributes().get("src"))
        .containsExactly("artifacts/real.png", "artifacts/samples/0-0.png", "artifacts/samples/0-1.png",
            "artifacts/samples/100-0.png", "artifacts/samples/100-1.png", "artifacts/samples/200-0.png",
            "artifacts/samples/200-1.png");
    assertThat(page.all("script")).anyMatch(s -> "../../../assets/gallery.js".equals(s.attributes().get("src")));
    assertThat(tmp.resolve("site/assets/gallery.js")).exists();
  }

  @Test
  void images_at_a_single_step_stay_a_plain_gallery_with_no_slider() throws IOException {
    Fixtures.finishedRun(tmp.resolve("runs"), "e", RUN);
    SiteGenerator.build(tmp.resolve("runs"), tmp.resolve("site"), warnings::add);

    Html page = Html.parse(Files.readString(SiteGenerator.runPage(tmp.resolve("site"), "e", RUN)));

    assertThat(page.all("input")).noneMatch(i -> "range".equals(i.attributes().get("type")));
    // gallery.js still loads: it scales pixel images up and enlarges them on a click
    assertThat(page.all("script")).anyMatch(s -> String.valueOf(s.attributes().get("src")).endsWith("gallery.js"));
    assertThat(page.all("img")).hasSize(10);
  }
}
