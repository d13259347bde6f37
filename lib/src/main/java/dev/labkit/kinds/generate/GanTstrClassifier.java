package dev.labkit.kinds.generate;

import ai.djl.ndarray.NDManager;
import dev.labkit.classic.Classifier;
import dev.labkit.classic.Fitting;
import dev.labkit.data.Dataset;
import dev.labkit.gan.Fid;
import dev.labkit.gan.GanTrainer;
import dev.labkit.gan.Generator;
import dev.labkit.gan.ReferenceClassifier;
import dev.labkit.ground.Event;
import dev.labkit.ground.Home;
import dev.labkit.model.Gan;
import dev.labkit.model.LogisticRegression;
import dev.labkit.model.OwnClassifier;
import dev.labkit.model.Predictor;
import dev.labkit.neural.Torch;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An unconditional GAN as a classifier, so that it stands in one comparison table with discriminative
 * models: its fit trains the GAN on the training images, labels as many samples with the reference
 * classifier (the GAN has no labels of its own), and trains logistic regression on them; its test
 * accuracy is then train-on-synthetic, test-on-real, and its fit time the GAN's training and all that
 * follows. The fit logs the GAN's curves and {@code final/fid} (domain FID of the samples against the
 * training images), which the comparison's trials table shows beside the accuracy.
 */
public final class GanTstrClassifier {
  private GanTstrClassifier() {}

  /** The classifier {@code gan-tstr} that trains {@code spec} (unconditional; its own knobs) in its fit. */
  public static OwnClassifier of(Gan spec) {
    Gan gan = spec.conditional(false).checkpointEvery(0);
    return new OwnClassifier("gan-tstr", java.util.Map.of(), t -> fit(gan, t));
  }

  private static Predictor fit(Gan gan, OwnClassifier.Training t) {
    Dataset train = Generate.shift(t.data()); // unit pixels → [-1, 1], what G's tanh draws
    Torch.threads(gan.threads());
    try (ReferenceClassifier reference = ReferenceClassifier.forData(train, Home.cache().resolve("gan-reference"),
        gan.steps() < 100 ? 1 : 3, line -> { });
        NDManager manager = Torch.manager()) {
      GanTrainer.Result result = GanTrainer.train(gan, train, t.seed(), manager, event -> {
        if (event instanceof Event.Scalar s && s.name().startsWith("train/")) {
          t.log().scalar(s.step(), s.name(), s.value());
        }
      }, (step, g) -> { }, new GanTrainer.Checkpoints(null, false));
      Generator g = result.generator();
      int n = train.size();
      float[] images = g.sample(Generator.noise(new SplittableRandom(t.seed() ^ 0x757L), n, g.latent()), null);
      int[] labels = reference.predict(images);
      int d = ReferenceClassifier.FEATURES;
      int scored = Math.min(n, gan.samples());
      double fid = Fid.between(Arrays.copyOf(reference.features(train.features()), scored * d),
          Arrays.copyOf(reference.features(images), scored * d), d);
      t.log().scalar(gan.steps(), "final/fid", fid);
      t.log().table("gan_tstr", List.of("measure", "value"), List.of(
          List.of("GAN training (s)", Math.round(result.trainSeconds() * 10) / 10.0),
          List.of("domain FID against the training images", Math.round(fid * 10) / 10.0),
          List.of("samples labelled by the reference classifier", n)));
      float[] unit = images.clone();
      for (int i = 0; i < unit.length; i++) {
        unit[i] = (unit[i] + 1) / 2; // back to the pixels the test set has
      }
      Dataset synthetic = new Dataset("gan-samples-labelled-by-reference/train", "", train.shape(), train.classNames(),
          unit, labels);
      Classifier lr = Fitting.fit(LogisticRegression.defaults().maxIter(gan.steps() < 100 ? 20 : 200), synthetic,
          t.seed(), ignored -> { });
      int features = train.featureCount();
      return x -> {
        float[] row = new float[features];
        for (int j = 0; j < features; j++) {
          row[j] = (float) x[j];
        }
        Dataset one = new Dataset("x", "", train.shape(), train.classNames(), row, new int[] {0});
        return lr.predict(one)[0];
      };
    }
  }
}
