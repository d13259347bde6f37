package dev.labkit.kinds.generate;

import dev.labkit.classic.Classifier;
import dev.labkit.classic.Fitting;
import dev.labkit.data.Dataset;
import dev.labkit.data.TrainTest;
import dev.labkit.eval.Metrics;
import dev.labkit.gan.Generator;
import dev.labkit.gan.ReferenceClassifier;
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
 * on a GAN's samples, tested on the real test set. A conditional GAN's samples carry the labels they were
 * generated for; an unconditional GAN's have none, so the reference classifier labels them (the class it
 * sees in each), and the page says so. Both sit
 * next to the same model trained on the real training set. If G's images of a class really look like
 * that class, the first comes close to the second; samples that are sharp but wrongly labelled or all
 * alike score low.
 */
final class Tstr {
  /** As many samples as Fashion-MNIST's training set, in equal shares per class. */
  static final int SAMPLES = 60_000;

  private Tstr() {}

  /** {@code labeller}: null for a conditional GAN (its samples keep their labels), else who labels them. */
  static void run(Generator g, TrainTest real, ReferenceClassifier labeller, boolean smoke, long seed,
      EventSink events, Map<String, Double> metrics) {
    int n = smoke ? 2_000 : SAMPLES;
    int[] labels = null;
    if (labeller == null) {
      labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = i % g.classes();
      }
    }
    float[] images = g.sample(Generator.noise(new SplittableRandom(seed ^ 0x757L), n, g.latent()), labels);
    if (labeller != null) {
      labels = labeller.predict(images);
    }
    Dataset train = real.train();
    String source = labeller == null ? "cgan-samples/train" : "gan-samples-labelled-by-reference/train";
    Dataset synthetic = new Dataset(source, "", train.shape(), train.classNames(), images, labels);
    LogisticRegression model = LogisticRegression.defaults().maxIter(smoke ? 20 : 200);
    String labelled = labeller == null ? "with the classes G was asked for"
        : "labelled by the reference classifier (an unconditional GAN's samples have no labels of their own)";
    events.accept(new Event.Phase("tstr", "logistic regression on " + n + " generated samples " + labelled
        + ", and on the real training set"));
    double onSamples = accuracy(Fitting.fit(model, synthetic, seed, ignored -> { }), real.test());
    double onReal = accuracy(Fitting.fit(model, train, seed, ignored -> { }), real.test());
    metrics.put("tstr/accuracy", onSamples);
    metrics.put("trtr/accuracy", onReal);
    events.accept(new Event.Phase("tstr", String.format(Locale.ROOT, "test accuracy: %.4f trained on samples, %.4f"
        + " on real images", onSamples, onReal)));
    String title = "Train on synthetic, test on real (logistic regression, real test set; samples " + labelled
        + ")";
    events.accept(new Event.Table("tstr", "table", title, Map.of("columns",
        List.of("trained on", "examples", "test accuracy"), "rows", List.of(
            List.of(labeller == null ? "conditional GAN samples" : "GAN samples, reference classifier's labels", n, Math.round(onSamples * 10000) / 10000.0),
            List.of("real training images", train.size(), Math.round(onReal * 10000) / 10000.0)))));
    // the chart's own title stays short: Vega-Lite does not wrap it, and the long one widened the chart past the
    // page's column (the section above it says the whole of it)
    events.accept(new Event.Table("tstr-chart", "chart", title, Charts.bars("Test accuracy by training set")
        .x("trained on", "trained on")
        .y("accuracy", "test accuracy").data(List.of(Charts.row("trained on", "GAN samples", "accuracy", onSamples),
            Charts.row("trained on", "real images", "accuracy", onReal))).spec()));
  }

  private static double accuracy(Classifier model, Dataset test) {
    return Metrics.accuracy(test.labels(), model.predict(test));
  }
}
