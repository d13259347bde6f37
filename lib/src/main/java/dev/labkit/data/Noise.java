package dev.labkit.data;

import java.util.random.RandomGenerator;

/**
 * The kinds of random noise labkit adds: to synthetic targets, and (injected) to the data, the weights or
 * the learning rate while training. A noise's {@code scale} is always its standard deviation, so
 * "noise 1" means the same spread whatever the kind: Gaussian N(0, s²), uniform on [−s√3, s√3], Laplace
 * with b = s/√2. The kinds differ in their tails: Laplace throws more outliers than Gaussian, uniform none.
 */
public enum Noise {
  GAUSSIAN, UNIFORM, LAPLACE;

  private static final double SQRT3 = Math.sqrt(3);
  private static final double SQRT2 = Math.sqrt(2);

  /** One draw with mean 0 and standard deviation {@code scale}. */
  public double sample(RandomGenerator random, double scale) {
    return switch (this) {
      case GAUSSIAN -> scale * random.nextGaussian();
      case UNIFORM -> scale * SQRT3 * (2 * random.nextDouble() - 1);
      case LAPLACE -> scale / SQRT2 * random.nextExponential() * (random.nextBoolean() ? 1 : -1);
    };
  }

  /** {@code n} draws, for a whole column at once. */
  public double[] samples(RandomGenerator random, double scale, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = sample(random, scale);
    }
    return values;
  }
}
