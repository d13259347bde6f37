package dev.labkit.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * PNG pictures for the report, written by the training side as run artifacts.
 *
 * <p>A weight heatmap shows, pixel by pixel, how much each input pushes a class up (red) or down
 * (blue); white means no effect. Ten classes share one symmetric scale, ±maxAbs, so the same colour
 * means the same weight in every picture and they can be compared side by side.
 */
public final class Images {
  private Images() {}

  /** The colours at +max and −max (ColorBrewer RdBu's ends: readable, and safe for colour-blind eyes). */
  static final int[] POSITIVE = {178, 24, 43};
  static final int[] NEGATIVE = {33, 102, 172};

  /**
   * A diverging heatmap of a row-major {@code height × width} grid, each cell drawn as a
   * {@code pixelScale × pixelScale} square (nearest neighbour, so no blur between pixels).
   *
   * <pre>{@code
   * double max = Images.maxAbs(weights);              // over all ten classes
   * byte[] png = Images.divergingHeatmapPng(weights[3], 28, 28, max, 5);  // 140 × 140
   * }</pre>
   *
   * @param maxAbs the value drawn at full colour; larger magnitudes are clipped to it. 0 draws white.
   */
  public static byte[] divergingHeatmapPng(float[] values, int height, int width, double maxAbs, int pixelScale) {
    if (height < 1 || width < 1 || values.length != height * width) {
      throw new IllegalArgumentException("a " + height + " x " + width + " heatmap needs " + height * width
          + " values, got " + values.length);
    }
    if (!(maxAbs >= 0) || Double.isInfinite(maxAbs)) {
      throw new IllegalArgumentException("maxAbs must be a finite number >= 0, got " + maxAbs);
    }
    if (pixelScale < 1) {
      throw new IllegalArgumentException("pixelScale must be >= 1, got " + pixelScale);
    }
    BufferedImage image = new BufferedImage(width * pixelScale, height * pixelScale, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = rgb(values[y * width + x], maxAbs);
        for (int dy = 0; dy < pixelScale; dy++) {
          for (int dx = 0; dx < pixelScale; dx++) {
            image.setRGB(x * pixelScale + dx, y * pixelScale + dy, rgb);
          }
        }
      }
    }
    return png(image);
  }

  /** The largest magnitude over all values: the shared scale for a set of heatmaps. */
  public static double maxAbs(float[]... grids) {
    double max = 0;
    for (float[] grid : grids) {
      for (float v : grid) {
        if (Float.isFinite(v)) {
          max = Math.max(max, Math.abs(v));
        }
      }
    }
    return max;
  }

  /** The colour of one value as 0xRRGGBB: white at 0, fading linearly to red (+) or blue (−). */
  static int rgb(double value, double maxAbs) {
    double t = maxAbs == 0 || Double.isNaN(value) ? 0 : Math.min(1, Math.abs(value) / maxAbs);
    int[] end = value >= 0 ? POSITIVE : NEGATIVE;
    int r = (int) Math.round(255 + (end[0] - 255) * t);
    int g = (int) Math.round(255 + (end[1] - 255) * t);
    int b = (int) Math.round(255 + (end[2] - 255) * t);
    return (r << 16) | (g << 8) | b;
  }

  /** The CSS gradient of the legend, from the same colours as the heatmaps. */
  public static String legendGradient() {
    return String.format(Locale.ROOT, "background: linear-gradient(to right, rgb(%d, %d, %d), #fff, rgb(%d, %d, %d))",
        NEGATIVE[0], NEGATIVE[1], NEGATIVE[2], POSITIVE[0], POSITIVE[1], POSITIVE[2]);
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a PNG", e);
    }
    return out.toByteArray();
  }
}
