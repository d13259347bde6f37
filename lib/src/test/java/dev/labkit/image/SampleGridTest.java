package dev.labkit.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SampleGridTest {
  static BufferedImage read(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Test
  void an_rgb_grid_draws_each_channel_last_pixel_in_its_own_colour() throws IOException {
    // three 2×2 images, channel-last, on [-1, 1]: image k is red, green or blue, with a white top-left pixel
    float[] images = new float[3 * 12];
    for (int k = 0; k < 3; k++) {
      for (int p = 0; p < 4; p++) {
        for (int c = 0; c < 3; c++) {
          images[k * 12 + p * 3 + c] = p == 0 || c == k ? 1 : -1;
        }
      }
    }
    BufferedImage grid = read(SampleGrid.png(images, 2, 2, 3, 2, -1, 1, 3));
    // 2 columns of (2·3 + 1) pixels plus the left gutter; 2 rows likewise
    assertThat(grid.getWidth()).isEqualTo(2 * 7 + 1);
    assertThat(grid.getHeight()).isEqualTo(2 * 7 + 1);
    assertThat(rgb(grid, 1, 1)).isEqualTo(0xFFFFFF);              // image 0, pixel (0, 0)
    assertThat(rgb(grid, 1 + 3, 1 + 3)).isEqualTo(0xFF0000);      // image 0, pixel (1, 1): red
    assertThat(rgb(grid, 8 + 3, 1)).isEqualTo(0x00FF00);          // image 1, pixel (0, 1): green
    assertThat(rgb(grid, 1, 8 + 3)).isEqualTo(0x0000FF);          // image 2, pixel (1, 0): blue
    assertThat(rgb(grid, 8 + 3, 8 + 3)).isEqualTo(0x808080);      // no fourth image: gutter grey
    assertThat(rgb(grid, 0, 5)).isEqualTo(0x808080);
  }

  @Test
  void a_one_channel_grid_is_grey_from_lo_black_to_hi_white() throws IOException {
    BufferedImage grid = read(SampleGrid.png(new float[] {-1, 0, 1, 5}, 2, 2, 1, 1, -1, 1, 1));
    assertThat(rgb(grid, 1, 1)).isEqualTo(0x000000);
    assertThat(rgb(grid, 2, 1)).isEqualTo(0x808080);
    assertThat(rgb(grid, 1, 2)).isEqualTo(0xFFFFFF);
    assertThat(rgb(grid, 2, 2)).isEqualTo(0xFFFFFF); // clipped to hi
  }

  private static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xFFFFFF;
  }
}
