package dev.labkit.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.labkit.ground.UserError;
import dev.labkit.model.Loss;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The losses' values against their definitions, and their gradients (DJL's autograd) against a central
 * finite difference of the loss itself, on 50 seeded points whose residuals straddle Huber's δ.
 */
class LossTest {
  static NDManager manager;
  static final double[] X = new double[50];
  static final double[] Y = new double[50];

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < X.length; i++) {
      X[i] = random.nextGaussian();
      Y[i] = 3 * X[i] + 2 + 2 * random.nextGaussian();
    }
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  static Stream<Loss> losses() {
    return Stream.of(Loss.mse(), Loss.mse().kind(Loss.Kind.MAE), Loss.mse().kind(Loss.Kind.HUBER).huberDelta(1.5),
        Loss.mse().kind(Loss.Kind.HYBRID).hybridAlpha(0.3),
        Loss.custom("log-cosh", (p, t) -> p.sub(t).cosh().log().mean()));
  }

  /** The loss of the line (w, b) on the points, in float64. */
  static double loss(Loss loss, double w, double b) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = scope.create(X);
      return loss.apply(x.mul(w).add(b), scope.create(Y)).getDouble();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void autograd_gradient_matches_a_central_finite_difference(Loss loss) {
    double w0 = 1.3;
    double b0 = 0.4;
    double[] grad;
    try (NDManager scope = manager.newSubManager()) {
      NDArray w = scope.create(w0);
      NDArray b = scope.create(b0);
      w.setRequiresGradient(true);
      b.setRequiresGradient(true);
      try (GradientCollector tape = Engine.getInstance().newGradientCollector()) {
        tape.backward(loss.apply(scope.create(X).mul(w).add(b), scope.create(Y)));
      }
      grad = new double[] {w.getGradient().getDouble(), b.getGradient().getDouble()};
    }
    double h = 1e-6;
    double dw = (loss(loss, w0 + h, b0) - loss(loss, w0 - h, b0)) / (2 * h);
    double db = (loss(loss, w0, b0 + h) - loss(loss, w0, b0 - h)) / (2 * h);
    assertThat(grad[0]).isCloseTo(dw, within(1e-7));
    assertThat(grad[1]).isCloseTo(db, within(1e-7));
  }

  @Test
  void values_follow_the_definitions_on_residuals_inside_and_outside_delta() {
    NDArray prediction = manager.create(new double[] {0, 0.5, -3, 2});
    NDArray target = manager.create(new double[] {0, 0, 0, 0});
    assertThat(Loss.mse().apply(prediction, target).getDouble()).isCloseTo((0.25 + 9 + 4) / 4, within(1e-15));
    assertThat(Loss.mse().kind(Loss.Kind.MAE).apply(prediction, target).getDouble()).isCloseTo(5.5 / 4, within(1e-15));
    // δ = 1: ½·0.25 inside; |r| − ½ outside
    assertThat(Loss.mse().kind(Loss.Kind.HUBER).apply(prediction, target).getDouble())
        .isCloseTo((0.125 + 2.5 + 1.5) / 4, within(1e-15));
    assertThat(Loss.mse().kind(Loss.Kind.HYBRID).apply(prediction, target).getDouble())
        .isCloseTo(0.5 * 13.25 / 4 + 0.5 * 5.5 / 4, within(1e-15));
  }

  @Test
  void mae_gradient_at_a_zero_residual_is_zero() {
    NDArray prediction = manager.create(new double[] {0, 1, -1});
    prediction.setRequiresGradient(true);
    try (GradientCollector tape = Engine.getInstance().newGradientCollector()) {
      tape.backward(Loss.mse().kind(Loss.Kind.MAE).apply(prediction, manager.zeros(prediction.getShape(),
          prediction.getDataType())));
    }
    assertThat(prediction.getGradient().toDoubleArray()).containsExactly(0.0, 1.0 / 3, -1.0 / 3);
  }

  @Test
  void bad_settings_and_names_are_one_line_errors() {
    assertThatThrownBy(() -> Loss.mse().huberDelta(0)).isInstanceOf(UserError.class)
        .hasMessageStartingWith("huber_delta must be > 0, got 0");
    assertThatThrownBy(() -> Loss.mse().hybridAlpha(1.5)).isInstanceOf(UserError.class)
        .hasMessageStartingWith("hybrid_alpha must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> Loss.mse().with("loss", "l3")).isInstanceOf(UserError.class)
        .hasMessage("loss must be one of mse, mae, huber, hybrid, got 'l3'");
    assertThatThrownBy(() -> Loss.mse().with("loss", "custom")).isInstanceOf(UserError.class)
        .hasMessageContaining("a custom loss is a function given in the script");
  }
}
