package dev.labkit.data;

import dev.labkit.Params;
import dev.labkit.UserError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Points around a straight line, y = slope·x + intercept + noise, generated from the run's seed: the
 * data of the gradient-descent lab. Get one from {@link Datasets#line()}.
 *
 * <pre>{@code
 * Datasets.line()                                            // y = 3x + 2 + N(0, 1), x ~ N(0, 1), 10,000 points
 * Datasets.line().noise(Noise.LAPLACE).noiseScale(2)         // heavier tails, twice the spread
 * Datasets.line().xDist(XDist.UNIFORM).xMin(-5).xMax(5)
 * }</pre>
 *
 * @param n          points to generate (smoke mode: at most 1,000)
 * @param xDist      {@code normal} (mean x_mean, standard deviation x_std) or {@code uniform} on [x_min, x_max]
 * @param noise      the kind of noise added to y ({@link Noise}); {@code noiseScale} is its standard deviation
 */
public record SyntheticLine(double slope, double intercept, int n, XDist xDist, double xMean, double xStd,
    double xMin, double xMax, Noise noise, double noiseScale) implements RegressionDataSpec<SyntheticLine> {

  /** How x is spread. */
  public enum XDist { NORMAL, UNIFORM }

  /** The most points smoke mode generates. */
  static final int SMOKE_N = 1000;

  public SyntheticLine {
    if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
      throw new UserError("slope and intercept must be finite numbers, got " + slope + " and " + intercept);
    }
    if (n < 2) {
      throw new UserError("n must be ≥ 2, got " + n + " (points to generate)");
    }
    if (xDist == null || noise == null) {
      throw new UserError("x_dist must be normal or uniform and noise gaussian, uniform or laplace");
    }
    if (!(xStd > 0) || !Double.isFinite(xMean) || Double.isInfinite(xStd)) {
      throw new UserError("x_std must be > 0, got " + Params.show(xStd));
    }
    if (!(xMin < xMax) || Double.isInfinite(xMin) || Double.isInfinite(xMax)) {
      throw new UserError("x_min must be below x_max, got " + Params.show(xMin) + " and " + Params.show(xMax));
    }
    if (!(noiseScale >= 0) || Double.isInfinite(noiseScale)) {
      throw new UserError("noise_scale must be ≥ 0, got " + Params.show(noiseScale) + " (the noise's standard deviation)");
    }
  }

  @Override
  public String name() {
    return "line";
  }

  @Override
  public RegressionData loadRegression(LoadOptions options) {
    int count = options.smoke() ? Math.min(n, SMOKE_N) : n;
    SplittableRandom random = new SplittableRandom(options.seed());
    SplittableRandom xs = random.split();
    SplittableRandom noises = random.split();
    double[] x = new double[count];
    double[] y = new double[count];
    for (int i = 0; i < count; i++) {
      x[i] = xDist == XDist.NORMAL ? xMean + xStd * xs.nextGaussian() : xMin + (xMax - xMin) * xs.nextDouble();
      y[i] = slope * x[i] + intercept + noise.sample(noises, noiseScale);
    }
    options.progress().accept(String.format(java.util.Locale.ROOT, "line: %,d points of y = %sx + %s + %s noise (sd %s)",
        count, Params.show(slope), Params.show(intercept), Params.name(noise), Params.show(noiseScale)));
    return new RegressionData("line", RegressionData.digestOf(x, y), List.of("x"), "y", x, y);
  }

  public SyntheticLine slope(double value) {
    return new SyntheticLine(value, intercept, n, xDist, xMean, xStd, xMin, xMax, noise, noiseScale);
  }

  public SyntheticLine intercept(double value) {
    return new SyntheticLine(slope, value, n, xDist, xMean, xStd, xMin, xMax, noise, noiseScale);
  }

  public SyntheticLine n(int value) {
    return new SyntheticLine(slope, intercept, value, xDist, xMean, xStd, xMin, xMax, noise, noiseScale);
  }

  public SyntheticLine xDist(XDist value) {
    return new SyntheticLine(slope, intercept, n, value, xMean, xStd, xMin, xMax, noise, noiseScale);
  }

  public SyntheticLine xMean(double value) {
    return new SyntheticLine(slope, intercept, n, xDist, value, xStd, xMin, xMax, noise, noiseScale);
  }

  public SyntheticLine xStd(double value) {
    return new SyntheticLine(slope, intercept, n, xDist, xMean, value, xMin, xMax, noise, noiseScale);
  }

  public SyntheticLine xMin(double value) {
    return new SyntheticLine(slope, intercept, n, xDist, xMean, xStd, value, xMax, noise, noiseScale);
  }

  public SyntheticLine xMax(double value) {
    return new SyntheticLine(slope, intercept, n, xDist, xMean, xStd, xMin, value, noise, noiseScale);
  }

  public SyntheticLine noise(Noise value) {
    return new SyntheticLine(slope, intercept, n, xDist, xMean, xStd, xMin, xMax, value, noiseScale);
  }

  public SyntheticLine noiseScale(double value) {
    return new SyntheticLine(slope, intercept, n, xDist, xMean, xStd, xMin, xMax, noise, value);
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("slope", slope);
    params.put("intercept", intercept);
    params.put("n", n);
    params.put("x_dist", Params.name(xDist));
    params.put("x_mean", xMean);
    params.put("x_std", xStd);
    params.put("x_min", xMin);
    params.put("x_max", xMax);
    params.put("noise", Params.name(noise));
    params.put("noise_scale", noiseScale);
    return params;
  }

  @Override
  public SyntheticLine with(String key, String value) {
    return switch (key) {
      case "slope" -> slope(Params.parseDouble(key, value));
      case "intercept" -> intercept(Params.parseDouble(key, value));
      case "n" -> n(Params.parseInt(key, value));
      case "x_dist" -> xDist(Params.parseEnum(key, value, XDist.class));
      case "x_mean" -> xMean(Params.parseDouble(key, value));
      case "x_std" -> xStd(Params.parseDouble(key, value));
      case "x_min" -> xMin(Params.parseDouble(key, value));
      case "x_max" -> xMax(Params.parseDouble(key, value));
      case "noise" -> noise(Params.parseEnum(key, value, Noise.class));
      case "noise_scale" -> noiseScale(Params.parseDouble(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }
}
