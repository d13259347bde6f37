package dev.labkit.gan;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.labkit.ground.UserError;
import dev.labkit.model.OwnGanParts;

/** Your own G and D: built by your factories, then checked on two examples before any training. */
final class OwnGan {
  private OwnGan() {}

  static Block build(String which, OwnGanParts parts, OwnGanParts.Factory factory, dev.labkit.data.Shape image,
      int inputs) {
    Block block;
    try {
      block = factory.build(image, inputs);
    } catch (UserError e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UserError("your " + which + " of " + parts.name() + " could not be built for " + image + " images and "
          + inputs + " inputs: " + e, e);
    }
    if (block == null) {
      throw new UserError("your " + which + " of " + parts.name() + ": the factory returned no block");
    }
    return block;
  }

  /** Initialises {@code block} for {@code (1, inputs)} and checks that {@code (2, inputs)} gives {@code (2, outputs)}. */
  static void initialize(OwnGanParts parts, Block block, NDManager manager, int inputs, int outputs) {
    String which = outputs == 1 ? "discriminator" : "generator";
    Shape check = new Shape(2, inputs);
    Shape out;
    try (NDManager scope = manager.newSubManager()) {
      block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
      out = block.forward(new ParameterStore(scope, false), new NDList(scope.zeros(check)), false).singletonOrThrow()
          .getShape();
    } catch (RuntimeException e) {
      String text = String.valueOf(e.getMessage());
      throw new UserError("your " + which + " of " + parts.name() + " cannot take input of shape " + check + ": "
          + (text.contains("\n") ? text.substring(0, text.indexOf('\n')) : text), e);
    }
    if (!out.equals(new Shape(2, outputs))) {
      throw new UserError("your " + which + " of " + parts.name() + " gives " + out + " for input " + check
          + "; it must give " + new Shape(2, outputs) + (outputs == 1 ? ": one logit per image" : ": one flat image per row"));
    }
  }
}
