package dev.labkit.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.data.Datasets;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.TrainTest;
import dev.labkit.eval.Metrics;
import dev.labkit.model.Svm;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SVM's own paths against Smile's: pairs fitted in parallel with seeded generators, and all machines
 * scored at once from shared kernel values, on real digits (the MNIST sample shipped in data/).
 */
class SvmModelTest {
  private static Dataset train;
  private static Dataset test;

  @BeforeAll
  static void load() {
    // the sample ships in the checkout's data/ folder; tests run in lib/
    TrainTest data = Datasets.mnistSample().path(java.nio.file.Path.of("..", "data", "mnist-sample"))
        .load(LoadOptions.quiet(42));
    train = spread(data.train(), 1200);
    test = spread(data.test(), 300);
  }

  /** n rows spread over the whole set (the sample's files are sorted by digit). */
  static Dataset spread(Dataset d, int n) {
    int f = d.featureCount();
    float[] x = new float[n * f];
    int[] y = new int[n];
    for (int r = 0; r < n; r++) {
      int row = (int) ((long) r * d.size() / n);
      System.arraycopy(d.features(), row * f, x, r * f, f);
      y[r] = d.labels()[row];
    }
    return new Dataset(d.id(), d.sha256(), d.shape(), d.classNames(), x, y);
  }

  @Test
  void shared_kernel_scores_give_smiles_probabilities_and_predictions() {
    SvmModel model = SvmModel.fit(Svm.defaults(), train, 7);
    double[] scores = model.scores(test);
    int pairs = scores.length / test.size();
    assertThat(pairs).isEqualTo(45);
    for (int i = 0; i < test.size(); i++) {
      for (int m = 0; m < pairs; m++) { // float32 distances (Σ(x−y)² there, ‖x‖² + ‖y‖² − 2x·y here): about
        double smile = model.smileScore(test, i, m); // 7 digits a kernel value, summed over hundreds of SVs
        assertThat(scores[i * pairs + m]).as("score %d/%d", i, m).isCloseTo(smile, within(1e-5));
      }
    }
    double[] fast = model.posteriors(test);
    double[] reference = new double[fast.length];
    int k = train.numClasses();
    for (int i = 0; i < test.size(); i++) {
      double[] p = new double[k];
      model.posteriori(test, i, p); // Smile's path: every machine computes its own kernel values
      System.arraycopy(p, 0, reference, i * k, k);
    }
    for (int i = 0; i < fast.length; i++) {
      // the coupling iterates to a tolerance (0.005 / k), so scores this close can stop it a step apart
      assertThat(fast[i]).as("posterior %d", i).isCloseTo(reference[i], within(1e-4));
    }
    assertThat(Metrics.argmax(fast, k)).containsExactly(Metrics.argmax(reference, k));
    assertThat(ClassicModelsTest.accuracy(model, test)).isGreaterThan(0.85);
    // 45 machines share their support vectors: far fewer distinct ones than the machines hold together
    assertThat(model.supportVectors()).isLessThanOrEqualTo(train.size());
  }

  @Test
  void the_float_rbf_kernel_is_smiles_gaussian_kernel_to_float_precision() {
    java.util.Random random = new java.util.Random(5);
    double gamma = SvmModel.scaleGamma(train);
    smile.math.kernel.GaussianKernel smile = new smile.math.kernel.GaussianKernel(Math.sqrt(1 / (2 * gamma)));
    RbfKernel ours = new RbfKernel(gamma);
    for (int t = 0; t < 200; t++) {
      int a = random.nextInt(train.size());
      int b = t == 0 ? a : random.nextInt(train.size());
      float[] x = Arrays.copyOfRange(train.features(), a * 784, a * 784 + 784);
      float[] y = Arrays.copyOfRange(train.features(), b * 784, b * 784 + 784);
      double expected = smile.k(toDouble(x), toDouble(y));
      assertThat(ours.k(x, y)).isCloseTo(expected, within(1e-6 * expected + 1e-300));
      double[] kg = ours.kg(x, y); // and its derivative by γ against a central difference
      double h = gamma * 1e-4;
      double numeric = (new RbfKernel(gamma + h).k(x, y) - new RbfKernel(gamma - h).k(x, y)) / (2 * h);
      assertThat(kg[1]).isCloseTo(numeric, within(1e-6 * Math.abs(numeric) + 1e-12));
    }
    float[] odd = {1, 2, 3}; // a length with a scalar tail: ‖(1,2,3) − (0,0,0)‖² = 14
    assertThat(RbfKernel.squaredDistance(odd, new float[3])).isEqualTo(14f);
  }

  private static double[] toDouble(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }

  @Test
  void the_same_seed_gives_the_same_machines_whatever_thread_fits_each_pair() {
    double[] first = SvmModel.fit(Svm.defaults(), train, 3).predictProba(test);
    double[] again = new java.util.concurrent.ForkJoinPool(1).submit(
        () -> SvmModel.fit(Svm.defaults(), train, 3).predictProba(test)).join();
    assertThat(again).containsExactly(first);
  }

  @Test
  void two_classes_make_one_machine() {
    int[] keep = java.util.stream.IntStream.range(0, train.size()).filter(i -> train.labels()[i] <= 1).toArray();
    float[] x = new float[keep.length * train.featureCount()];
    int[] y = new int[keep.length];
    for (int r = 0; r < keep.length; r++) {
      System.arraycopy(train.features(), keep[r] * train.featureCount(), x, r * train.featureCount(),
          train.featureCount());
      y[r] = train.labels()[keep[r]];
    }
    Dataset pair = new Dataset("zeros-and-ones", "", train.shape(), train.classNames(), x, y);
    SvmModel model = SvmModel.fit(Svm.defaults(), pair, 1);
    assertThat(ClassicModelsTest.accuracy(model, pair)).isGreaterThan(0.99);
    ClassicModelsTest.assertProbabilities(model.predictProba(pair), pair.size(), train.numClasses());
  }

  @Test
  void one_class_is_a_clear_error() {
    int[] y = new int[train.size()];
    Dataset single = new Dataset("ones", "", train.shape(), train.classNames(), train.features(), y);
    assertThatThrownBy(() -> SvmModel.fit(Svm.defaults(), single, 1)).isInstanceOf(UserError.class)
        .hasMessageContaining("only class 0").hasMessageContaining("at least two classes");
  }
}
