package dev.labkit.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.ground.Json;
import dev.labkit.model.Training;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each optimizer's two steps against real {@code torch.optim} (PyTorch 1.13, float64), stored by
 * tools/reference/optimizer_reference.py: formulas typed by hand in a test can share a mistake with the code
 * (a bias correction left out, ε added before it); PyTorch's own numbers cannot. The test needs no Python.
 */
class TorchOptimizerReferenceTest {
  static Training training(JsonNode c) {
    JsonNode args = c.get("args");
    Training training = Training.defaults().lr(c.get("lrs").get(0).asDouble())
        .optimizer(Training.Optimizer.valueOf(c.get("optimizer").asString().toUpperCase(java.util.Locale.ROOT)));
    if (args.has("momentum")) {
      training = training.momentum(args.get("momentum").asDouble());
    }
    if (args.has("weight_decay")) {
      training = training.weightDecay(args.get("weight_decay").asDouble());
    }
    return training;
  }

  @Test
  void two_steps_of_every_optimizer_give_torch_optims_weights() throws Exception {
    JsonNode reference;
    try (InputStream in = getClass().getResourceAsStream("/reference/optimizers.json")) {
      reference = Json.MAPPER.readTree(in);
    }
    assertThat(reference.get("w0").get(0).asDouble()).isEqualTo(OptimizersTest.W0[0]);
    assertThat(reference.get("grads").get(1).get(1).asDouble()).isEqualTo(OptimizersTest.G2[1]);
    assertThat(reference.get("cases").size()).isEqualTo(8);
    OptimizersTest.open(); // its manager, which twoSteps uses
    try {
      for (JsonNode c : reference.get("cases")) {
        check(c);
      }
    } finally {
      OptimizersTest.close();
    }
  }

  static void check(JsonNode c) {
    double[] w = OptimizersTest.twoSteps(training(c), c.get("lrs").get(0).asDouble(), c.get("lrs").get(1).asDouble());
    for (int i = 0; i < 2; i++) {
      double expected = c.get("w").get(i).asDouble();
      assertThat(w[i]).as(c.get("name").asString() + " w[" + i + "]").isCloseTo(expected, within(1e-12));
    }
  }
}
