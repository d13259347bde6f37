package dev.labkit.image;

import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Pictures of single examples (a test image next to its true and predicted label), as PNG. */
public final class ExampleImages {
  private ExampleImages() {}

  /**
   * Example {@code i} of {@code data}, each pixel enlarged to {@code scale}×{@code scale}. Values are
   * stretched from the example's own minimum to its maximum, so images show whatever the scaling
   * (pixels/255, [-1, 1] or standardised). Colour images are stored channel-last (height × width × 3).
   */
  public static byte[] png(Dataset data, int i, int scale) {
    Shape shape = data.shape();
    float[] x = data.features();
    int offset = data.offset(i);
    int size = shape.size();
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < size; j++) {
      min = Math.min(min, x[offset + j]);
      max = Math.max(max, x[offset + j]);
    }
    float range = max > min ? max - min : 1;
    int h = shape.height();
    int w = shape.width();
    int c = shape.channels();
    BufferedImage image = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
    for (int row = 0; row < h; row++) {
      for (int col = 0; col < w; col++) {
        int base = offset + (row * w + col) * c;
        int r = level(x[base], min, range);
        int g = c == 3 ? level(x[base + 1], min, range) : r;
        int b = c == 3 ? level(x[base + 2], min, range) : r;
        int rgb = (r << 16) | (g << 8) | b;
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            image.setRGB(col * scale + dx, row * scale + dy, rgb);
          }
        }
      }
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int level(float value, float min, float range) {
    return Math.round(255f * (value - min) / range);
  }
}
