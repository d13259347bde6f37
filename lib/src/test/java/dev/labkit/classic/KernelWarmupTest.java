package dev.labkit.classic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.model.LogisticRegression;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KernelWarmupTest {
  /** 28×28 "images" of three classes, each class brighter in its own third of the pixels. */
  static Dataset images(int n) {
    Random random = new Random(5);
    float[] x = new float[n * 784];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      for (int j = 0; j < 784; j++) {
        x[i * 784 + j] = (float) (random.nextDouble() * (j * 3 / 784 == y[i] ? 1.0 : 0.6));
      }
    }
    return new Dataset("thirds", "", new Shape(28, 28, 1), List.of("a", "b", "c"), x, y);
  }

  @Test
  void a_fit_computes_the_same_bits_before_and_after_the_kernels_were_warmed_and_while_they_are() throws Exception {
    Dataset data = images(301);
    LogisticRegression spec = LogisticRegression.defaults().maxIter(15);
    LogisticModel before = LogisticRegressionTrainer.fit(spec, data, (i, f, g) -> {});

    assertThat(KernelWarmup.run(() -> false)).isEqualTo(KernelWarmup.PASSES);
    LogisticModel after = LogisticRegressionTrainer.fit(spec, data, (i, f, g) -> {});

    AtomicInteger passes = new AtomicInteger();
    Thread beside = Thread.ofPlatform().start(() -> passes.set(KernelWarmup.run(() -> false)));
    LogisticModel during = LogisticRegressionTrainer.fit(spec, data, (i, f, g) -> {});
    beside.join();

    assertThat(after.weights()).isDeepEqualTo(before.weights());
    assertThat(during.weights()).isDeepEqualTo(before.weights());
    assertThat(after.objective()).isEqualTo(before.objective());
    assertThat(passes.get()).isEqualTo(KernelWarmup.PASSES);
  }

  @Test
  void the_warm_up_ends_at_its_next_pass_once_asked() {
    AtomicInteger asked = new AtomicInteger();
    assertThat(KernelWarmup.run(() -> asked.incrementAndGet() > 3)).isEqualTo(3);
  }
}
