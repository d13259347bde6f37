package dev.labkit.model;

import ai.djl.nn.Block;
import dev.labkit.data.Shape;
import dev.labkit.ground.UserError;

/**
 * Your own generator and discriminator, trained by labkit's GAN loop with its galleries, class histogram,
 * FID, checkpoints and resume. They work on flat rows as labkit's own networks do: G takes
 * {@code (batch, latent [+ classes])} and gives {@code (batch, pixels)} in [-1, 1] (end it with tanh), each
 * pixel's channels together (height × width × channels); D takes {@code (batch, pixels [+ classes])} and gives
 * {@code (batch, 1)}, a logit. Reshape inside your blocks for convolutions. Both are checked on two examples
 * before training starts.
 *
 * @param name          the architecture's name: params show {@code architecture=own:<name>}
 * @param generator     builds G for images of a shape and its number of inputs
 * @param discriminator builds D for images of a shape and its number of inputs
 */
public record OwnGanParts(String name, Factory generator, Factory discriminator) {
  /** Builds a fresh, uninitialised block for images of {@code image}'s shape taking {@code inputs} numbers. */
  @FunctionalInterface
  public interface Factory {
    Block build(Shape image, int inputs);
  }

  public OwnGanParts {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new UserError("GAN name '" + name + "' must be lower-case letters, digits and dashes, e.g. my-gan");
    }
    if (generator == null || discriminator == null) {
      throw new UserError("GAN " + name + " needs a generator and a discriminator: (image, inputs) -> block");
    }
  }

  /** The architecture text params and checkpoints carry. */
  public String architecture() {
    return "own:" + name;
  }
}
