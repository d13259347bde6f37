package dev.labkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.ground.UserError;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Your own images, one folder per class: read exactly, checked file by file, digested for provenance. */
class ImageFolderSpecTest {
  @TempDir Path dir;

  /** A grey PNG of {@code w}×{@code h} whose pixel (x, y) is {@code base + x + y}. */
  static void grey(Path file, int w, int h, int base) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.getRaster().setSample(x, y, 0, base + x + y);
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(image, file.toString().endsWith(".jpg") ? "jpg" : "png", file.toFile());
  }

  static void colour(Path file, int w, int h, int rgb) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  /** Three classes of ten 8×6 grey images each; image i of class c starts at 10·c + i. */
  Path pets() throws Exception {
    Path root = dir.resolve("pets");
    List<String> classes = List.of("cat", "dog", "owl");
    for (int c = 0; c < classes.size(); c++) {
      for (int i = 0; i < 10; i++) {
        grey(root.resolve(classes.get(c)).resolve(String.format("%02d.png", i)), 8, 6, 10 * c + i);
      }
    }
    return root;
  }

  @Test
  void classes_are_the_sorted_folders_pixels_come_through_exactly_and_each_class_keeps_its_share_of_the_test() throws Exception {
    Path root = pets();
    Files.writeString(root.resolve("cat").resolve("notes.txt"), "not an image");
    List<String> progress = new ArrayList<>();
    TrainTest data = Datasets.imageFolder(root).load(new LoadOptions(false, 42, progress::add));

    assertThat(data.train().classNames()).containsExactly("cat", "dog", "owl");
    assertThat(data.train().shape()).isEqualTo(new Shape(6, 8, 1));
    assertThat(data.train().size()).isEqualTo(24);
    assertThat(data.test().size()).isEqualTo(6);
    for (int label = 0; label < 3; label++) {
      int c = label;
      assertThat(java.util.Arrays.stream(data.test().labels()).filter(l -> l == c).count()).isEqualTo(2);
    }
    assertThat(progress).singleElement().asString().contains("30 images of 6×8×1 in 3 classes")
        .contains("1 files that are not PNG or JPEG left out");
    // every example is one of the images written: pixel (x, y) = start + x + y, start = 10·label + i
    Dataset train = data.train();
    for (int k = 0; k < train.size(); k++) {
      float start = train.features()[train.offset(k)] * 255;
      int i = Math.round(start) - 10 * train.labels()[k];
      assertThat(i).isBetween(0, 9);
      assertThat(train.features()[train.offset(k) + 8 * 2 + 3] * 255).isCloseTo(start + 5, org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  @Test
  void colour_images_are_hwc_rgb_and_channels_1_converts_them_to_luma() throws Exception {
    Path root = dir.resolve("colours");
    for (int i = 0; i < 5; i++) {
      colour(root.resolve("red").resolve(i + ".png"), 4, 3, 0xC81E0A);
      colour(root.resolve("blue").resolve(i + ".png"), 4, 3, 0x0A1EC8);
    }
    TrainTest rgb = Datasets.imageFolder(root).scale(Scale.NONE).load(LoadOptions.quiet(1));
    assertThat(rgb.train().shape()).isEqualTo(new Shape(3, 4, 3));
    Dataset train = rgb.train();
    int red = train.classNames().indexOf("red");
    int k = java.util.stream.IntStream.range(0, train.size()).filter(i -> train.labels()[i] == red).findFirst().orElseThrow();
    assertThat(java.util.Arrays.copyOfRange(train.features(), train.offset(k), train.offset(k) + 6))
        .containsExactly(200, 30, 10, 200, 30, 10);

    Dataset grey = Datasets.imageFolder(root).scale(Scale.NONE).channels(1).load(LoadOptions.quiet(1)).train();
    assertThat(grey.shape()).isEqualTo(new Shape(3, 4, 1));
    int g = java.util.stream.IntStream.range(0, grey.size()).filter(i -> grey.labels()[i] == red).findFirst().orElseThrow();
    assertThat(grey.features()[grey.offset(g)]).isEqualTo(Math.round(0.299 * 200 + 0.587 * 30 + 0.114 * 10));
  }

  @Test
  void a_folder_with_train_and_test_keeps_its_split() throws Exception {
    Path root = dir.resolve("split");
    for (String part : List.of("train", "test")) {
      for (int i = 0; i < (part.equals("train") ? 4 : 2); i++) {
        grey(root.resolve(part).resolve("a").resolve(i + ".png"), 5, 5, i);
        grey(root.resolve(part).resolve("b").resolve(i + ".png"), 5, 5, 100 + i);
      }
    }
    TrainTest data = Datasets.imageFolder(root).load(LoadOptions.quiet(3));
    assertThat(data.train().size()).isEqualTo(8);
    assertThat(data.test().size()).isEqualTo(4);
    assertThat(data.train().id()).endsWith("/train");
    assertThat(data.test().classNames()).containsExactly("a", "b");
  }

  @Test
  void the_digest_is_the_same_for_the_same_files_and_changes_with_one_pixel() throws Exception {
    Path root = pets();
    String first = Datasets.imageFolder(root).load(LoadOptions.quiet(1)).train().sha256();
    assertThat(Datasets.imageFolder(root).load(LoadOptions.quiet(2)).train().sha256()).isEqualTo(first).hasSize(64);
    grey(root.resolve("dog").resolve("03.png"), 8, 6, 14);
    assertThat(Datasets.imageFolder(root).load(LoadOptions.quiet(1)).train().sha256()).isNotEqualTo(first);
  }

  @Test
  void a_damaged_file_is_named_in_one_line() throws Exception {
    Path root = pets();
    Files.write(root.resolve("owl").resolve("05.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    assertThatThrownBy(() -> Datasets.imageFolder(root).load(LoadOptions.quiet(1))).isInstanceOf(UserError.class)
        .hasMessage(root.resolve("owl").resolve("05.png") + ": not a PNG or JPEG image that can be read (damaged, "
            + "or another format with that name); remove or replace it");
  }

  @Test
  void another_size_or_colour_is_refused_naming_both_files() throws Exception {
    Path root = pets();
    grey(root.resolve("dog").resolve("04.png"), 9, 6, 0);
    assertThatThrownBy(() -> Datasets.imageFolder(root).load(LoadOptions.quiet(1))).isInstanceOf(UserError.class)
        .hasMessage("dog/04.png is 9×6 pixels but cat/00.png is 8×6; every image must have the same size: resize them first");
    grey(root.resolve("dog").resolve("04.png"), 8, 6, 0);
    colour(root.resolve("owl").resolve("07.png"), 8, 6, 0x112233);
    assertThatThrownBy(() -> Datasets.imageFolder(root).load(LoadOptions.quiet(1)))
        .hasMessage("owl/07.png is colour but cat/00.png is greyscale; set data.channels=1 (grey) or 3 (colour) to convert them all");
    assertThat(Datasets.imageFolder(root).channels(3).load(LoadOptions.quiet(1)).train().shape())
        .isEqualTo(new Shape(6, 8, 3));
  }

  @Test
  void no_folder_or_no_class_folders_say_what_to_give() throws Exception {
    assertThatThrownBy(() -> Datasets.imageFolder(dir.resolve("nowhere")).load(LoadOptions.quiet(1)))
        .hasMessageEndingWith("nowhere: no such folder; give a folder with one sub-folder of images per class");
    Files.createDirectories(dir.resolve("flat"));
    grey(dir.resolve("flat").resolve("1.png"), 2, 2, 0);
    assertThatThrownBy(() -> Datasets.imageFolder(dir.resolve("flat")).load(LoadOptions.quiet(1)))
        .hasMessageContaining("flat: no class folders; put each class's images in a sub-folder named after the class");
  }

  @Test
  void set_data_folder_takes_the_path_and_its_params() throws Exception {
    DataSpec<?> spec = Datasets.parse("folder:" + dir + ",scale=symmetric,classes=cat,owl,test_fraction=0.25");
    assertThat(spec).isEqualTo(Datasets.imageFolder(dir).scale(Scale.SYMMETRIC).classes("cat,owl").testFraction(0.25));
    assertThatThrownBy(() -> Datasets.parse("folder:" + dir + ",channels=2")).isInstanceOf(UserError.class)
        .hasMessageContaining("channels");
  }

  @Test
  void jpeg_files_are_read_too() throws Exception {
    Path root = dir.resolve("jpegs");
    for (int i = 0; i < 5; i++) {
      grey(root.resolve("x").resolve(i + ".jpg"), 16, 16, 50);
      grey(root.resolve("y").resolve(i + ".jpg"), 16, 16, 150);
    }
    Dataset train = Datasets.imageFolder(root).scale(Scale.NONE).load(LoadOptions.quiet(1)).train();
    assertThat(train.shape()).isEqualTo(new Shape(16, 16, 1));
    assertThat(train.features()[train.offset(0)]).isBetween(40f, 60f); // JPEG is lossy: near 50 or 150
  }
}
