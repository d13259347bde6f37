package dev.labkit.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.LogisticRegression;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTrainerTest {
  /** Three Gaussian blobs in 2-D, overlapping so the optimum is finite even without a penalty. */
  static Dataset blobs(int n, long seed) {
    Random random = new Random(seed);
    double[][] centres = {{0, 0}, {2, 0}, {0, 2}};
    float[] x = new float[n * 2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      x[2 * i] = (float) (centres[y[i]][0] + random.nextGaussian());
      x[2 * i + 1] = (float) (centres[y[i]][1] + random.nextGaussian());
    }
    return new Dataset("blobs", "", Shape.flat(2), List.of("a", "b", "c"), x, y);
  }

  /** ∇f at the fitted weights, computed independently in double: zero at the optimum. */
  static double maxGradient(LogisticModel model, Dataset data, double c) {
    int n = data.size();
    double[][] gw = new double[3][2];
    double[] gb = new double[3];
    double[] proba = model.predictProba(data);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        double delta = proba[i * 3 + k] - (data.labels()[i] == k ? 1 : 0);
        gw[k][0] += delta * data.features()[2 * i] / n;
        gw[k][1] += delta * data.features()[2 * i + 1] / n;
        gb[k] += delta / n;
      }
    }
    double max = 0;
    for (int k = 0; k < 3; k++) {
      for (int j = 0; j < 2; j++) {
        max = Math.max(max, Math.abs(gw[k][j] + model.weights()[k][j] / (c * n)));
      }
      max = Math.max(max, Math.abs(gb[k]));
    }
    return max;
  }

  @Test
  void fitted_weights_are_the_optimum_of_the_penalised_objective() {
    Dataset data = blobs(3000, 7);
    LogisticModel model = LogisticRegressionTrainer.fit(LogisticRegression.defaults().c(0.05).tol(1e-6), data,
        (i, f, g) -> {});
    assertThat(model.converged()).as("stopped by %s", model.stop()).isTrue();
    // features are float32 in the solver, so the gradient is exact to about 1e-6, not to double precision
    assertThat(maxGradient(model, data, 0.05)).isLessThan(1e-5);
  }

  @Test
  void the_intercepts_are_not_penalised() {
    Dataset data = blobs(3000, 8);
    LogisticModel model = LogisticRegressionTrainer.fit(LogisticRegression.defaults().c(1e-6).tol(1e-9), data,
        (i, f, g) -> {});
    // With heavy weight decay the weights shrink to ~0 but the intercepts still fit the class shares
    // (equal here), so the predicted probabilities approach 1/3 each rather than being pulled elsewhere.
    assertThat(model.maxAbsWeight()).isLessThan(0.01);
    double[] p = model.predictProba(data);
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-12));
    assertThat(p[0]).isCloseTo(1.0 / 3, within(0.05));
  }

  @Test
  void the_same_data_gives_bit_identical_weights_twice() {
    Dataset data = blobs(5000, 9);
    LogisticRegression spec = LogisticRegression.defaults().maxIter(30);
    LogisticModel a = LogisticRegressionTrainer.fit(spec, data, (i, f, g) -> {});
    LogisticModel b = LogisticRegressionTrainer.fit(spec, data, (i, f, g) -> {});
    assertThat(b.weights()).isDeepEqualTo(a.weights());
    assertThat(b.objective()).isEqualTo(a.objective());
  }

  @Test
  void separates_blobs_well() {
    Dataset train = blobs(3000, 10);
    Dataset test = blobs(1500, 11);
    LogisticModel model = LogisticRegressionTrainer.fit(LogisticRegression.defaults(), train, (i, f, g) -> {});
    int[] predicted = model.predict(test);
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      correct += predicted[i] == test.labels()[i] ? 1 : 0;
    }
    // Bayes accuracy for these blobs is about 0.79; a fitted linear model gets close to it
    assertThat(correct / (double) predicted.length).isGreaterThan(0.74);
  }
}
