package dev.labkit.neural;

import dev.labkit.Params;
import dev.labkit.UserError;
import dev.labkit.data.Noise;
import java.util.LinkedHashMap;
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
public record Injection(Noise type, double data, double weights, double lr) {
  public Injection {
    if (type == null) {
      throw new UserError("noise_type must be one of gaussian, uniform, laplace, got nothing");
    }
    check("noise_data", data);
    check("noise_weights", weights);
    check("noise_lr", lr);
  }

  public static Injection none() {
    return new Injection(Noise.GAUSSIAN, 0, 0, 0);
  }

  private static void check(String key, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new UserError(key + " must be ≥ 0, got " + Params.show(value) + " (a standard deviation; 0 = no noise)");
    }
  }

  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("noise_type", Params.name(type));
    params.put("noise_data", data);
    params.put("noise_weights", weights);
    params.put("noise_lr", lr);
    return params;
  }

  public static boolean has(String key) {
    return none().params().containsKey(key);
  }

  public Injection with(String key, String value) {
    return switch (key) {
      case "noise_type" -> new Injection(Params.parseEnum(key, value, Noise.class), data, weights, lr);
      case "noise_data" -> new Injection(type, Params.parseDouble(key, value), weights, lr);
      case "noise_weights" -> new Injection(type, data, Params.parseDouble(key, value), lr);
      case "noise_lr" -> new Injection(type, data, weights, Params.parseDouble(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }
}
