package dev.labkit.neural;

import java.util.SplittableRandom;

/**
 * The random streams of one training run, all split in a fixed order from the run's seed: whether one is
 * used (say, noise on the weights) never changes the numbers another draws (the mini-batches).
 */
final class Streams {
  private final SplittableRandom init;
  private final SplittableRandom batches;
  private final SplittableRandom data;
  private final SplittableRandom weights;
  private final SplittableRandom lr;

  Streams(long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    init = root.split();
    batches = root.split();
    data = root.split();
    weights = root.split();
    lr = root.split();
  }

  /** For a normal initialisation. */
  SplittableRandom init() {
    return init;
  }

  /** For shuffling the rows into mini-batches. */
  SplittableRandom batches() {
    return batches;
  }

  /** For noise injected into the data. */
  SplittableRandom data() {
    return data;
  }

  /** For noise injected into the weights. */
  SplittableRandom weights() {
    return weights;
  }

  /** For noise on the learning rate. */
  SplittableRandom lr() {
    return lr;
  }
}
