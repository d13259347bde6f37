package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import dev.labkit.data.Noise;
import java.util.Map;

/**
 * Noise injected while training, all drawn from the run's seed, each a standard deviation (0 = none):
 *
 * @param type    the kind of noise: {@code gaussian}, {@code uniform} or {@code laplace} ({@link Noise})
 * @param data    added to every input feature afresh at each step (the model never sees the same data twice;
 *                for a line fit it pulls the slope towards 0, the "errors in variables" effect)
 * @param weights added to every weight and the bias after each update (a random walk the loss must fight)
 * @param lr      relative noise on the learning rate: each update uses lr · max(0, 1 + noise)
 */
public record Injection(Noise type, double data, double weights, double lr) implements DeclaredSpec<Injection> {
  private static final Declare<Injection> P = Declare.of(Injection.class);
  private static final String STD = "a standard deviation; 0 = no noise";

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<Injection> PARAMS = ParamTable.of(
      P.choice("noise_type", Noise.class, Injection::type, (n, v) -> new Injection(v, n.data, n.weights, n.lr),
          "kind of the injected noise: `gaussian`, `uniform` or `laplace`"),
      P.number("noise_data", Injection::data, (n, v) -> new Injection(n.type, v, n.weights, n.lr),
          "std of the noise added to every input afresh at each step").check(Injection::std, "≥ 0", STD),
      P.number("noise_weights", Injection::weights, (n, v) -> new Injection(n.type, n.data, v, n.lr),
          "std of the noise added to every weight and the bias after each update").check(Injection::std, "≥ 0", STD),
      P.number("noise_lr", Injection::lr, (n, v) -> new Injection(n.type, n.data, n.weights, v),
          "relative noise on the learning rate: each update uses lr·max(0, 1 + ε)").check(Injection::std, "≥ 0", STD));

  public Injection {
    PARAMS.validate(type, data, weights, lr);
  }

  public static Injection none() {
    return new Injection(Noise.GAUSSIAN, 0, 0, 0);
  }

  private static boolean std(double value) {
    return value >= 0 && !Double.isInfinite(value);
  }

  @Override
  public ParamTable<Injection> paramTable() {
    return PARAMS;
  }

  /** Whether {@code key} is one of {@link #params()}' keys, so a model spec knows to route it here. */
  public static boolean has(String key) {
    return PARAMS.has(key);
  }

}
