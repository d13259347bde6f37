package dev.labkit.gan;

import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.Gan;
import dev.labkit.chart.Charts;
import dev.labkit.image.SampleGrid;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a GAN run shows and measures, as events: the fixed-noise sample grid and the domain FID at each
 * sample step (group "Samples (fixed noise)", one image per step, named {@code samples/step-NNNNNN}, so a
 * step slider can page through them), and at the end the class histogram with its collapse verdict
 * (for a GAN of one class: that they do not apply), the final FID, precision and recall, and
 * interpolation strips.
 */
public final class GanViews {
  public static final String SAMPLES_GROUP = "Samples (fixed noise)";
  private static final int TRAINING_FID_SAMPLES = 2_000;
  private static final int PR_SAMPLES = 5_000;

  private final Gan spec;
  private final Dataset test;
  private final ReferenceClassifier reference;
  private final EventSink events;
  private final long seed;
  private final float[] fixedNoise;
  private final int[] fixedLabels;
  private final int columns;
  private final float[] realFeatures;      // of the whole test set: the final FID's reference
  private final float[] realFeaturesEarly; // of its first 2,000: FID during training

  public GanViews(Gan spec, Dataset test, ReferenceClassifier reference, EventSink events, long seed) {
    this.spec = spec;
    this.test = test;
    this.reference = reference;
    this.events = events;
    this.seed = seed;
    int classes = spec.conditional() ? test.numClasses() : 0;
    this.columns = classes > 0 ? classes : 8; // a conditional grid has one column per class
    this.fixedNoise = Generator.noise(new SplittableRandom(seed ^ 0x5EEDL), 8 * columns, spec.latent());
    this.fixedLabels = classes > 0 ? new int[8 * columns] : null;
    for (int i = 0; fixedLabels != null && i < fixedLabels.length; i++) {
      fixedLabels[i] = i % columns;
    }
    this.realFeatures = reference.features(test.features());
    int early = Math.min(TRAINING_FID_SAMPLES, test.size());
    this.realFeaturesEarly = java.util.Arrays.copyOf(realFeatures, early * ReferenceClassifier.FEATURES);
  }

  /** The sample grid and the FID at one step. */
  public void atSample(long step, Generator g) {
    Shape shape = test.shape();
    float[] grid = g.sample(fixedNoise, fixedLabels);
    byte[] png = SampleGrid.png(grid, shape.height(), shape.width(), shape.channels(), columns, -1, 1, 2);
    events.accept(new Event.Image(String.format(Locale.ROOT, "samples/step-%06d", step), "fixed noise",
        SAMPLES_GROUP, step, png, Map.of("slider", "step")));
    Sampled early = sample(g, realFeaturesEarly.length / ReferenceClassifier.FEATURES, seed + step);
    events.accept(new Event.Scalar(step, "fid", Fid.between(realFeaturesEarly, early.features(),
        ReferenceClassifier.FEATURES)));
  }

  /** Generated images with their features and the classes the reference classifier sees in them. */
  record Sampled(float[] images, float[] features, int[] labels) {}

