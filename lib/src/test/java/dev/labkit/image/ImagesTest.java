package dev.labkit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagesTest {

  @Test
  void positive_values_are_red_negative_blue_and_zero_white() throws IOException {
    float[] values = {1f, -1f, 0f, 0.5f};
    BufferedImage image = read(Images.divergingHeatmapPng(values, 2, 2, 1.0, 1));

    int red = image.getRGB(0, 0);
    int blue = image.getRGB(1, 0);
    assertThat(r(red)).isGreaterThan(150).isGreaterThan(g(red) + 100).isGreaterThan(b(red) + 100);
    assertThat(b(blue)).isGreaterThan(150).isGreaterThan(r(blue) + 100);
    assertThat(image.getRGB(0, 1) & 0xffffff).isEqualTo(0xffffff);
    int halfRed = image.getRGB(1, 1);
    assertThat(r(halfRed)).isGreaterThan(g(halfRed));
    assertThat(g(halfRed)).as("half the scale is lighter than full red").isGreaterThan(g(red));
  }

  @Test
  void a_28_by_28_grid_at_scale_5_is_140_pixels_square_with_sharp_cells() throws IOException {
    float[] values = new float[28 * 28];
    values[0] = 1f;
    values[1] = -1f;
    BufferedImage image = read(Images.divergingHeatmapPng(values, 28, 28, 1.0, 5));

    assertThat(image.getWidth()).isEqualTo(140);
    assertThat(image.getHeight()).isEqualTo(140);
    assertThat(image.getRGB(4, 4)).as("last pixel of the first cell").isEqualTo(image.getRGB(0, 0));
    assertThat(image.getRGB(5, 0)).as("first pixel of the second cell").isNotEqualTo(image.getRGB(4, 0));
  }

  @Test
  void the_shared_scale_makes_equal_weights_equal_colours_across_images() throws IOException {
    float[] small = {0.1f};
    float[] large = {0.1f, 1.0f};
    double max = Images.maxAbs(small, large);
    assertThat(max).isEqualTo(1.0);
    int a = read(Images.divergingHeatmapPng(small, 1, 1, max, 1)).getRGB(0, 0);
    int b = read(Images.divergingHeatmapPng(large, 1, 2, max, 1)).getRGB(0, 0);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void values_beyond_the_scale_are_clipped_to_full_colour() {
    assertThat(Images.rgb(5.0, 1.0)).isEqualTo(Images.rgb(1.0, 1.0));
    assertThat(Images.rgb(-5.0, 1.0)).isEqualTo(Images.rgb(-1.0, 1.0));
  }

  @Test
  void the_same_values_give_the_same_bytes() {
    float[] values = {0.3f, -0.2f, 0f, 0.9f};
    assertThat(Images.divergingHeatmapPng(values, 2, 2, 1, 3)).isEqualTo(Images.divergingHeatmapPng(values, 2, 2, 1, 3));
  }

  @Test
  void a_grid_of_the_wrong_size_is_refused_with_the_sizes() {
    assertThatThrownBy(() -> Images.divergingHeatmapPng(new float[5], 2, 2, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a 2 x 2 heatmap needs 4 values, got 5");
    assertThatThrownBy(() -> Images.divergingHeatmapPng(new float[4], 2, 2, -1, 1))
        .hasMessageContaining("maxAbs must be a finite number >= 0, got -1.0");
  }

  private static BufferedImage read(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static int r(int rgb) {
    return (rgb >> 16) & 0xff;
  }

  private static int g(int rgb) {
    return (rgb >> 8) & 0xff;
  }

  private static int b(int rgb) {
    return rgb & 0xff;
  }
}
