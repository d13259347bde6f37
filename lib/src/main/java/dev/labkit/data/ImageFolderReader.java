package dev.labkit.data;

import dev.labkit.ground.UserError;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder of images with one sub-folder per class ({@code cats/1.png}, {@code dogs/7.jpg}) into a
 * {@link Dataset}: classes are the sub-folders' names in sorted order, images are PNG or JPEG (other files
 * are counted and left out), every image must have the first one's size, and pixels are laid out HWC as
 * CIFAR's are. The dataset's digest covers every file's relative path and bytes, so a changed, added or
 * removed image changes it.
 */
final class ImageFolderReader {
  private ImageFolderReader() {}

  /** The images of {@code folder}, as 0..255 values before scaling, and what was left out. */
  record Read(Dataset dataset, int ignored) {}

  private record Image(Path file, int label) {}

  /** Decoded pixels of one file: its size and its 8-bit values, HWC. */
  private record Pixels(int width, int height, int channels, int[] values) {}

  /**
   * Reads {@code folder}; {@code channels} is 1 or 3 to convert every image to grey or colour, 0 to take
   * the first image's and require it of all. {@code scale} maps each 0..255 value to a feature.
   */
  static Read read(Path folder, String id, int channels, Scale scale) {
    List<String> classes = classFolders(folder);
    List<Image> images = new ArrayList<>();
    int ignored = 0;
    for (int label = 0; label < classes.size(); label++) {
      for (Path file : files(folder.resolve(classes.get(label)))) {
        if (isImage(file)) {
          images.add(new Image(file, label));
        } else {
          ignored++;
        }
      }
    }
    if (images.isEmpty()) {
      throw new UserError(folder + ": its class folders hold no PNG or JPEG images");
    }
    Pixels first = decode(images.getFirst().file(), channels);
    int depth = first.channels();
    Shape shape = new Shape(first.height(), first.width(), depth);
    float[] features = new float[images.size() * shape.size()];
    int[] labels = new int[images.size()];
    IntStream.range(0, images.size()).parallel().forEach(i -> {
      Image image = images.get(i);
      Pixels pixels = i == 0 ? first : decode(image.file(), channels == 0 ? 0 : depth);
      check(folder, image.file(), pixels, images.getFirst().file(), first);
      for (int j = 0; j < pixels.values().length; j++) {
        features[i * shape.size() + j] = scale.apply(pixels.values()[j]);
      }
      labels[i] = image.label();
    });
    return new Read(new Dataset(id, digest(folder, images), shape, classes, features, labels), ignored);
  }

  /** The sorted names of {@code folder}'s visible sub-folders; an error when there are none. */
  static List<String> classFolders(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new UserError(folder + ": no such folder; give a folder with one sub-folder of images per class");
    }
    try (Stream<Path> entries = Files.list(folder)) {
      List<String> names = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".")).sorted().toList();
      if (names.isEmpty()) {
        throw new UserError(folder + ": no class folders; put each class's images in a sub-folder named after "
            + "the class (" + folder.resolve("cat").resolve("1.png") + ")");
      }
      return names;
    } catch (IOException e) {
      throw new UserError(folder + ": cannot list it (" + e.getMessage() + ")");
    }
  }

  private static List<Path> files(Path classFolder) {
    try (Stream<Path> entries = Files.list(classFolder)) {
      return entries.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      throw new UserError(classFolder + ": cannot list it (" + e.getMessage() + ")");
    }
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
  }

  private static void check(Path folder, Path file, Pixels pixels, Path firstFile, Pixels first) {
    if (pixels.width() != first.width() || pixels.height() != first.height()) {
      throw new UserError(folder.relativize(file) + " is " + pixels.width() + "×" + pixels.height() + " pixels but "
          + folder.relativize(firstFile) + " is " + first.width() + "×" + first.height()
          + "; every image must have the same size: resize them first");
    }
    if (pixels.channels() != first.channels()) {
      throw new UserError(folder.relativize(file) + " is " + colour(pixels.channels()) + " but "
          + folder.relativize(firstFile) + " is " + colour(first.channels())
          + "; set data.channels=1 (grey) or 3 (colour) to convert them all");
    }
  }

  private static String colour(int channels) {
    return channels == 1 ? "greyscale" : "colour";
  }

  /** One image's 8-bit values, converted to {@code channels} (1 or 3) or, for 0, as the file has them. */
  private static Pixels decode(Path file, int channels) {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      image = null;
    }
    if (image == null) {
      throw new UserError(file + ": not a PNG or JPEG image that can be read (damaged, or another format "
          + "with that name); remove or replace it");
    }
    boolean grey = image.getColorModel().getNumColorComponents() == 1;
    int depth = channels != 0 ? channels : grey ? 1 : 3;
    int w = image.getWidth();
    int h = image.getHeight();
    int[] values = new int[w * h * depth];
    Raster raster = image.getRaster();
    int bits = image.getColorModel().getComponentSize(0);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int at = (y * w + x) * depth;
        if (grey) { // the raster's own value: getRGB would pass grey through a colour-space conversion
          int v = raster.getSample(x, y, 0) >> Math.max(0, bits - 8);
          for (int c = 0; c < depth; c++) {
            values[at + c] = v;
          }
        } else {
          int rgb = image.getRGB(x, y);
          int r = (rgb >> 16) & 0xff;
          int g = (rgb >> 8) & 0xff;
          int b = rgb & 0xff;
          if (depth == 1) { // ITU-R BT.601 luma, as PIL's convert("L")
            values[at] = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
          } else {
            values[at] = r;
            values[at + 1] = g;
            values[at + 2] = b;
          }
        }
      }
    }
    return new Pixels(w, h, depth, values);
  }

  /** SHA-256 over every image's path (relative, with '/') and the SHA-256 of its bytes, in reading order. */
  private static String digest(Path folder, List<Image> images) {
    try {
      MessageDigest all = MessageDigest.getInstance("SHA-256");
      for (Image image : images) {
        MessageDigest one = MessageDigest.getInstance("SHA-256");
        byte[] bytes = Files.readAllBytes(image.file());
        String name = folder.relativize(image.file()).toString().replace('\\', '/');
        all.update(name.getBytes(StandardCharsets.UTF_8));
        all.update((byte) 0);
        all.update(one.digest(bytes));
      }
      return HexFormat.of().formatHex(all.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
