package dev.labkit.data;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.Params;
import dev.labkit.ground.UserError;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import dev.labkit.ground.Values;
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
    double xMin, double xMax, Noise noise, double noiseScale) implements RegressionDataSpec<SyntheticLine>, DeclaredSpec<SyntheticLine> {

  /** How x is spread. */
  public enum XDist { NORMAL, UNIFORM }

  /** The most points smoke mode generates. */
  static final int SMOKE_N = 1000;

  private static final Declare<SyntheticLine> P = Declare.of(SyntheticLine.class);

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<SyntheticLine> PARAMS = ParamTable.of(
      P.number("slope", SyntheticLine::slope, SyntheticLine::slope, "the true line's slope")
          .check(Double::isFinite, "a finite number"),
      P.number("intercept", SyntheticLine::intercept, SyntheticLine::intercept, "the true line's intercept")
          .check(Double::isFinite, "a finite number"),
      P.integer("n", SyntheticLine::n, SyntheticLine::n, "points to generate (smoke mode: at most 1,000)")
          .check(v -> v >= 2, "≥ 2", "points to generate"),
      P.choice("x_dist", XDist.class, SyntheticLine::xDist, SyntheticLine::xDist,
          "`normal` (mean `x_mean`, standard deviation `x_std`) or `uniform` on [`x_min`, `x_max`]"),
      P.number("x_mean", SyntheticLine::xMean, SyntheticLine::xMean, "the mean of a normal x")
          .check(Double::isFinite, "a finite number"),
      P.number("x_std", SyntheticLine::xStd, SyntheticLine::xStd, "the standard deviation of a normal x")
          .check(v -> v > 0 && !v.isInfinite(), "> 0"),
      P.number("x_min", SyntheticLine::xMin, SyntheticLine::xMin, "the low end of a uniform x")
          .check(Double::isFinite, "a finite number"),
      P.number("x_max", SyntheticLine::xMax, SyntheticLine::xMax, "the high end of a uniform x, above `x_min`")
          .check(Double::isFinite, "a finite number"),
      P.choice("noise", Noise.class, SyntheticLine::noise, SyntheticLine::noise,
          "the noise added to y: `gaussian`, `uniform` or `laplace`"),
      P.number("noise_scale", SyntheticLine::noiseScale, SyntheticLine::noiseScale,
          "the noise's standard deviation (so levels compare across kinds)")
          .check(v -> v >= 0 && !v.isInfinite(), "≥ 0", "the noise's standard deviation"));

  public SyntheticLine {
    PARAMS.validate(slope, intercept, n, xDist, xMean, xStd, xMin, xMax, noise, noiseScale);
    if (!(xMin < xMax)) {
      throw new UserError("x_min must be below x_max, got " + Values.show(xMin) + " and " + Values.show(xMax));
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
  public ParamTable<SyntheticLine> paramTable() {
    return PARAMS;
  }

}
