package dev.labkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.data.Datasets;
import dev.labkit.data.Noise;
import dev.labkit.data.Scale;
import dev.labkit.data.SyntheticLine;
import dev.labkit.ground.Spec;
import dev.labkit.model.DecisionTree;
import dev.labkit.model.Gan;
import dev.labkit.model.GaussianNaiveBayes;
import dev.labkit.model.Knn;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.model.LogisticRegression;
import dev.labkit.model.NeuralNet;
import dev.labkit.model.RandomForest;
import dev.labkit.model.Svm;
import dev.labkit.model.Init;
import dev.labkit.model.Loss;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every spec's params() survive a trip through with(key, text), key by key: what --set and re-runs rely on. */
class SpecParamsTest {

  static List<Spec<?>> specs() {
    return List.of(LogisticRegression.defaults(), LogisticRegression.defaults()
            .penalty(LogisticRegression.Penalty.ELASTIC_NET).l1Ratio(0.3).c(0.0268)
            .multiClass(LogisticRegression.MultiClass.OVR),
        Svm.defaults(), Svm.defaults().gamma(0.01).c(10), RandomForest.defaults().maxDepth(12), Knn.defaults(),
        DecisionTree.defaults(), GaussianNaiveBayes.defaults(), NeuralNet.softmaxRegression(),
        NeuralNet.mlp(256, 128).dropout(0.2).activation(NeuralNet.Activation.LEAKY_RELU).lr(3e-4),
        LinearRegressionGd.defaults(), LinearRegressionGd.defaults().loss(Loss.Kind.HUBER).init(Init.constant(0.5, 1))
            .noise(Noise.LAPLACE, 0.1, 0, 0.2),
        LinearRegressionGd.defaults().loss("log-cosh", (p, t) -> p.sub(t).cosh().log().mean()),
        Gan.defaults(), Gan.dcgan(), Gan.cgan().generator(128, 256).batchNorm(true).lr(2e-3),
        Datasets.fashionMnist(), Datasets.mnist().scale(Scale.SYMMETRIC).trainSize(1000).path(Path.of("data/x"))
            .classes("3,9"), Datasets.cifar10().mirror(""), Datasets.csv(Path.of("iris.csv"), "species"),
        Datasets.line().xDist(SyntheticLine.XDist.UNIFORM).noiseScale(2),
        Datasets.csvRegression(Path.of("t.csv"), "y"));
  }

  @Test
  void every_key_of_every_spec_round_trips_through_with() {
    for (Spec<?> spec : specs()) {
      Map<String, Object> params = spec.params();
      assertThat(params).as(spec + " has params").isNotEmpty();
      params.forEach((key, value) -> {
        Spec<?> same = spec.with(key, String.valueOf(value));
        assertThat(same).as(key + " of " + spec).isEqualTo(spec);
        assertThat(same.params()).as(key + " of " + spec).containsExactlyEntriesOf(params);
      });
    }
  }

  @Test
  void a_gan_shows_its_params_exactly_as_run_folders_recorded_them_before_the_parameter_model() {
    assertThat(Gan.defaults().params().toString()).isEqualTo("{architecture=mlp, conditional=false, latent=100, "
        + "generator=256x512x1024, discriminator=1024x512x256, slope=0.2, dropout=0.3, batch_norm=false, lr=2.0E-4, "
        + "d_lr=2.0E-4, beta1=0.5, beta2=0.999, batch=128, steps=3000, d_steps=1, label_smoothing=0.1, "
        + "sample_every=500, samples=10000, threads=1, checkpoint_every=500}");
  }

  @Test
  void the_gan_fingerprint_keeps_the_order_checkpoints_written_before_carry() {
    assertThat(Gan.PARAMS.fingerprint(Gan.defaults())).isEqualTo("architecture=mlp conditional=false latent=100 "
        + "generator=256x512x1024 discriminator=1024x512x256 batch_norm=false slope=0.2 dropout=0.3");
    assertThat(Gan.PARAMS.fingerprint(Gan.dcgan().conditional(true))).isEqualTo("architecture=dcgan "
        + "conditional=true latent=100 generator=256x512x1024 discriminator=1024x512x256 batch_norm=false slope=0.2 "
        + "dropout=0.0");
  }
}
