package dev.labkit.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.Lab;
import dev.labkit.ground.UserError;
import dev.labkit.classic.Fitting;
import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.Gan;
import java.util.List;
import org.junit.jupiter.api.Test;

class GanInputTest {
  @Test
  void a_latent_size_of_zero_or_less_is_refused_with_the_usual_size() {
    assertThatThrownBy(() -> Gan.defaults().latent(0)).isInstanceOf(UserError.class)
        .hasMessage("latent must be > 0, got 0 (the size of the noise vector z; 100 is usual)");
    assertThatThrownBy(() -> Lab.experiment("g").data(Lab.fashionMnist()).model(Lab.gan()).with("model.latent", "-3"))
        .isInstanceOf(UserError.class).hasMessageStartingWith("model.latent must be > 0, got -3");
  }

  @Test
  void every_key_of_params_can_be_set_back_from_its_text() {
    Gan gan = Gan.defaults();
    gan.params().forEach((key, value) -> assertThat(gan.with(key, String.valueOf(value))).isEqualTo(gan));
    assertThat(gan.with("generator", "64,128").generator()).containsExactly(64, 128);
    assertThat(gan.with("d_lr", "2e-3").dLr()).isEqualTo(2e-3);
  }

  @Test
  void the_three_presets_have_their_names() {
    assertThat(List.of(Lab.gan().name(), Lab.dcgan().name(), Lab.cgan().name())).containsExactly("gan", "dcgan", "cgan");
  }

  @Test
  void a_dcgan_on_images_it_was_not_built_for_names_the_shape_and_what_fits() {
    for (Shape shape : List.of(new Shape(20, 20, 1), Shape.flat(400), new Shape(32, 32, 4), new Shape(28, 28, 3))) {
      Dataset data = new Dataset("images/train", "0", shape, List.of("a", "b"), new float[2 * shape.size()],
          new int[] {0, 1});
      assertThatThrownBy(() -> dev.labkit.kinds.generate.GanChecks.check(Gan.dcgan(), data)).isInstanceOf(UserError.class)
          .hasMessage("the DCGAN is built for 28×28×1 and 32×32×3 images, got " + shape + " (images/train); use"
              + " MNIST-like or CIFAR-10-like data, or the MLP GAN (model.architecture=mlp), which takes any shape");
    }
  }

  @Test
  void both_dcgan_shapes_pass_the_checks_conditional_or_not() {
    for (Shape shape : dev.labkit.gan.Dcgan.SHAPES) {
      Dataset data = new Dataset("images/train", "0", shape, List.of("a", "b"), new float[2 * shape.size()],
          new int[] {0, 1});
      dev.labkit.kinds.generate.GanChecks.check(Gan.dcgan(), data);
      dev.labkit.kinds.generate.GanChecks.check(Gan.dcgan().conditional(true), data);
    }
  }

  @Test
  void a_conditional_gan_on_unlabelled_data_is_refused() {
    Dataset unlabelled = new Dataset("points/train", "0", Shape.flat(4), List.of("all"), new float[8], new int[2]);
    assertThatThrownBy(() -> dev.labkit.kinds.generate.GanChecks.check(Gan.cgan(), unlabelled)).isInstanceOf(UserError.class)
        .hasMessageStartingWith("a conditional GAN needs labelled data with 2 or more classes, but points/train has 1");
  }

  @Test
  void a_conditional_dcgan_has_a_name_of_its_own() {
    assertThat(Gan.dcgan().conditional(true).name()).isEqualTo("cdcgan");
    assertThat(Gan.dcgan().with("conditional", "true").conditional()).isTrue();
  }
}
