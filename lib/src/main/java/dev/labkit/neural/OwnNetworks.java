package dev.labkit.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.labkit.ground.UserError;
import dev.labkit.model.OwnBlock;

/** Your own network's block: built by your factory, then checked on two examples before any training. */
final class OwnNetworks {
  private OwnNetworks() {}

  static Block build(OwnBlock own, dev.labkit.data.Shape shape, int classes) {
    Block block;
    try {
      block = own.factory().build(shape, classes);
    } catch (UserError e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UserError("your network " + own.name() + " could not be built for " + shape + " images and " + classes
          + " classes: " + e, e);
    }
    if (block == null) {
      throw new UserError("your network " + own.name() + "'s factory returned no block");
    }
    return block;
  }

  /** Initialises {@code block} for {@code input}, then runs {@code check} (two examples) and checks its output. */
  static void initialize(OwnBlock own, Block block, NDManager manager, Shape input, Shape check, int classes) {
    try {
      block.initialize(manager, DataType.FLOAT32, input);
    } catch (RuntimeException e) {
      throw new UserError("your network " + own.name() + " cannot take input of shape " + input + ": " + message(e), e);
    }
    Shape out;
    try (NDManager scope = manager.newSubManager()) {
      NDArray zeros = scope.zeros(check);
      out = block.forward(new ParameterStore(scope, false), new NDList(zeros), false).singletonOrThrow().getShape();
    } catch (RuntimeException e) {
      throw new UserError("your network " + own.name() + " cannot take input of shape " + check + ": " + message(e), e);
    }
    Shape expected = new Shape(check.get(0), classes);
    if (!out.equals(expected)) {
      throw new UserError("your network " + own.name() + " gives " + out + " for input " + check + "; it must give "
          + expected + ": one score per class (" + classes + ")");
    }
  }

  /** The first line of a libtorch message (the rest is its C++ stack). */
  private static String message(RuntimeException e) {
    String text = String.valueOf(e.getMessage());
    int cut = text.indexOf('\n');
    return cut < 0 ? text : text.substring(0, cut);
  }
}
