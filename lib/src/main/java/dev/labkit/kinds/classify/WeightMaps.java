package dev.labkit.kinds.classify;

import dev.labkit.classic.Classifier;
import dev.labkit.classic.LinearWeights;
import dev.labkit.data.Dataset;
import dev.labkit.eval.Evaluation;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.ground.UserError;
import dev.labkit.image.Images;
import java.util.Arrays;
import java.util.Map;

/**
 * A linear model's weights drawn as images: one per class ({@code weightHeatmaps()}), and the difference
 * of two classes' ({@code weightDifference(6, 8)}), both on a symmetric diverging scale (red positive, blue
 * negative, white zero). A colour image's three weights per pixel are averaged into one, so a CIFAR-10
 * heatmap shows where a class looks, not which colour.
 */
final class WeightMaps {
  private static final int HEATMAP_PIXEL_SCALE = 5;

  private WeightMaps() {}

  static void perClass(Classifier model, Dataset test, EventSink events, Map<String, Double> metrics) {
    LinearWeights linear = linear(model, "weightHeatmaps()");
    metrics.put("weights/max_abs", linear.maxAbsWeight());
    double[][] perPixel = perPixel(linear, test);
    // the colours saturate at the 99th percentile of |w|: a few rarely-lit border pixels carry the
    // largest weights, and scaling to them would wash every other pixel out to white
    double scale = colourScale(perPixel);
    for (int c = 0; c < perPixel.length; c++) {
      events.accept(new Event.Image("weights/" + c, test.classNames().get(c), "Weight heatmaps", null,
          png(perPixel[c], test, scale), Map.of("max_abs", scale)));
    }
  }

  /**
   * w_a − w_b per pair, each on its own scale (the 99th percentile of its |difference|), with
   * {@code weights/diff_<a>_<b>_max_abs} recorded: how far apart the two classes' templates are.
   */
  static void differences(Evaluation.WeightDifference pairs, Classifier model, Dataset test, EventSink events,
      Map<String, Double> metrics) {
    LinearWeights linear = linear(model, "weightDifference(...)");
    double[][] perPixel = perPixel(linear, test);
    for (Evaluation.WeightDifference.Pair pair : pairs.pairs()) {
      int classes = perPixel.length;
      if (pair.a() >= classes || pair.b() >= classes) {
        throw new UserError("weightDifference(" + pair.a() + ", " + pair.b() + "): " + test.classNames().size()
            + " classes here, numbered 0 to " + (classes - 1) + "; choose two of them");
      }
      double[] diff = new double[perPixel[0].length];
      for (int p = 0; p < diff.length; p++) {
        diff[p] = perPixel[pair.a()][p] - perPixel[pair.b()][p];
      }
      double scale = colourScale(new double[][] {diff});
      metrics.put("weights/diff_" + pair.a() + "_" + pair.b() + "_max_abs",
          Arrays.stream(diff).map(Math::abs).max().orElse(0));
      String a = test.classNames().get(pair.a());
      String b = test.classNames().get(pair.b());
      events.accept(new Event.Image("weight-diff/" + pair.a() + "-" + pair.b(), a + " − " + b + " (red: " + a
          + ", blue: " + b + ")", "Weight differences", null, png(diff, test, scale), Map.of("max_abs", scale)));
    }
  }

  private static LinearWeights linear(Classifier model, String evaluation) {
    if (!(model instanceof LinearWeights linear)) {
      throw new UserError(evaluation + " needs a linear model such as logisticRegression() or softmaxRegression()");
    }
    return linear;
  }

  /** One weight per pixel and class: a colour image's channels averaged (stored channel-last). */
  private static double[][] perPixel(LinearWeights linear, Dataset test) {
    int pixels = test.shape().height() * test.shape().width();
    int channels = test.shape().channels(); // pixel p, channel ch at p·channels + ch
    double[][] weights = linear.weights();
    double[][] perPixel = new double[weights.length][pixels];
    for (int c = 0; c < perPixel.length; c++) {
      for (int p = 0; p < pixels; p++) {
        double sum = 0;
        for (int ch = 0; ch < channels; ch++) {
          sum += weights[c][p * channels + ch];
        }
        perPixel[c][p] = sum / channels;
      }
    }
    return perPixel;
  }

  private static byte[] png(double[] values, Dataset test, double scale) {
    float[] pixels = new float[values.length];
    for (int p = 0; p < pixels.length; p++) {
      pixels[p] = (float) values[p];
    }
    return Images.divergingHeatmapPng(pixels, test.shape().height(), test.shape().width(), scale, HEATMAP_PIXEL_SCALE);
  }

  /** The 99th percentile of |w| over every row (all share one scale). */
  static double colourScale(double[][] weights) {
    double[] all = Arrays.stream(weights).flatMapToDouble(Arrays::stream).map(Math::abs).sorted().toArray();
    return all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.ceil(0.99 * all.length) - 1)];
  }
}