  Sampled sample(Generator g, int n, long noiseSeed) {
    SplittableRandom random = new SplittableRandom(noiseSeed);
    int[] labels = null;
    if (g.classes() > 0) {
      labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = i % g.classes(); // balanced classes, so the histogram can be judged against uniform
      }
    }
    float[] images = g.sample(Generator.noise(random, n, spec.latent()), labels);
    return new Sampled(images, reference.features(images), labels);
  }

  /** The end-of-run measures on {@code samples} generated images; puts the headline numbers in {@code metrics}. */
  public void finish(Generator g, Map<String, Double> metrics) {
    int d = ReferenceClassifier.FEATURES;
    Sampled s = sample(g, spec.samples(), seed ^ 0xF1D);
    int[] predicted = reference.predict(s.images());
    if (test.numClasses() == 1) {
      oneClass();
    } else {
      histogram(ClassHistogram.of(predicted, test.classNames()), metrics);
    }
    if (s.labels() != null) { // conditional: does G draw the class it was asked for?
      int agree = 0;
      for (int i = 0; i < predicted.length; i++) {
        agree += predicted[i] == s.labels()[i] ? 1 : 0;
      }
      metrics.put("label_agreement", (double) agree / predicted.length);
    }
    metrics.put("fid", Fid.between(realFeatures, s.features(), d));
    int n = Math.min(PR_SAMPLES, Math.min(spec.samples(), test.size()));
    PrecisionRecall pr = PrecisionRecall.of(java.util.Arrays.copyOf(realFeatures, n * d),
        java.util.Arrays.copyOf(s.features(), n * d), d);
    metrics.put("precision", pr.precision());
    metrics.put("recall", pr.recall());
    events.accept(new Event.Table("quality", "table", "Sample quality (reference classifier features; domain FID,"
        + " not Inception FID)", Map.of("columns", List.of("measure", "value", "meaning"), "rows", List.of(
            List.of("domain FID", round(metrics.get("fid")), spec.samples() + " samples against the "
                + test.size() + " real test images; lower is better, 0 is identical statistics"),
            List.of("precision (k = 3)", round(pr.precision()), "share of samples inside the real images' manifold"),
            List.of("recall (k = 3)", round(pr.recall()), "share of real images inside the samples' manifold"
                + " (low: G misses part of the data)"),
            List.of("label agreement", metrics.containsKey("label_agreement") ? round(metrics.get("label_agreement"))
                : "—", "conditional GAN: share of samples the reference classifier puts in the class G was asked"
                + " for (its own test accuracy: " + round(metrics.getOrDefault("reference_accuracy", Double.NaN))
                + ")")))));
    interpolations(g);
  }

  private void histogram(ClassHistogram h, Map<String, Double> metrics) {
    metrics.put("kl_uniform", h.klUniform());
    metrics.put("min_class_share", h.minShare());
    metrics.put("collapsed", h.collapsed() ? 1.0 : 0.0);
    List<Map<String, Object>> rows = new ArrayList<>();
    List<List<Object>> table = new ArrayList<>();
    for (int c = 0; c < h.counts().length; c++) {
      rows.add(Charts.row("class", h.classNames().get(c), "share", h.share(c)));
      table.add(List.of(h.classNames().get(c), h.counts()[c], round(100 * h.share(c))));
    }
    events.accept(new Event.Table("mode-collapse", "table", "Mode collapse check: " + h.verdict(),
        Map.of("columns", List.of("class", "samples", "share %"), "rows", table)));
    events.accept(new Event.Table("class-histogram", "chart", "Classes of " + h.total() + " samples",
        Charts.bars("Classes of " + h.total() + " generated samples, as the reference classifier sees them")
            .x("class", "class").y("share", "share of samples").data(rows).spec()));
  }

  /**
   * A GAN of one class ({@code data.classes=3}): a class histogram over one class is always 100 %, so the
   * histogram and the collapse check say that they do not apply, instead of numbers; FID and
   * precision/recall, against that class's real images, tell how close and how varied the samples are.
   */
  private void oneClass() {
    String why = "one class (" + test.classNames().getFirst() + "): every sample is of it, so a histogram of"
        + " classes cannot show collapse; read FID and recall against the class's real images instead";
    events.accept(new Event.Table("mode-collapse", "table", "Mode collapse check: does not apply (one class)",
        Map.of("columns", List.of("check", "result"), "rows", List.of(List.of("class histogram", "does not apply: "
            + why), List.of("collapse check", "does not apply (one class); a low recall says G covers only part"
            + " of the class")))));
    events.accept(new Event.Table("class-histogram", "table", "Classes of samples: does not apply (one class)",
        Map.of("columns", List.of("class", "note"), "rows", List.of(List.of(test.classNames().getFirst(),
            "does not apply (one class)")))));
  }

  /** Six strips of ten images between fixed noise pairs, linear and spherical; per class when conditional. */
  private void interpolations(Generator g) {
    int rows = g.classes() > 0 ? g.classes() : 6;
    float[][] ends = new float[2 * rows][];
    SplittableRandom random = new SplittableRandom(seed ^ 0x1E4BL);
    float[] a = Generator.noise(random, 1, spec.latent());
    float[] b = Generator.noise(random, 1, spec.latent());
    for (int r = 0; r < rows; r++) { // conditional: the same pair in every row, one class per row
      ends[2 * r] = g.classes() > 0 ? a : Generator.noise(random, 1, spec.latent());
      ends[2 * r + 1] = g.classes() > 0 ? b : Generator.noise(random, 1, spec.latent());
    }
    int[] labels = null;
    if (g.classes() > 0) {
      labels = new int[rows * 10];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = i / 10;
      }
    }
    Shape shape = test.shape();
    for (boolean spherical : new boolean[] {false, true}) {
      float[] images = g.sample(Interpolation.strips(ends, 10, spherical), labels);
      String kind = spherical ? "spherical" : "linear";
      events.accept(new Event.Image("interpolation/" + kind, kind + (g.classes() > 0 ? " (one class per row)" : ""),
          "Latent interpolation", null, SampleGrid.png(images, shape.height(), shape.width(), shape.channels(), 10,
              -1, 1, 2)));
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
