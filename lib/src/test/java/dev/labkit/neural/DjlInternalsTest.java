package dev.labkit.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The DJL internals labkit relies on ({@link DjlInternals}): if a DJL upgrade renames them, changes their
 * parameters or what they compute, this fails and says where to look.
 */
class DjlInternalsTest {
  private static final String FIX = "DJL changed ai.djl.pytorch.jni.JniUtils; adapt dev.labkit.neural.DjlInternals";

  @Test
  void the_jni_methods_labkit_calls_still_exist_with_the_same_parameters() throws Exception {
    Method adam = JniUtils.class.getMethod("adamUpdate", PtNDArray.class, PtNDArray.class, PtNDArray.class,
        PtNDArray.class, float.class, float.class, float.class, float.class, float.class, float.class, float.class,
        float.class, boolean.class);
    assertThat(adam.getReturnType()).as(FIX).isEqualTo(void.class);
    assertThat(JniUtils.class.getMethod("setNumThreads", int.class)).as(FIX).isNotNull();
    assertThat(JniUtils.class.getMethod("getNumThreads").getReturnType()).as(FIX).isEqualTo(int.class);
  }

  @Test
  void the_thread_count_changes_at_once() {
    Torch.threads(1);
    assertThat(DjlInternals.numThreads()).as(FIX).isEqualTo(1);
    Torch.threads(2);
    assertThat(DjlInternals.numThreads()).as(FIX).isEqualTo(2);
    Torch.threads(1);
  }

  @Test
  void two_fused_adam_steps_are_pytorchs_adam_computed_by_hand() {
    double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    double[] w = {1, -2, 0.5};
    double[][] grads = {{0.1, -0.3, 2}, {-0.4, 0.2, 1}};
    double[] m = new double[3];
    double[] v = new double[3];
    try (NDManager manager = Torch.manager()) {
      NDArray weight = manager.create(new float[] {1, -2, 0.5f});
      NDArray mean = manager.zeros(weight.getShape());
      NDArray variance = manager.zeros(weight.getShape());
      for (int t = 1; t <= 2; t++) {
        double[] g = grads[t - 1];
        double c1 = 1 - Math.pow(b1, t);
        double c2 = Math.sqrt(1 - Math.pow(b2, t));
        NDArray grad = manager.create(new float[] {(float) g[0], (float) g[1], (float) g[2]});
        DjlInternals.adamUpdate(weight, grad, mean, variance, (float) lr, (float) (lr * c2 / c1), 0f, (float) b1,
            (float) b2, (float) (eps * c2));
        for (int i = 0; i < 3; i++) { // torch.optim.Adam: w ← w − lr·m̂/(√v̂ + ε)
          m[i] = b1 * m[i] + (1 - b1) * g[i];
          v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
          w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / (c2 * c2)) + eps);
        }
      }
      float[] got = weight.toFloatArray();
      for (int i = 0; i < 3; i++) {
        assertThat((double) got[i]).as(FIX + " (weight " + i + ")").isCloseTo(w[i], within(1e-6));
      }
    }
  }
}
