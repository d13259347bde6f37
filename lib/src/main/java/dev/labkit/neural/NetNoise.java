package dev.labkit.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.labkit.model.Injection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Noise injected into a classifier network's training ({@code model.noise_*}): on the inputs of every batch,
 * on every parameter after each update, on the learning rate of each update. Each epoch draws from streams
 * seeded by the run's seed and the epoch, one stream per kind, so switching one kind on never changes what
 * another draws, and a run resumed at an epoch draws what the uninterrupted run drew there.
 */
final class NetNoise {
  private final Injection spec;
  private Streams streams;

  NetNoise(Injection spec) {
    this.spec = spec;
  }

  /** New streams for {@code epoch}. */
  void epoch(long seed, int epoch) {
    streams = new Streams(new SplittableRandom(seed).split().nextLong() ^ new SplittableRandom(epoch).nextLong());
  }

  /** The batch's inputs with noise added afresh (the network never sees the same example twice), or as they are. */
  NDArray inputs(NDArray x, NDManager scope) {
    return spec.data() > 0 ? x.add(noise(scope, x.getShape(), spec.data(), streams.data())) : x;
  }

  /** Sets the next update's learning rate to lr · max(0, 1 + ε). */
  void learningRate(LearningRate rate) {
    if (spec.lr() > 0) {
      rate.jitter(Math.max(0, 1 + spec.type().sample(streams.lr(), spec.lr())));
    }
  }

  /** Adds noise to every parameter after an update: a random walk the loss must fight. */
  void parameters(List<Parameter> parameters, NDManager scope) {
    if (spec.weights() > 0) {
      for (Parameter parameter : parameters) {
        if (!parameter.requiresGradient()) {
          continue; // batch norm's running statistics are measured, not learned
        }
        NDArray value = parameter.getArray();
        value.addi(noise(scope, value.getShape(), spec.weights(), streams.weights()));
      }
    }
  }

  private NDArray noise(NDManager scope, Shape shape, double scale, RandomGenerator stream) {
    double[] values = spec.type().samples(stream, scale, (int) Math.max(1, shape.size()));
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
    }
    return Torch.floats(scope, floats, shape);
  }
}
