package dev.labkit.model;

import ai.djl.nn.Block;
import dev.labkit.data.Shape;
import dev.labkit.ground.UserError;

/**
 * Your own network as a DJL {@link Block}, built for the data it will see: it gets images as
 * {@code (batch, channels, height, width)} (PyTorch's layout) and a table of features as
 * {@code (batch, features)}, and must return one score (logit) per class, {@code (batch, classes)}; the
 * softmax is in the loss. labkit checks both shapes on two examples before training starts.
 *
 * @param name    the network's name in params and pages (lower-case, dashes)
 * @param factory builds a fresh, uninitialised block; called once per fit and once per prediction
 */
public record OwnBlock(String name, Factory factory) {
  /** Builds the block for examples of {@code shape} and {@code classes} classes. */
  @FunctionalInterface
  public interface Factory {
    Block build(Shape shape, int classes);
  }

  public OwnBlock {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new UserError("network name '" + name
          + "' must be lower-case letters, digits and dashes, e.g. my-cnn");
    }
    if (factory == null) {
      throw new UserError("network " + name + " needs a factory: (shape, classes) -> block");
    }
  }
}
