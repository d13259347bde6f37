package dev.labkit.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Many small images as one PNG, in rows and columns with a one-pixel grey gutter: a GAN's 8×8 grid of
 * samples, or interpolation strips (one pair per row). Images are flat rows of {@code height × width ×
 * channels} values (channel-last) on a fixed scale from {@code lo} (black) to {@code hi} (white), so
 * grids from different steps are drawn alike and compare honestly.
 */
public final class SampleGrid {
  private static final int GUTTER = 0x808080;

  private SampleGrid() {}

  /**
   * @param images  {@code count × height × width × channels} values, image after image
   * @param columns images per row; rows follow from the count
   * @param scale   each pixel drawn as a {@code scale × scale} square
   */
  public static byte[] png(float[] images, int height, int width, int channels, int columns, double lo, double hi,
      int scale) {
    int size = height * width * channels;
    if (size == 0 || images.length % size != 0 || columns < 1 || scale < 1 || !(hi > lo)) {
      throw new IllegalArgumentException("a grid needs whole " + height + "×" + width + "×" + channels
          + " images, columns ≥ 1, scale ≥ 1 and hi > lo; got " + images.length + " values");
    }
    int count = images.length / size;
    int rows = (count + columns - 1) / columns;
    int cell = width * scale + 1;
    int cellHeight = height * scale + 1;
    BufferedImage out = new BufferedImage(columns * cell + 1, rows * cellHeight + 1, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, GUTTER);
      }
    }
    for (int k = 0; k < count; k++) {
      int left = (k % columns) * cell + 1;
      int top = (k / columns) * cellHeight + 1;
      for (int row = 0; row < height; row++) {
        for (int col = 0; col < width; col++) {
          int base = k * size + (row * width + col) * channels;
          int r = level(images[base], lo, hi);
          int g = channels == 3 ? level(images[base + 1], lo, hi) : r;
          int b = channels == 3 ? level(images[base + 2], lo, hi) : r;
          fill(out, left + col * scale, top + row * scale, scale, (r << 16) | (g << 8) | b);
        }
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(out, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a PNG", e);
    }
    return bytes.toByteArray();
  }

  private static void fill(BufferedImage image, int x, int y, int scale, int rgb) {
    for (int dy = 0; dy < scale; dy++) {
      for (int dx = 0; dx < scale; dx++) {
        image.setRGB(x + dx, y + dy, rgb);
      }
    }
  }

  /** A value's grey level, clipped to [lo, hi]. */
  static int level(float value, double lo, double hi) {
    double t = Float.isNaN(value) ? 0 : Math.min(1, Math.max(0, (value - lo) / (hi - lo)));
    return (int) Math.round(255 * t);
  }
}
