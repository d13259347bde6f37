package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.labkit.cli.LabOptions;
import dev.labkit.ground.UserError;
import dev.labkit.model.Gan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Your own G and D go through labkit's GAN loop: galleries, FID, class histogram, checkpoints and resume. */
class OwnGanTest {
  @TempDir Path out;

  /** A one-hidden-layer G and D written in the script (tanh out for G, a logit out for D). */
  static final Gan OWN = Gan.own("tiny-own",
      (image, inputs) -> new SequentialBlock().add(Linear.builder().setUnits(32).build())
          .add(Activation.leakyReluBlock(0.2f)).add(Linear.builder().setUnits(image.size()).build()).add(Activation::tanh),
      (image, inputs) -> new SequentialBlock().add(Linear.builder().setUnits(32).build())
          .add(Activation.leakyReluBlock(0.2f)).add(Linear.builder().setUnits(1).build()))
      .latent(8).batch(16).steps(40).sampleEvery(10).checkpointEvery(10).samples(200);

  static Experiment experiment(Gan gan) {
    return new ExperimentStart("gan-tiny").data(new TinyImages(300)).model(gan);
  }

  @Test
  void your_own_g_and_d_get_the_galleries_and_fid_and_a_stopped_run_resumes_to_the_same_numbers() throws Exception {
    Path straight = GanResumeTest.run(experiment(OWN), LabOptions.of(out.resolve("straight")).noSite(true)).folder();
    assertThat(GanResumeTest.finalMetrics(straight)).containsKeys("fid", "final/g_loss", "final/d_loss");
    assertThat(straight.resolve("artifacts/samples/step-000040.png")).exists();
    assertThat(GanResumeTest.json(straight.resolve("run.json")).path("params").path("model.architecture").asString())
        .isEqualTo("own:tiny-own");
    assertThat(GanResumeTest.json(straight.resolve("run.json")).path("params").path("model").asString())
        .isEqualTo("tiny-own");

    Path stopped = GanResumeTest.stoppedRun(experiment(OWN), out.resolve("stopped"), "step 24/40");
    Runner.Result resumed = GanResumeTest.run(experiment(OWN), LabOptions.of(out.resolve("stopped")).noSite(true)
        .resume(stopped.getFileName().toString()));
    assertThat(resumed.folder()).isEqualTo(stopped);
    GanResumeTest.assertSameRows(GanResumeTest.rows(stopped), GanResumeTest.rows(straight));
    assertThat(GanResumeTest.finalMetrics(stopped)).isEqualTo(GanResumeTest.finalMetrics(straight));
  }

  @Test
  void a_generator_that_gives_the_wrong_shape_is_one_line_before_training() {
    Gan wrong = Gan.own("wrong-size",
        (image, inputs) -> new SequentialBlock().add(Linear.builder().setUnits(10).build()),
        (image, inputs) -> new SequentialBlock().add(Linear.builder().setUnits(1).build())).latent(8).steps(5);
    assertThatThrownBy(() -> GanResumeTest.run(experiment(wrong), LabOptions.of(out).noSite(true)))
        .isInstanceOf(UserError.class)
        .hasMessageEndingWith("your generator of wrong-size gives (2, 10) for input (2, 8); it must give (2, 16): one "
            + "flat image per row");
    assertThatThrownBy(() -> OWN.with("architecture", "own:other")).isInstanceOf(UserError.class)
        .hasMessageStartingWith("architecture own:other is a GAN of your own");
    assertThat(OWN.with("architecture", "mlp").parts()).isNull();
    assertThat(Files.exists(out.resolve("runs"))).isTrue();
  }
}
