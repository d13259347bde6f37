package dev.labkit.gan;

import java.util.List;
import java.util.Locale;

/**
 * Which classes a generator's samples look like, as the reference classifier sees them, and whether
 * the generator has collapsed onto a few of them. A GAN trained on balanced data should produce every
 * class about equally often; mode collapse shows as classes that (almost) never appear.
 *
 * <p>The KL divergence from uniform, Σ pᵢ·ln(pᵢ·K), is 0 for a perfectly even histogram and ln K
 * (2.30 for ten classes) when every sample is one class; two classes out of ten give ln 5 = 1.61.
 *
 * @param counts      samples per class
 * @param klUniform   KL(p ‖ uniform) in nats
 * @param collapsed   whether some class has under {@link #MIN_SHARE} of the samples or KL is over {@link #MAX_KL}
 */
public record ClassHistogram(List<String> classNames, int[] counts, double klUniform, boolean collapsed) {
  /** A class seen in under 2 % of samples (a fifth of its fair 10 % among ten) counts as dropped. */
  public static final double MIN_SHARE = 0.02;
  /** KL above 0.25 nats: about what three classes of ten at a third of their share give. */
  public static final double MAX_KL = 0.25;

  /** The histogram of {@code predicted} classes over {@code classNames.size()} classes. */
  public static ClassHistogram of(int[] predicted, List<String> classNames) {
    int k = classNames.size();
    int[] counts = new int[k];
    for (int c : predicted) {
      counts[c]++;
    }
    double kl = 0;
    for (int count : counts) {
      double p = (double) count / predicted.length;
      kl += p == 0 ? 0 : p * Math.log(p * k);
    }
    boolean collapsed = kl > MAX_KL || minShare(counts) < MIN_SHARE;
    return new ClassHistogram(classNames, counts, kl, collapsed);
  }

  public double share(int c) {
    return (double) counts[c] / total();
  }

  public int total() {
    int sum = 0;
    for (int count : counts) {
      sum += count;
    }
    return sum;
  }

  public double minShare() {
    return minShare(counts);
  }

  private static double minShare(int[] counts) {
    int min = Integer.MAX_VALUE;
    int sum = 0;
    for (int count : counts) {
      min = Math.min(min, count);
      sum += count;
    }
    return (double) min / sum;
  }

  /** One line for the page: collapsed or not, and why. */
  public String verdict() {
    int rarest = 0;
    for (int c = 1; c < counts.length; c++) {
      rarest = counts[c] < counts[rarest] ? c : rarest;
    }
    String facts = String.format(Locale.ROOT, "rarest class %s at %.1f %% (flag below %.0f %%), KL from uniform %.3f"
        + " nats (flag above %.2f)", classNames.get(rarest), 100 * share(rarest), 100 * MIN_SHARE, klUniform, MAX_KL);
    return (collapsed ? "MODE COLLAPSE: " : "no mode collapse: ") + facts;
  }
}
