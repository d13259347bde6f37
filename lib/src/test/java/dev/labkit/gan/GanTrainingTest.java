package dev.labkit.gan;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.Gan;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GanTrainingTest {
  static final Gan TINY = Gan.defaults().latent(8).generator(16).discriminator(16).batch(16).steps(5);

  /** 64 images of 4×4 pixels in [-1, 1], two classes: bright top rows or bright bottom rows. */
  static Dataset toy() {
    Random random = new Random(1);
    float[] x = new float[64 * 16];
    int[] labels = new int[64];
    for (int i = 0; i < 64; i++) {
      labels[i] = i % 2;
      for (int j = 0; j < 16; j++) {
        boolean bright = labels[i] == 0 ? j < 8 : j >= 8;
        x[i * 16 + j] = (bright ? 0.8f : -0.8f) + 0.1f * (float) random.nextGaussian();
      }
    }
    return new Dataset("toy/train", "0", new Shape(4, 4, 1), List.of("top", "bottom"), x, labels);
  }

  static List<float[]> weights(Block block) {
    List<float[]> out = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      out.add(p.getValue().getArray().toFloatArray());
    }
    return out;
  }

  static double gradientSum(Block block) {
    double sum = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      NDArray w = p.getValue().getArray();
      if (w.hasGradient()) {
        sum += w.getGradient().abs().sum().getFloat();
      }
    }
    return sum;
  }

  @Test
  void a_discriminator_step_moves_d_and_leaves_g_alone() {
    try (NDManager manager = NDManager.newBaseManager()) {
      GanTraining training = new GanTraining(TINY, toy(), 7, manager);
      Block g = training.generator().block();
      Block d = training.discriminatorBlock();
      List<float[]> g0 = weights(g);
      List<float[]> d0 = weights(d);
      training.discriminatorOnly();
      assertThat(weights(g)).usingRecursiveComparison().isEqualTo(g0);
      assertThat(weights(d)).usingRecursiveComparison().isNotEqualTo(d0);
      assertThat(gradientSum(g)).isZero();
      assertThat(gradientSum(d)).isZero();
    }
  }

  @Test
  void a_generator_step_moves_g_and_leaves_d_alone_with_no_gradient_piling_up_in_d() {
    try (NDManager manager = NDManager.newBaseManager()) {
      GanTraining training = new GanTraining(TINY, toy(), 7, manager);
      training.discriminatorOnly(); // D's gradients exist from here on
      Block g = training.generator().block();
      Block d = training.discriminatorBlock();
      List<float[]> g0 = weights(g);
      List<float[]> d0 = weights(d);
      training.generatorOnly();
      training.generatorOnly();
      assertThat(weights(d)).usingRecursiveComparison().isEqualTo(d0);
      assertThat(weights(g)).usingRecursiveComparison().isNotEqualTo(g0);
      assertThat(gradientSum(d)).isZero();
      assertThat(gradientSum(g)).isZero();
    }
  }

  @Test
  void a_full_step_reports_losses_and_probabilities() {
    try (NDManager manager = NDManager.newBaseManager()) {
      GanTraining.Losses losses = new GanTraining(TINY, toy(), 7, manager).step(1, true);
      assertThat(losses.dLoss()).isBetween(0.5, 3.0);
      assertThat(losses.gLoss()).isBetween(0.1, 3.0);
      // D's mean outputs are probabilities of "real"; untrained, it cannot tell real from fake: near one half
      // (a D that gave logits, or a mix-up of the real and fake batches, lands far from it)
      assertThat(losses.dReal()).isBetween(0.3, 0.7);
      assertThat(losses.dFake()).isBetween(0.3, 0.7);
    }
  }

  @Test
  void the_same_seed_gives_the_same_generator_and_another_seed_does_not() {
    assertThat(trainAndSample(TINY, 3)).isEqualTo(trainAndSample(TINY, 3)).isNotEqualTo(trainAndSample(TINY, 4));
    Gan conditional = TINY.conditional(true).batchNorm(true);
    assertThat(trainAndSample(conditional, 3)).isEqualTo(trainAndSample(conditional, 3));
  }

  @Test
  void a_steps_draws_depend_on_the_seed_and_its_number_only_not_on_what_ran_between_steps() {
    try (NDManager manager = NDManager.newBaseManager(); NDManager other = NDManager.newBaseManager()) {
      GanTraining quiet = new GanTraining(TINY, toy(), 3, manager);
      GanTraining busy = new GanTraining(TINY, toy(), 3, other);
      for (int step = 1; step <= 4; step++) {
        quiet.step(step, false);
        busy.step(step, false);
        // what a sample hook does between steps: libtorch's generator and G in use (D has dropout 0.3)
        other.randomNormal(new ai.djl.ndarray.types.Shape(1000)).sum().getFloat();
        busy.generator().sample(Generator.noise(new java.util.SplittableRandom(step), 4, TINY.latent()), null);
      }
      assertThat(weights(busy.generator().block())).usingRecursiveComparison()
          .isEqualTo(weights(quiet.generator().block()));
      assertThat(weights(busy.discriminatorBlock())).usingRecursiveComparison()
          .isEqualTo(weights(quiet.discriminatorBlock()));
    }
  }

  @Test
  void neighbouring_steps_get_unrelated_seeds() {
    assertThat(GanTraining.stepSeed(42, 1)).isNotEqualTo(GanTraining.stepSeed(42, 2))
        .isNotEqualTo(GanTraining.stepSeed(43, 1));
    var a = new java.util.SplittableRandom(GanTraining.stepSeed(42, 1));
    var b = new java.util.SplittableRandom(GanTraining.stepSeed(42, 2));
    a.nextLong(); // step 2's stream is not step 1's moved on by one draw
    assertThat(b.nextLong()).isNotEqualTo(a.nextLong());
  }

  @Test
  void a_dcgan_with_batch_norm_in_d_trains_steps_in_a_row_and_is_deterministic() {
    Gan dcgan = Gan.dcgan().batch(4).steps(3);
    assertThat(trainAndSample(dcgan, 3, digits())).isEqualTo(trainAndSample(dcgan, 3, digits()));
  }

  /** Eight random 28×28 images in [-1, 1]. */
  static Dataset digits() {
    Random random = new Random(2);
    float[] x = new float[8 * 784];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat() * 2 - 1;
    }
    return new Dataset("digits/train", "0", new Shape(28, 28, 1), List.of("a", "b"), x, new int[8]);
  }

  static float[] trainAndSample(Gan spec, long seed) {
    return trainAndSample(spec, seed, toy());
  }

  static float[] trainAndSample(Gan spec, long seed, Dataset data) {
    try (NDManager manager = NDManager.newBaseManager()) {
      GanTraining training = new GanTraining(spec, data, seed, manager);
      for (int i = 0; i < spec.steps(); i++) {
        training.step(i + 1, i % 2 == 0);
      }
      float[] z = Generator.noise(new java.util.SplittableRandom(0), 4, spec.latent());
      return training.generator().sample(z, spec.conditional() ? new int[] {0, 1, 0, 1} : null);
    }
  }

  @Test
  void binary_cross_entropy_on_logits_matches_the_formula_and_survives_huge_logits() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray logits = manager.create(new float[] {-2f, 0f, 3f});
      double expected = (Math.log1p(Math.exp(-2)) - 0.9 * -2 + Math.log(2) + Math.log1p(Math.exp(3)) - 0.9 * 3) / 3;
      assertThat(GanTraining.bce(logits, 0.9f).getFloat()).isCloseTo((float) expected, org.assertj.core.data.Offset.offset(1e-5f));
      assertThat(GanTraining.bce(manager.create(new float[] {1000f, -1000f}), 0f).getFloat()).isCloseTo(500f,
          org.assertj.core.data.Offset.offset(1e-3f));
    }
  }
}
