package dev.labkit.gan;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.labkit.data.Dataset;
import dev.labkit.model.Gan;
import dev.labkit.neural.Torch;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 32×32×3 DCGAN, plain and conditional, trained for a few steps on 256 coloured squares, on one
 * libtorch thread as a run trains it (two threads on two busy cores made these tests 5× slower).
 */
class DcganTrainingTest {
  static final Dataset SQUARES = ColouredSquares.dataset(256, 1);
  static final Gan SMALL = Gan.dcgan().batch(16);

  @BeforeAll
  static void oneThread() {
    Torch.threads(1);
  }

  @Test
  void a_few_steps_give_finite_losses_and_move_both_networks() {
    try (NDManager manager = NDManager.newBaseManager()) {
      GanTraining training = new GanTraining(SMALL, SQUARES, 5, manager);
      List<float[]> g0 = GanTrainingTest.weights(training.generator().block());
      List<float[]> d0 = GanTrainingTest.weights(training.discriminatorBlock());
      for (int step = 0; step < 3; step++) {
        GanTraining.Losses losses = training.step(step + 1, true);
        assertThat(List.of(losses.dLoss(), losses.gLoss())).allMatch(Double::isFinite);
        assertThat(losses.dReal()).isBetween(0.0, 1.0);
      }
      assertThat(same(GanTrainingTest.weights(training.generator().block()), g0)).isFalse();
      assertThat(same(GanTrainingTest.weights(training.discriminatorBlock()), d0)).isFalse();
    }
  }

  @Test
  void the_same_seed_gives_the_same_colour_images() {
    Gan three = SMALL.steps(3);
    float[] images = GanTrainingTest.trainAndSample(three, 3, SQUARES);
    assertThat(images).hasSize(4 * 3072).isEqualTo(GanTrainingTest.trainAndSample(three, 3, SQUARES));
  }

  @Test
  void within_thirty_steps_d_tells_the_squares_from_g_s_first_images() {
    try (NDManager manager = NDManager.newBaseManager()) {
      GanTraining training = new GanTraining(SMALL, SQUARES, 5, manager);
      GanTraining.Losses losses = null;
      for (int step = 0; step < 30; step++) {
        losses = training.step(step + 1, step == 29);
      }
      assertThat(losses.dReal()).isGreaterThan(losses.dFake());
    }
  }

  @Test
  void a_conditional_dcgan_trains_and_its_samples_depend_on_the_class_asked_for() {
    Gan conditional = SMALL.conditional(true);
    try (NDManager manager = NDManager.newBaseManager()) {
      GanTraining training = new GanTraining(conditional, SQUARES, 5, manager);
      List<float[]> d0 = GanTrainingTest.weights(training.discriminatorBlock());
      for (int step = 0; step < 3; step++) {
        GanTraining.Losses losses = training.step(step + 1, true);
        assertThat(List.of(losses.dLoss(), losses.gLoss())).allMatch(Double::isFinite);
      }
      assertThat(same(GanTrainingTest.weights(training.discriminatorBlock()), d0)).isFalse();
      Generator g = training.generator();
      assertThat(g.classes()).isEqualTo(2);
      float[] z = Generator.noise(new SplittableRandom(0), 1, g.latent());
      float[] twice = new float[2 * z.length];
      System.arraycopy(z, 0, twice, 0, z.length);
      System.arraycopy(z, 0, twice, z.length, z.length);
      float[] images = g.sample(twice, new int[] {0, 1}); // one noise vector, red then blue
      assertThat(images).hasSize(2 * 3072);
      assertThat(java.util.Arrays.copyOfRange(images, 0, 3072))
          .isNotEqualTo(java.util.Arrays.copyOfRange(images, 3072, 6144));
    }
  }

  @Test
  void the_28x28_dcgan_takes_the_label_as_a_plane_too() {
    float[] images = GanTrainingTest.trainAndSample(Gan.dcgan().conditional(true).batch(4).steps(2), 3,
        GanTrainingTest.digits());
    assertThat(images).hasSize(4 * 784);
    for (float v : images) {
      assertThat(v).isBetween(-1f, 1f);
    }
  }

  /** Whether two lists of weights are equal (AssertJ's recursive comparison takes seconds on a million floats). */
  static boolean same(List<float[]> a, List<float[]> b) {
    return a.size() == b.size() && java.util.stream.IntStream.range(0, a.size())
        .allMatch(i -> java.util.Arrays.equals(a.get(i), b.get(i)));
  }
}
