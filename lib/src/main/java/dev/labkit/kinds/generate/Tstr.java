package dev.labkit.kinds.generate;

import dev.labkit.classic.Classifier;
import dev.labkit.classic.Fitting;
import dev.labkit.data.Dataset;
import dev.labkit.data.TrainTest;
import dev.labkit.eval.Metrics;
import dev.labkit.gan.Generator;
import dev.labkit.model.LogisticRegression;
import dev.labkit.chart.Charts;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Train on synthetic, test on real (the "classification accuracy score"): logistic regression trained
 * on a conditional GAN's samples with the labels they were generated for, tested on the real test set,
 * next to the same model trained on the real training set. If G's images of a class really look like
 * that class, the first comes close to the second; samples that are sharp but wrongly labelled or all
 * alike score low.
 */
final class Tstr {
  /** As many samples as Fashion-MNIST's training set, in equal shares per class. */
  static final int SAMPLES = 60_000;

  private Tstr() {}

  static void run(Generator g, TrainTest real, boolean smoke, long seed, EventSink events,
      Map<String, Double> metrics) {
    int n = smoke ? 2_000 : SAMPLES;
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % g.classes();
    }
    float[] images = g.sample(Generator.noise(new SplittableRandom(seed ^ 0x757L), n, g.latent()), labels);
    Dataset train = real.train();
    Dataset synthetic = new Dataset("cgan-samples/train", "", train.shape(), train.classNames(), images, labels);
    LogisticRegression model = LogisticRegression.defaults().maxIter(smoke ? 20 : 200);
    events.accept(new Event.Phase("tstr", "logistic regression on " + n + " generated samples, and on the real training set"));
    double onSamples = accuracy(Fitting.fit(model, synthetic, seed, ignored -> { }), real.test());
    double onReal = accuracy(Fitting.fit(model, train, seed, ignored -> { }), real.test());
    metrics.put("tstr/accuracy", onSamples);
    metrics.put("trtr/accuracy", onReal);
    events.accept(new Event.Phase("tstr", String.format(Locale.ROOT, "test accuracy: %.4f trained on samples, %.4f"
        + " on real images", onSamples, onReal)));
    String title = "Train on synthetic, test on real (logistic regression, real test set)";
    events.accept(new Event.Table("tstr", "table", title, Map.of("columns",
        List.of("trained on", "examples", "test accuracy"), "rows", List.of(
            List.of("conditional GAN samples", n, Math.round(onSamples * 10000) / 10000.0),
            List.of("real training images", train.size(), Math.round(onReal * 10000) / 10000.0)))));
    events.accept(new Event.Table("tstr-chart", "chart", title, Charts.bars(title).x("trained on", "trained on")
        .y("accuracy", "test accuracy").data(List.of(Charts.row("trained on", "GAN samples", "accuracy", onSamples),
            Charts.row("trained on", "real images", "accuracy", onReal))).spec()));
  }

  private static double accuracy(Classifier model, Dataset test) {
    return Metrics.accuracy(test.labels(), model.predict(test));
  }
}
